/**
 * The working copy of the scenario, kept in localStorage on every change, valid or not, so a reload,
 * a crash or a closed tab never loses work (a share link holds only valid scenarios that fit in a
 * link). JSON has no NaN (an empty number box): numbers that are not finite are written as
 * {"$number": "NaN"} and read back as numbers.
 *
 * The stored draft records the page addresses it was made on: after a reload of one of them the
 * page restores the draft; a different link opens that link and keeps the draft on offer.
 */
import type { DecisionAnswers } from '../domain/recommend/decision-answers.ts';
import { DEFAULT_ANSWERS } from '../domain/recommend/default-answers.ts';
import { newService, toDraft, type DraftScenario } from './scenario-draft.ts';
import { defaultState } from './app-store.ts';
import { loadedValidation } from './validation-loader.ts';

export const DRAFT_STORAGE_KEY = 'ecs-eks-calculator:draft:v1';

export interface StoredDraft {
  scenario: DraftScenario;
  answers: DecisionAnswers;
  /** The URL fragment (share link) the page showed when the draft was saved. */
  fragment: string;
  /** The fragment before the last one written: a reload starts from the address it had when it
   *  began, before the page wrote its last link on the way out. */
  previousFragment?: string;
  savedAt: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem'>;

const NUMBER_TAG = '$number';

function encode(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { [NUMBER_TAG]: String(value) } : value;
}

function decode(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === NUMBER_TAG) return Number((value as Record<string, unknown>)[NUMBER_TAG]);
  }
  return value;
}

/** JSON with keys sorted and non-finite numbers kept: equal work gives equal text. */
export function canonicalText(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value), encode);
}

/** Saves the draft; a full or blocked storage is not an error worth interrupting the user for. */
export function saveDraft(storage: DraftStorage | undefined, draft: StoredDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft, encode));
    return true;
  } catch {
    return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a draft is stored: the page then loads validation before its first render, to read it (main.tsx). */
export function hasStoredDraft(storage: DraftStorage | undefined): boolean {
  try {
    return !!storage?.getItem(DRAFT_STORAGE_KEY);
  } catch {
    return false;
  }
}

/**
 * Reads the stored draft, or null when there is none or it is unreadable. A valid draft gets its
 * defaults filled in (an older format upgraded); an invalid one keeps its values over the default
 * sections, so every field the editor shows exists (its problems then show beside the fields).
 * Validation must have loaded (validation-loader.ts); if its download failed, the draft is read
 * as an invalid one would be and the stored answers give way to the defaults.
 */
export function readDraft(storage: DraftStorage | undefined): StoredDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(DRAFT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw, decode);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !isRecord(parsed.scenario)) return null;
  const scenario = draftFrom(parsed.scenario);
  if (!scenario) return null;
  const answers = loadedValidation()?.decisionAnswersSchema.safeParse(parsed.answers);
  return {
    scenario,
    answers: answers?.success ? answers.data : { ...DEFAULT_ANSWERS },
    fragment: typeof parsed.fragment === 'string' ? parsed.fragment : '',
    ...(typeof parsed.previousFragment === 'string' ? { previousFragment: parsed.previousFragment } : {}),
    savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '',
  };
}

function draftFrom(stored: Record<string, unknown>): DraftScenario | null {
  const valid = loadedValidation()?.validateScenario(stored);
  if (valid?.ok) return toDraft(valid.scenario);
  const services = stored.services;
  if (!Array.isArray(services) || services.length === 0 || !services.every(isRecord)) return null;
  const base = defaultState().scenario;
  const section = <K extends keyof DraftScenario>(key: K) =>
    isRecord(stored[key]) ? { ...(base[key] as object), ...(stored[key] as object) } : base[key];
  const filled: Record<string, unknown> = { ...base, ...stored };
  for (const key of ['fargate', 'ec2', 'eks', 'extras', 'operations'] as const) filled[key] = section(key);
  filled.services = services.map((s, i) => ({ ...newService(services.slice(0, i) as { name: string }[]), ...s }));
  return filled as unknown as DraftScenario;
}
