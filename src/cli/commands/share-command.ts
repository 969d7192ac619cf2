/**
 * `cli share <scenario.json | -> [--base URL]`: prints the app URL that opens exactly this scenario.
 * The link carries the validated scenario (defaults left out, compressed) in its fragment, the
 * same way the app's "Copy link" does; the decision-guide answers start unanswered.
 */
import { DEFAULT_APP_URL, tryBuildShareUrl } from '../../domain/share/share-codec.ts';
import { parseArgs, scenarioArgument, UsageError, type CliIo } from '../cli-io.ts';
import { echo, outputLines } from '../terminal-text.ts';
import { checkAgainstSnapshot, readScenario } from '../load-scenario.ts';
import { loadBundledSnapshot } from '../load-bundled-snapshot.ts';

/** Checks a --base value: an absolute http(s) URL; any fragment it has is replaced by the link's. */
export function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base ${echo(value)}: not a URL; give the app's address, e.g. ${DEFAULT_APP_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--base ${echo(value)}: must be an http:// or https:// address`);
  url.hash = '';
  return url.toString();
}

export async function runShare(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [], ['base']);
  const path = scenarioArgument(args);
  const base = args.flags.get('base');
  const baseUrl = typeof base === 'string' ? parseBaseUrl(base) : DEFAULT_APP_URL;
  const scenario = await readScenario(io, path);
  // The same check as `cli estimate`: a link must not open a scenario the page would reject.
  checkAgainstSnapshot(scenario, await loadBundledSnapshot(scenario.region));
  const url = tryBuildShareUrl(baseUrl, { scenario });
  if (url === null)
    throw new UsageError(
      'the scenario is too large for a share link (over 65536 characters): share the scenario file instead',
    );
  io.stdout(outputLines([url]));
  return 0;
}
