/**
 * Everything the CLI prints goes through here, so text from a scenario file, an argument or a
 * pricing proxy reaches the terminal only with its control characters escaped (it can neither
 * clear the screen nor forge a line) and long values cut with a marker (docs: README "Command
 * line"). Messages quote the values they echo with quoteArg; the sinks escape whole lines.
 */
import { cutText, escapeControls, quoteText } from '../domain/text/safe-text.ts';

/** A problem line longer than this is cut: nothing the CLI writes itself comes near it. */
export const MAX_PROBLEM_LINE_CHARS = 2_000;
/** Arguments, file names and proxy text longer than this are cut where a message echoes them. */
export const MAX_ECHOED_CHARS = 120;

/** One stderr line: escaped, so it stays one line, and cut at {@link MAX_PROBLEM_LINE_CHARS}. */
export function problemLine(text: string): string {
  return escapeControls(cutText(text, MAX_PROBLEM_LINE_CHARS));
}

/** The text for stderr: one line per problem, each ending in a newline. */
export function problemLines(lines: readonly string[]): string {
  return lines.map((line) => `${problemLine(line)}\n`).join('');
}

/** Output lines for stdout (the table, "Wrote ..."): each escaped; lines are never cut. */
export function outputLines(lines: readonly string[]): string {
  return lines.map((line) => `${escapeControls(line)}\n`).join('');
}

/**
 * JSON for stdout. JSON.stringify escapes C0 controls already; DEL, C1 controls, separators and
 * bidirectional controls are written as \u escapes too (the JSON value is the same).
 */
export function outputJson(value: unknown): string {
  // JSON.stringify writes no raw line feed inside a string: every one left is the layout's.
  return outputLines(JSON.stringify(value, null, 2).split('\n'));
}

/**
 * CSV for stdout: records end in CRLF (RFC 4180), and each record is escaped like any output line
 * (the CSV writer has already written control characters inside values as escapes).
 */
export function outputCsv(csv: string): string {
  const records = csv.endsWith('\r\n') ? csv.slice(0, -2).split('\r\n') : csv.split('\r\n');
  return records.map((record) => `${escapeControls(record)}\r\n`).join('');
}

/** An argument or file name as a message echoes it: cut, not quoted (escaped when printed). */
export const echo = (text: string): string => cutText(text, MAX_ECHOED_CHARS);

/** A value quoted as JSON would quote it, escaped and cut. */
export const quoteArg = (text: string): string => quoteText(text, MAX_ECHOED_CHARS);
