/**
 * Saved scenarios: named, valid scenarios kept in the browser (the caller stores the text this
 * module writes, in localStorage). Pure: this module reads and writes the stored text, bounds it
 * and reports what it cannot read; it never touches storage itself.
 *
 * Stored text: {"version": 1, "scenarios": [{"id", "name", "savedAt", "scenario"}]}, each scenario
 * minimized like a share link (defaults left out). An entry that does not read back (edited by
 * hand, written by a newer build, cut short) is kept as it was and reported, never dropped
 * silently; a text that is not this format at all is reported, and nothing is written over it
 * until the user clears it.
 */
import { minimizeScenario } from '../share/share-codec.ts';
import { formatProblem, validateScenario } from '../scenario/validate-scenario.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { cutText, escapeControls } from '../text/safe-text.ts';

export const SAVED_FORMAT_VERSION = 1;
/** How many scenarios can be saved: the compare view and the list stay readable, the storage small. */
export const MAX_SAVED_SCENARIOS = 50;
/** The longest name a saved scenario can have. */
export const MAX_SAVED_NAME_CHARS = 60;
/**
 * The most characters the stored text may hold: browsers give an origin about 5 MB of
 * localStorage (2 bytes a character in some), shared with the draft; 1 M characters leaves room.
 */
export const MAX_SAVED_TEXT_CHARS = 1_000_000;

export interface SavedScenario {
  id: string;
  name: string;
  /** ISO 8601. */
  savedAt: string;
  scenario: Scenario;
}

export interface SavedList {
  scenarios: SavedScenario[];
  /** Entries that did not read back, kept as stored so writing the list does not lose them. */
  unreadable: unknown[];
  /** One sentence per entry that did not read back, for the user. */
  problems: string[];
  /** True when the stored text is not a saved list at all: nothing may be written over it. */
  blocked: boolean;
}

export const EMPTY_SAVED_LIST: SavedList = { scenarios: [], unreadable: [], problems: [], blocked: false };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A name as the list shows it: trimmed, control characters as escapes, at most MAX_SAVED_NAME_CHARS. */
export function cleanName(name: string): string {
  return cutText(escapeControls(name.trim()), MAX_SAVED_NAME_CHARS);
}

/** Reads the stored text (null: nothing stored yet). Never throws. */
export function readSavedList(text: string | null): SavedList {
  if (text === null || text === '') return EMPTY_SAVED_LIST;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ...EMPTY_SAVED_LIST,
      blocked: true,
      problems: ['The saved scenarios in this browser could not be read (the stored text is not JSON).'],
    };
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.scenarios)) {
    return {
      ...EMPTY_SAVED_LIST,
      blocked: true,
      problems: ['The saved scenarios in this browser are not in a format this page reads.'],
    };
  }
  if (typeof parsed.version === 'number' && parsed.version > SAVED_FORMAT_VERSION) {
    return {
      ...EMPTY_SAVED_LIST,
      blocked: true,
      problems: [
        `The saved scenarios were written by a newer version of the calculator (format ${parsed.version}; this page reads ${SAVED_FORMAT_VERSION}).`,
      ],
    };
  }
  const list: SavedList = { scenarios: [], unreadable: [], problems: [], blocked: false };
  parsed.scenarios.forEach((entry: unknown, index: number) => {
    const problem = entryProblem(entry);
    if (problem === null) {
      const e = entry as Record<string, unknown>;
      const valid = validateScenario(e.scenario);
      if (valid.ok) {
        list.scenarios.push({
          id: e.id as string,
          name: cleanName(e.name as string),
          savedAt: e.savedAt as string,
          scenario: valid.scenario,
        });
        return;
      }
      list.problems.push(
        `Saved entry ${index + 1} (${cleanName(String(e.name))}): ${valid.problems.slice(0, 2).map(formatProblem).join('; ')}`,
      );
    } else {
      list.problems.push(`Saved entry ${index + 1}: ${problem}`);
    }
    list.unreadable.push(entry);
  });
  return list;
}

function entryProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return 'not an object';
  if (typeof entry.id !== 'string' || entry.id === '' || entry.id.length > 64) return 'id is missing';
  if (typeof entry.name !== 'string' || entry.name.trim() === '') return 'name is missing';
  if (typeof entry.savedAt !== 'string') return 'savedAt is missing';
  return null;
}

/** The text to store for a list (its unreadable entries kept as they were). */
export function writeSavedList(list: SavedList): string {
  return JSON.stringify({
    version: SAVED_FORMAT_VERSION,
    scenarios: [
      ...list.scenarios.map((s) => ({
        id: s.id,
        name: s.name,
        savedAt: s.savedAt,
        scenario: minimizeScenario(s.scenario),
      })),
      ...list.unreadable,
    ],
  });
}

export type SaveResult = { ok: true; list: SavedList; saved: SavedScenario } | { ok: false; message: string };

/**
 * The list with the scenario saved under the name: a name already saved is replaced (the same
 * entry, newer scenario), a new name is added at the top. Refused with a message past the bounds.
 */
export function saveScenario(
  list: SavedList,
  input: { name: string; scenario: Scenario; id: string; savedAt: string },
): SaveResult {
  if (list.blocked)
    return { ok: false, message: 'Clear the unreadable saved scenarios first; nothing is written over them.' };
  const name = cleanName(input.name);
  if (name === '') return { ok: false, message: 'Name: enter a name for the scenario.' };
  if (input.name.trim().length > MAX_SAVED_NAME_CHARS)
    return { ok: false, message: `Name: at most ${MAX_SAVED_NAME_CHARS} characters.` };
  const existing = list.scenarios.find((s) => s.name === name);
  const saved: SavedScenario = { id: existing?.id ?? input.id, name, savedAt: input.savedAt, scenario: input.scenario };
  const scenarios = existing
    ? list.scenarios.map((s) => (s.id === existing.id ? saved : s))
    : [saved, ...list.scenarios];
  if (scenarios.length + list.unreadable.length > MAX_SAVED_SCENARIOS)
    return { ok: false, message: `At most ${MAX_SAVED_SCENARIOS} scenarios can be saved: delete one first.` };
  const next = { ...list, scenarios };
  if (writeSavedList(next).length > MAX_SAVED_TEXT_CHARS)
    return {
      ok: false,
      message: 'The saved scenarios would be too large for this browser’s storage: delete some first.',
    };
  return { ok: true, list: next, saved };
}

export function deleteSaved(list: SavedList, id: string): SavedList {
  return { ...list, scenarios: list.scenarios.filter((s) => s.id !== id) };
}

/** The list without its unreadable entries (the user chose to remove them). */
export function withoutUnreadable(list: SavedList): SavedList {
  return { scenarios: list.scenarios, unreadable: [], problems: [], blocked: false };
}
