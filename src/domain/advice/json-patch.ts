/**
 * JSON Patch (RFC 6902) with JSON Pointer paths (RFC 6901), for the operations the advice emits:
 * add, replace and remove. Pure: a patched document is a copy, the input is never changed.
 *
 * A pointer is "" (the whole document) or "/"-separated reference tokens, in which "~1" stands for
 * "/" and "~0" for "~" (RFC 6901 section 4: "~1" is decoded before "~0", so "~01" is "~1").
 */

export type JsonPatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

export type JsonPatch = readonly JsonPatchOperation[];

export type PatchResult = { ok: true; document: unknown } | { ok: false; problem: string };

/** One reference token written for a pointer: "~" as "~0", "/" as "~1". */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer of a path of keys and indexes: ["services", 3, "arch"] is "/services/3/arch". */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** The reference tokens of a pointer, decoded; null when it is not a valid JSON Pointer. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const tokens: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    // "~" may only start "~0" or "~1".
    if (/~(?![01])/.test(raw)) return null;
    tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return tokens;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** An array index token: "0" or digits without a leading zero (RFC 6901 section 4). */
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** Sets an own member without going through a setter ("__proto__" stays a plain key, as JSON.parse makes it). */
function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A shallow copy of an object that keeps every own key, "__proto__" included. */
function copyObject(source: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) defineMember(copy, key, source[key]);
  return copy;
}

const copyOf = (container: Container): Container => (Array.isArray(container) ? [...container] : copyObject(container));

function describePointer(tokens: readonly string[], upTo: number): string {
  return tokens.slice(0, upTo).length === 0 ? 'the document' : `"${pointerOf(tokens.slice(0, upTo))}"`;
}

/** Applies one operation to `document`, returning a new document or why it cannot apply. */
function applyOperation(document: unknown, operation: JsonPatchOperation): PatchResult {
  const tokens = parsePointer(operation.path);
  if (tokens === null) return { ok: false, problem: `path "${operation.path}" is not a JSON Pointer` };
  if (tokens.length === 0) {
    if (operation.op === 'remove') return { ok: false, problem: 'cannot remove the whole document' };
    return { ok: true, document: operation.value };
  }
  // Copy the containers along the path, so the input is untouched and unrelated parts are shared.
  const root: unknown = isContainer(document) ? copyOf(document) : document;
  let parent: unknown = root;
  for (let depth = 0; depth < tokens.length - 1; depth++) {
    const token = tokens[depth]!;
    if (!isContainer(parent))
      return { ok: false, problem: `${describePointer(tokens, depth)} is not an object or array` };
    let child: unknown;
    if (Array.isArray(parent)) {
      if (!ARRAY_INDEX.test(token) || Number(token) >= parent.length)
        return { ok: false, problem: `${describePointer(tokens, depth + 1)} does not exist` };
      child = parent[Number(token)];
    } else {
      if (!Object.hasOwn(parent, token))
        return { ok: false, problem: `${describePointer(tokens, depth + 1)} does not exist` };
      child = parent[token];
    }
    if (!isContainer(child))
      return { ok: false, problem: `${describePointer(tokens, depth + 1)} is not an object or array` };
    const copy = copyOf(child);
    if (Array.isArray(parent)) parent[Number(token)] = copy;
    else defineMember(parent, token, copy);
    parent = copy;
  }
  const last = tokens[tokens.length - 1]!;
  if (!isContainer(parent))
    return { ok: false, problem: `${describePointer(tokens, tokens.length - 1)} is not an object or array` };
  if (Array.isArray(parent)) {
    const append = operation.op === 'add' && last === '-';
    if (!append && !ARRAY_INDEX.test(last))
      return { ok: false, problem: `"${operation.path}": "${last}" is not an array index` };
    const index = append ? parent.length : Number(last);
    const limit = operation.op === 'add' ? parent.length : parent.length - 1;
    if (index > limit) return { ok: false, problem: `"${operation.path}" is beyond the end of the array` };
    if (operation.op === 'add') parent.splice(index, 0, operation.value);
    else if (operation.op === 'replace') parent[index] = operation.value;
    else parent.splice(index, 1);
    return { ok: true, document: root };
  }
  const exists = Object.hasOwn(parent, last);
  if (operation.op !== 'add' && !exists) return { ok: false, problem: `"${operation.path}" does not exist` };
  if (operation.op === 'remove') delete parent[last];
  else defineMember(parent, last, operation.value);
  return { ok: true, document: root };
}

/**
 * Applies the operations in order (RFC 6902 section 3); the first that cannot apply stops the
 * patch with its reason, and the input document is never changed.
 */
export function applyJsonPatch(document: unknown, patch: JsonPatch): PatchResult {
  let current = document;
  for (const [index, operation] of patch.entries()) {
    const result = applyOperation(current, operation);
    if (!result.ok) return { ok: false, problem: `operation ${index} (${operation.op}): ${result.problem}` };
    current = result.document;
  }
  return { ok: true, document: current };
}

/**
 * The operation that sets `path` to `value` in `document`: "replace" when the member exists, "add"
 * when only its parent does, and "add" of the first missing object with the rest nested inside it
 * otherwise (a scenario may leave out a whole section, such as "ec2"). Null when the path runs
 * through something that is not an object, or through an array index that does not exist.
 */
export function setOperation(
  document: unknown,
  path: readonly (string | number)[],
  value: unknown,
): JsonPatchOperation | null {
  if (path.length === 0) return { op: 'replace', path: '', value };
  let node: unknown = document;
  for (let depth = 0; depth < path.length; depth++) {
    const token = path[depth]!;
    if (Array.isArray(node)) {
      if (typeof token !== 'number' || !Number.isInteger(token) || token < 0 || token >= node.length) return null;
      if (depth === path.length - 1) return { op: 'replace', path: pointerOf(path), value };
      node = node[token];
      continue;
    }
    if (!isContainer(node)) return null;
    const key = String(token);
    if (!Object.hasOwn(node, key)) {
      // Build the missing rest, innermost first: {"ec2": {"eniTrunking": true}}.
      let nested = value;
      for (let i = path.length - 1; i > depth; i--) {
        if (typeof path[i] === 'number') return null;
        const wrapper: Record<string, unknown> = {};
        defineMember(wrapper, String(path[i]), nested);
        nested = wrapper;
      }
      return { op: 'add', path: pointerOf(path.slice(0, depth + 1)), value: nested };
    }
    if (depth === path.length - 1) return { op: 'replace', path: pointerOf(path), value };
    node = (node as Record<string, unknown>)[key];
  }
  return null;
}
