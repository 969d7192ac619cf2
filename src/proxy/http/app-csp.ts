/**
 * The Content-Security-Policy of the app's HTML, one definition for every server that sends it:
 * the pricing proxy (dist/index.html) and `npm start` (vite preview). Inline style attributes are
 * allowed because React and recharts set element styles; scripts, workers (script-src), images and fetches come
 * from the app's own origin, plus the origin of a pricing API on another origin (VITE_PRICING_API),
 * which the page must be allowed to fetch.
 */

/** The origin of a VITE_PRICING_API setting that names another server, or null ("same-origin", empty, invalid). */
export function pricingApiOrigin(setting: string | undefined): string | null {
  const value = setting?.trim() ?? '';
  if (value === '' || value === 'same-origin') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The app's CSP; `connectOrigins` are origins the page may fetch besides its own. */
export function appCsp(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the page compile WebAssembly (the import's HCL parser) and nothing
    // else: JavaScript eval and new Function stay blocked (CSP Level 3).
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every page response carries besides the CSP (the proxy sends the same). */
export const PAGE_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
} as const;
