/**
 * Text to plain values: JSON, or YAML with any number of documents, inside the import limits.
 * Problems come back as sentences naming the file; nothing here throws on bad input.
 */
import { LineCounter, parseAllDocuments, visit } from 'yaml';
import { MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_NESTING_DEPTH, MAX_YAML_ALIASES } from './import-limits.ts';

export type ParsedFile = { ok: true; documents: unknown[] } | { ok: false; problem: string };

const MIB = 1024 * 1024;

/** UTF-16 length is at most the UTF-8 length for the texts that matter here; the CLI checks bytes before reading. */
export function sizeProblem(path: string, bytes: number): string | null {
  return bytes > MAX_FILE_BYTES
    ? `${path}: is ${(bytes / MIB).toFixed(1)} MiB; files larger than ${MAX_FILE_BYTES / MIB} MiB are not imported`
    : null;
}

/** Deepest nesting of arrays and objects, walked without recursion so that no input can overflow the stack. */
export function nestingDepth(value: unknown, stopAbove = MAX_NESTING_DEPTH): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current))
      stack.push({ value: child, depth: here });
  }
  return deepest;
}

const depthProblem = (path: string) =>
  `${path}: nests maps and lists more than ${MAX_NESTING_DEPTH} levels deep; that is not a manifest, task definition or Compose file`;

function parseJson(path: string, text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `${path}: not valid JSON (${(error as Error).message})` };
  }
  if (nestingDepth(value) > MAX_NESTING_DEPTH) return { ok: false, problem: depthProblem(path) };
  return { ok: true, documents: [value] };
}

function parseYaml(path: string, text: string): ParsedFile {
  // Merge keys (<<) are YAML 1.1, and Compose files use them with anchors for shared settings.
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { merge: true, prettyErrors: false, lineCounter: lines });
  const documents = Array.isArray(parsed) ? parsed : [];
  if (documents.length > MAX_DOCUMENTS)
    return { ok: false, problem: `${path}: has ${documents.length} YAML documents; at most ${MAX_DOCUMENTS} are read` };
  const values: unknown[] = [];
  for (const [index, yamlDocument] of documents.entries()) {
    const where = documents.length > 1 ? `${path} (document ${index + 1})` : path;
    const error = yamlDocument.errors[0];
    // Flow collections nested thousands deep ([[[[...) overflow the YAML parser's stack.
    if (error && /call stack/i.test(error.message)) return { ok: false, problem: depthProblem(where) };
    if (error) {
      const line = lines.linePos(error.pos[0]).line;
      return {
        ok: false,
        problem: `${where}: not valid YAML${line ? ` at line ${line}` : ''} (${error.message.split('\n')[0]})`,
      };
    }
    let aliases = 0;
    visit(yamlDocument, {
      Alias: () => {
        aliases++;
        return aliases > MAX_YAML_ALIASES ? visit.BREAK : undefined;
      },
    });
    const aliasProblem = `${where}: uses more than ${MAX_YAML_ALIASES} YAML aliases (*name); refused, as alias chains can expand a small file into gigabytes`;
    if (aliases > MAX_YAML_ALIASES) return { ok: false, problem: aliasProblem };
    let value: unknown;
    try {
      // yaml also counts what each alias expands to, so fewer aliases of large anchors are refused too.
      value = yamlDocument.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      const message = (error as Error).message;
      return {
        ok: false,
        problem: /alias/i.test(message) ? aliasProblem : `${where}: cannot be read as YAML (${message})`,
      };
    }
    if (nestingDepth(value) > MAX_NESTING_DEPTH) return { ok: false, problem: depthProblem(where) };
    // An empty document (a trailing "---") holds nothing to import.
    if (value !== null && value !== undefined) values.push(value);
  }
  return { ok: true, documents: values };
}

/** JSON when the text starts like JSON (faster, and its errors are clearer); YAML otherwise. */
export function parseDocuments(path: string, text: string): ParsedFile {
  const tooLarge = sizeProblem(path, text.length);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const start = text.trimStart()[0];
  if ((start === '{' || start === '[') && !/\.ya?ml$/i.test(path)) return parseJson(path, text);
  return parseYaml(path, text);
}
