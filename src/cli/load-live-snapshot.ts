/**
 * `--live <proxy URL>`: the region's prices from the pricing proxy (docs/proxy.md). The proxy
 * answers live Price List figures, or its bundled snapshot with `"source": "snapshot"` and a
 * reason when AWS could not be asked; either way the answer is checked before it is priced.
 * Failures are one-line Errors the CLI prints after "--live <URL>: ".
 *
 * The answer is streamed, never buffered whole: reading stops at {@link MAX_LIVE_ANSWER_BYTES}
 * and at the time limit, whichever comes first, and the request is aborted. An answer must be
 * UTF-8 JSON in the snapshot's shape, for the asked region, with every price plausible for its
 * unit (price-plausibility.ts).
 */
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { parseRegionSnapshot } from '../domain/pricing/region-snapshot-schema.ts';
import { findImplausiblePrices } from '../domain/pricing/price-plausibility.ts';
import { cutText } from '../domain/text/safe-text.ts';

/**
 * A cold region makes the proxy page through the Price List (each call limited to 10 s, with
 * backoff when throttled), so the CLI waits longer than one AWS call before giving up.
 */
export const LIVE_SNAPSHOT_TIMEOUT_MS = 30_000;
/**
 * The most --live reads of one answer. The largest bundled region (us-east-1, every EC2 type) is
 * under 1 MB; an answer sixteen times that is not a price list.
 */
export const MAX_LIVE_ANSWER_BYTES = 8 * 1024 * 1024;
/** Of an error answer only the start is read: its message is cut to one short line anyway. */
const MAX_ERROR_ANSWER_BYTES = 64 * 1024;

export interface LoadLiveSnapshotOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The answer passed the size limit; the request has been aborted. */
class AnswerTooLarge extends Error {}

const mebibytes = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;

/**
 * Reads the body chunk by chunk and stops past `maxBytes` (also when Content-Length says so
 * first), then decodes it as strict UTF-8. Returns null for text that is not UTF-8.
 */
async function readLimited(response: Response, maxBytes: number, abort: () => void): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    abort();
    throw new AnswerTooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        abort();
        await reader.cancel().catch(() => undefined);
        throw new AnswerTooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
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
  // One deadline for connecting, the headers and the whole body.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('time limit', 'TimeoutError')), timeoutMs);
  let response: Response;
  let text: string | null;
  try {
    response = await fetchImpl(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
    const limit = response.ok ? MAX_LIVE_ANSWER_BYTES : MAX_ERROR_ANSWER_BYTES;
    text = await readLimited(response, limit, () => controller.abort()).catch((error: unknown) => {
      // An error answer past its limit still says enough by its status.
      if (error instanceof AnswerTooLarge && !response.ok) return '';
      throw error;
    });
  } catch (error) {
    if (error instanceof AnswerTooLarge)
      throw new Error(
        `the pricing proxy's answer for ${region} is larger than ${mebibytes(MAX_LIVE_ANSWER_BYTES)}; refused (one region's prices are under 1 MB)`,
      );
    throw new Error(describeFetchFailure(controller.signal.reason ?? error, timeoutMs));
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok)
    throw new Error(`the pricing proxy answered HTTP ${response.status} for ${region}${errorOf(text ?? '')}`);
  if (text === null) throw new Error(`the pricing proxy's answer for ${region} is not UTF-8 text`);
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
    throw new Error(`the pricing proxy answered prices for ${cutText(snapshot.region, 40)}, not ${region}`);
  const implausible = findImplausiblePrices(snapshot);
  if (implausible.length > 0) {
    const more = implausible.length > 1 ? ` (and ${implausible.length - 1} more)` : '';
    throw new Error(`the pricing proxy's answer for ${region} has an implausible price: ${implausible[0]}${more}`);
  }
  return snapshot;
}
