/**
 * Share links: the whole scenario and the decision-guide answers in the URL fragment.
 *
 * Fragment: `#s=<format version>.<base64url(deflate-raw(JSON))>`. The JSON holds only what differs
 * from the defaults, so typical links stay short. Decoding never throws: a broken, truncated,
 * oversized or hostile link returns a message for the user, and a link from a newer format
 * version says so.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { Scenario, ScenarioInput } from '../scenario/scenario-schema.ts';
import { HOURS_PER_MONTH, SECTION_DEFAULTS, SERVICE_DEFAULTS } from '../scenario/scenario-defaults.ts';
import { validateScenario, formatProblem } from '../scenario/validate-scenario.ts';
import { SCENARIO_FORMAT_VERSION } from '../scenario/migrate-scenario.ts';
import { DEFAULT_ANSWERS, decisionAnswersSchema, type DecisionAnswers } from '../recommend/decision-answers.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';

/** The link format this build writes: 2 since scenario format v2. */
export const SHARE_FORMAT_VERSION = 2;
/** Link formats this build opens; a format-1 link carries a v1 scenario, which is upgraded. */
const READABLE_SHARE_VERSIONS: readonly number[] = [1, 2];
/** Where `npm start` serves the app; the CLI's default base for links. */
export const DEFAULT_APP_URL = 'http://127.0.0.1:4173/';

/**
 * The longest fragment a link may carry, for encoding and decoding alike (browsers keep URLs up to
 * about 2 MB, but chat tools and proxies cut far shorter ones; 64 KiB holds 200 typical services).
 */
export const MAX_FRAGMENT_CHARS = 64 * 1024;

/** A valid scenario whose link would be longer than {@link MAX_FRAGMENT_CHARS}: share scenario.json instead. */
export class ShareLinkTooLongError extends Error {
  constructor(readonly fragmentChars: number) {
    super(
      `the scenario is too large for a share link (${fragmentChars} characters; the limit is ${MAX_FRAGMENT_CHARS}): share the scenario file instead`,
    );
    this.name = 'ShareLinkTooLongError';
  }
}
/** Decompressed size limit, so a small link cannot expand into a huge document. */
const MAX_JSON_BYTES = 1024 * 1024;

export interface ShareState {
  scenario: ScenarioInput;
  answers?: DecisionAnswers;
}

export interface DecodedShareState {
  scenario: Scenario;
  answers: DecisionAnswers;
  /** The scenario format version the link carried when it was older than this build's (it was upgraded). */
  upgradedFrom: number | null;
}

export type DecodeResult =
  | { ok: true; state: DecodedShareState }
  | { ok: false; reason: 'empty' | 'invalid' | 'newer-version'; message: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function withoutDefaults(record: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || (key in defaults && same(value, defaults[key]))) continue;
    out[key] = value;
  }
  return out;
}

/** The smallest document that validates back to the same scenario. */
export function minimizeScenario(scenario: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = { version: scenario.version, region: scenario.region };
  if (scenario.hoursPerMonth !== HOURS_PER_MONTH) out.hoursPerMonth = scenario.hoursPerMonth;
  out.services = scenario.services.map((service) =>
    withoutDefaults(service, SERVICE_DEFAULTS as Record<string, unknown>),
  );
  for (const [section, defaults] of Object.entries(SECTION_DEFAULTS) as [string, Record<string, unknown>][]) {
    const diff = withoutDefaults(
      scenario[section as keyof typeof SECTION_DEFAULTS] as Record<string, unknown>,
      defaults,
    );
    if (Object.keys(diff).length > 0) out[section] = diff;
  }
  return out;
}

