/**
 * Structured logs: one JSON object per line. Callers pass fields, never raw error messages or
 * headers; as a second line of defence, anything that looks like an AWS access key id, a secret,
 * a session token or an account id is masked before the line is written.
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Field names whose values are never written, whatever they hold. */
const SECRET_FIELD = /secret|token|password|credential|authorization|cookie|signature|access.?key/i;

/**
 * AKIA/ASIA... access key ids, 40-character secret-like strings, 12-digit account ids (also inside
 * ARNs). Price figures never have 12 consecutive digits: they are decimals of at most 10 places.
 */
const SECRET_VALUE = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b|\b[A-Za-z0-9/+]{40}\b|\b\d{12}\b/g;

export function redactLogValue(value: string): string {
  return value.replace(SECRET_VALUE, '[redacted]');
}

/** Field names repeat on every line (method, path, status ...): test each name once. */
const secretFieldNames = new Map<string, boolean>();

function isSecretField(key: string): boolean {
  let secret = secretFieldNames.get(key);
  if (secret === undefined) {
    secret = SECRET_FIELD.test(key);
    if (secretFieldNames.size < 1_000) secretFieldNames.set(key, secret);
  }
  return secret;
}

function redactFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    if (isSecretField(key)) out[key] = '[redacted]';
    else out[key] = typeof value === 'string' ? redactLogValue(value) : value;
  }
  return out;
}

/** A logger writing each entry as one JSON line through `writeLine` (stdout in the proxy). */
export function createJsonLogger(writeLine: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const write = (level: string, msg: string, fields: LogFields = {}) => {
    writeLine(JSON.stringify({ time: now().toISOString(), level, msg, ...redactFields(fields) }));
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

/** Discards everything (tests that do not look at logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
