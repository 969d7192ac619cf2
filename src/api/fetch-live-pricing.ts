/**
 * Live prices from the pricing proxy (docs/proxy.md), with the bundled snapshot as the fallback:
 * the page always gets prices, and the snapshot says which ones and why.
 *
 * - The proxy's answer is used as it comes: live Price List figures, or its own bundled snapshot
 *   with `source: "snapshot"` and a reason (no AWS credentials, AWS unreachable ...).
 * - When the proxy cannot be used (unreachable, HTTP error, a malformed answer, a price outside the
 *   plausible range of its unit), the browser's
 *   bundled file is used, with a reason that says so.
 */
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { parseRegionSnapshot } from '../domain/pricing/region-snapshot-schema.ts';
import type { PricingApi } from './pricing-api-setting.ts';

export { resolvePricingApi, type PricingApi } from './pricing-api-setting.ts';

export interface LivePricingOptions {
  /** The bundled snapshot of a region: the fallback. */
  loadBundled: (region: string, signal?: AbortSignal) => Promise<RegionSnapshot>;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  /**
   * A cold region makes the proxy page through the AWS Price List (its calls time out after 10 s
   * and it then answers with its snapshot), so the page waits a little longer than that.
   */
  timeoutMs?: number;
  /** Retries after a network failure or a 5xx/429 answer; the proxy's 4xx answers are not retried. */
  retries?: number;
  retryDelayMs?: number;
}

export const LIVE_PRICING_TIMEOUT_MS = 15_000;

class ProxyUnusable extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

/** An abort signal that fires on the caller's signal or after `timeoutMs`, and a cleanup. */
function deadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

async function askProxy(region: string, base: string, options: LivePricingOptions): Promise<RegionSnapshot> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? LIVE_PRICING_TIMEOUT_MS;
  const limit = deadline(options.signal, timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${base}/api/pricing/${encodeURIComponent(region)}`, {
      headers: { Accept: 'application/json' },
      signal: limit.signal,
    });
    text = await response.text();
  } catch {
    if (options.signal?.aborted) throw new DOMException('The price request was cancelled.', 'AbortError');
    const timedOut = limit.signal.aborted;
    throw new ProxyUnusable(
      timedOut ? `it did not answer within ${timeoutMs / 1000} s` : 'it could not be reached',
      !timedOut,
    );
  } finally {
    limit.done();
  }
  if (!response.ok) {
    throw new ProxyUnusable(`it answered HTTP ${response.status}`, response.status >= 500 || response.status === 429);
  }
  let snapshot: RegionSnapshot;
  try {
    snapshot = parseRegionSnapshot(JSON.parse(text));
  } catch {
    throw new ProxyUnusable('its answer was not a price snapshot', false);
  }
  if (snapshot.region !== region) throw new ProxyUnusable(`it answered prices for ${snapshot.region}`, false);
  // The same unit ranges as the CLI's --live: a unit slip or a corrupted answer must not price the
  // page. Loaded only when a proxy answers, so the first screen does not carry it.
  const { findImplausiblePrices } = await import('../domain/pricing/price-plausibility.ts');
  const implausible = findImplausiblePrices(snapshot);
  if (implausible.length > 0) {
    const more = implausible.length > 1 ? ` (and ${implausible.length - 1} more)` : '';
    throw new ProxyUnusable(`its answer has an implausible price: ${implausible[0]}${more}`, false);
  }
  return snapshot;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The region's prices through the proxy at `api`, or the bundled snapshot with a reason. Rejects
 * only when the caller cancels or the bundled file cannot be loaded either.
 */
export async function fetchLivePricing(
  region: string,
  api: PricingApi,
  options: LivePricingOptions,
): Promise<RegionSnapshot> {
  let reason: string;
  if (api.kind === 'proxy') {
    const attempts = 1 + (options.retries ?? 1);
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await askProxy(region, api.base, options);
      } catch (error) {
        if (!(error instanceof ProxyUnusable)) throw error;
        problem = error.message;
        if (!error.retryable || attempt === attempts) break;
        await wait(options.retryDelayMs ?? 1_000);
      }
    }
    reason = `The pricing proxy could not be used: ${problem}.`;
  } else if (api.kind === 'invalid') {
    reason = 'VITE_PRICING_API is neither an http(s) URL nor "same-origin", so no pricing proxy was asked.';
  } else {
    return options.loadBundled(region, options.signal);
  }
  const bundled = await options.loadBundled(region, options.signal);
  return { ...bundled, source: 'snapshot', reason };
}
