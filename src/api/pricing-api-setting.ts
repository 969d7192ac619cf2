/**
 * Which pricing proxy the build was configured with (VITE_PRICING_API). Kept apart from
 * fetch-live-pricing.ts so the first screen can read the setting without loading the live-pricing
 * client and its snapshot validator, which are fetched only when live prices are asked for.
 */

/** Where the pricing proxy is, from VITE_PRICING_API. */
export type PricingApi =
  | { kind: 'none' }
  /** `base` is '' for the app's own origin, else an origin (and path prefix) without a trailing slash. */
  | { kind: 'proxy'; base: string }
  | { kind: 'invalid' };

/** Unset or empty: no proxy. "same-origin": the app's own /api (Vite dev proxies it to 127.0.0.1:8787). Else an http(s) URL. */
export function resolvePricingApi(setting: string | undefined): PricingApi {
  const value = setting?.trim() ?? '';
  if (value === '') return { kind: 'none' };
  if (value === 'same-origin') return { kind: 'proxy', base: '' };
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid' };
    return { kind: 'proxy', base: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
  } catch {
    return { kind: 'invalid' };
  }
}