/** Encodes a valid state; throws if the scenario is invalid (callers share only validated scenarios). */
export function encodeShareState(state: ShareState): string {
  const validated = validateScenario(state.scenario);
  if (!validated.ok)
    throw new Error(`cannot share an invalid scenario: ${validated.problems.map(formatProblem).join('; ')}`);
  const payload: Record<string, unknown> = { s: minimizeScenario(validated.scenario) };
  const answers = withoutDefaults(state.answers ?? DEFAULT_ANSWERS, DEFAULT_ANSWERS);
  if (Object.keys(answers).length > 0) payload.a = answers;
  const compressed = deflateSync(strToU8(JSON.stringify(payload)), { level: 9 });
  const fragment = `s=${SHARE_FORMAT_VERSION}.${encodeBase64Url(compressed)}`;
  // Never hand out a link that decodeShareState would refuse.
  if (fragment.length > MAX_FRAGMENT_CHARS) throw new ShareLinkTooLongError(fragment.length);
  return fragment;
}

/** The share URL, or null when the scenario is too large for a link. */
export function tryBuildShareUrl(baseUrl: string, state: ShareState): string | null {
  try {
    return buildShareUrl(baseUrl, state);
  } catch (error) {
    if (error instanceof ShareLinkTooLongError) return null;
    throw error;
  }
}

export function buildShareUrl(baseUrl: string, state: ShareState): string {
  const base = baseUrl.split('#')[0]!;
  return `${base}#${encodeShareState(state)}`;
}

function inflateLimited(bytes: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) {
      tooLarge = true;
      // Stop inflating at once: a hostile link must not keep the page busy.
      throw new RangeError('share link expands past the size limit');
    }
    chunks.push(chunk);
  });
  try {
    inflater.push(bytes, true);
  } catch {
    return null;
  }
  if (tooLarge) return null;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const INVALID =
  'This link is broken or incomplete, so the default scenario is shown. Ask for the link again, or check that it was copied whole.';

/** Decodes a URL fragment (with or without the leading "#"). */
export function decodeShareState(fragment: string): DecodeResult {
  const hash = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (hash === '') return { ok: false, reason: 'empty', message: '' };
  if (hash.length > MAX_FRAGMENT_CHARS)
    return {
      ok: false,
      reason: 'invalid',
      message: 'This link is too long to be a calculator link, so the default scenario is shown.',
    };
  const match = /^s=(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(hash);
  if (!match) return { ok: false, reason: 'invalid', message: INVALID };
  const version = Number(match[1]);
  if (version > SHARE_FORMAT_VERSION) {
    return {
      ok: false,
      reason: 'newer-version',
      message: `This link was made by a newer version of the calculator (link format ${version}; this page reads format ${SHARE_FORMAT_VERSION}). The default scenario is shown; open the link with the newer version.`,
    };
  }
  if (!READABLE_SHARE_VERSIONS.includes(version)) return { ok: false, reason: 'invalid', message: INVALID };
  const bytes = decodeBase64Url(match[2]!);
  const json = bytes && inflateLimited(bytes);
  if (!json) return { ok: false, reason: 'invalid', message: INVALID };
  let payload: unknown;
  try {
    payload = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, reason: 'invalid', message: INVALID };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return { ok: false, reason: 'invalid', message: INVALID };
  const { s, a } = payload as { s?: unknown; a?: unknown };
  const scenario = validateScenario(s);
  if (!scenario.ok) {
    const first = scenario.problems.slice(0, 3).map(formatProblem).join('; ');
    return {
      ok: false,
      reason: 'invalid',
      message: `This link holds a scenario this calculator cannot read (${first}), so the default scenario is shown.`,
    };
  }
  const answers = decisionAnswersSchema.safeParse(a ?? {});
  if (!answers.success) return { ok: false, reason: 'invalid', message: INVALID };
  return {
    ok: true,
    state: { scenario: scenario.scenario, answers: answers.data, upgradedFrom: scenario.upgradedFrom },
  };
}

/** What the page says when it opened an older link, upgraded. */
export function upgradedLinkMessage(fromVersion: number): string {
  return `This link was made by an older version of the calculator (scenario format ${fromVersion}) and was upgraded to format ${SCENARIO_FORMAT_VERSION}: it opens and prices as before, and links copied from this page use the new format.`;
}
