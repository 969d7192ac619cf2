/**
 * `--live <proxy URL>`: the region's prices from the pricing proxy (docs/proxy.md). The proxy
 * answers live Price List figures, or its bundled snapshot with `"source": "snapshot"` and a
 * reason when AWS could not be asked; either way the answer is checked before it is priced.
 * Failures are one-line Errors the CLI prints after "--live <URL>: ".
 */
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { parseRegionSnapshot } from '../domain/pricing/region-snapshot-schema.ts';
import { cutText } from '../domain/text/safe-text.ts';

/**
 * A cold region makes the proxy page through the Price List (each call limited to 10 s, with
 * backoff when throttled), so the CLI waits longer than one AWS call before giving up.
 */
export const LIVE_SNAPSHOT_TIMEOUT_MS = 30_000;

export interface LoadLiveSnapshotOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

function pricingUrl(proxyUrl: string, region: string): URL {
  let base: URL;
  try {
    base = new URL(proxyUrl);
  } catch {
    throw new Error('the proxy URL must be an http:// or https:// URL, such as http://127.0.0.1:8787');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error('the proxy URL must be an http:// or https:// URL, such as http://127.0.0.1:8787');
  }
  // A proxy behind a path prefix (https://example.com/calc) keeps it: resolve against "<prefix>/".
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return new URL(`api/pricing/${encodeURIComponent(region)}`, base);
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `the pricing proxy did not answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : String((error as Error)?.message ?? error);
  return `cannot reach the pricing proxy (${cutText(detail, 200)})`;
}

/** One line from a proxy error body (`{"error": "..."}`), cut short, or nothing. */
function errorOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string') return `: ${cutText(body.error.replace(/\s+/g, ' '), 120)}`;
  } catch {
    // not JSON: the status says enough
  }
  return '';
}

export async function loadLiveSnapshot(
  proxyUrl: string,
  region: string,
  options: LoadLiveSnapshotOptions = {},
): Promise<RegionSnapshot> {
  const timeoutMs = options.timeoutMs ?? LIVE_SNAPSHOT_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const url = pricingUrl(proxyUrl, region);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new Error(describeFetchFailure(error, timeoutMs));
  }
  if (!response.ok) throw new Error(`the pricing proxy answered HTTP ${response.status} for ${region}${errorOf(text)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`the pricing proxy's answer for ${region} is not JSON (is ${url.origin} the pricing proxy?)`);
  }
  let snapshot: RegionSnapshot;
  try {
    snapshot = parseRegionSnapshot(body);
  } catch (error) {
    throw new Error(`the pricing proxy's answer for ${region} is ${(error as Error).message}`);
  }
  if (snapshot.region !== region)
    throw new Error(`the pricing proxy answered prices for ${snapshot.region}, not ${region}`);
  return snapshot;
}
