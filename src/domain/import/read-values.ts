/** Narrowing helpers for untrusted parsed values: each returns undefined for the wrong type. */
export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asObjects = (value: unknown): Json[] =>
  asArray(value).flatMap((item) => {
    const object = asObject(item);
    return object ? [object] : [];
  });

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A finite number, or a string holding one ("3"): YAML and JSON writers differ. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Text from input, shortened and stripped of control characters before it appears in a note. */
export function shown(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // oxlint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Rounds float noise away (0.1 + 0.2) while keeping every meaningful digit of a size. */
export const tidy = (value: number): number => Math.round(value * 1e9) / 1e9;

// A URL without a path ("http://localhost") probes "/".
const WHOLE_HEALTH_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(\/\S*)?$/;
const HEALTH_URL = /https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(\/[^\s'"|;&]*)?(?=$|[\s'"|;&])/;

/** The path a health check command probes on the container itself ("curl -f http://localhost:8080/health"). */
export function healthPathOfCommand(command: unknown): string | undefined {
  const parts = typeof command === 'string' ? [command] : asArray(command);
  // Exec form: one argument is the whole URL, so the path is all of the rest of it.
  for (const part of parts) {
    const exact = typeof part === 'string' ? WHOLE_HEALTH_URL.exec(part) : null;
    if (exact) return exact[1] ?? '/';
  }
  // Shell form: the URL ends at a space, quote or shell operator.
  for (const part of parts) {
    const match = typeof part === 'string' ? HEALTH_URL.exec(part) : null;
    if (match) return match[1] ?? '/';
  }
  return undefined;
}
