/**
 * Text from input or the network, made safe to show: control characters written as escapes (so it
 * can neither start a new line nor drive a terminal), long values cut with a marker. Messages that
 * quote a user's value use quoteText; the CLI escapes every line it prints the same way.
 */

/**
 * What a terminal or a reader may act on: C0 controls (line feed and tab included: inside a value
 * they would start a line or move the cursor), DEL, C1 controls (0x9B is CSI on 8-bit terminals),
 * the line and paragraph separators, the byte order mark, bidirectional controls (they reorder what
 * is shown: "Trojan Source") and unpaired surrogates.
 */
const UNSAFE =
  // oxlint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Writes every unsafe character as `\n`, `\r`, `\t` or `\uXXXX`; everything else is kept. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest value a message quotes whole. */
export const MAX_QUOTED_CHARS = 60;

/** The text, or its first maxChars characters and "… (N more characters)". Never splits a surrogate pair. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${(text.length - end).toLocaleString('en-US')} more characters)`;
}

/** A user's value in double quotes, as JSON would quote it, escaped and cut: `"a\u001b…"`. */
export function quoteText(text: string, maxChars = MAX_QUOTED_CHARS): string {
  const cut = text.length > maxChars ? cutText(text, maxChars) : text;
  return `"${escapeControls(cut.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}
