import { describe, expect, it } from 'vitest';
import { appCsp, pricingApiOrigin } from './app-csp.ts';
import { APP_CSP } from './security-headers.ts';

describe('the app CSP', () => {
  it('is one policy for the proxy and npm start, refusing framing and foreign scripts', () => {
    expect(APP_CSP).toBe(appCsp());
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    // Scripts from the app's origin only; WebAssembly may be compiled (the HCL parser), JavaScript eval may not.
    expect(APP_CSP).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(APP_CSP).not.toContain("'unsafe-eval'");
    expect(APP_CSP).toContain("connect-src 'self';");
  });

  it('lets the page connect to a pricing API on another origin, and only to that origin', () => {
    expect(pricingApiOrigin('https://pricing.example.com/v1/')).toBe('https://pricing.example.com');
    expect(appCsp(['https://pricing.example.com'])).toContain("connect-src 'self' https://pricing.example.com;");
    for (const setting of [
      undefined,
      '',
      'same-origin',
      'ftp://x.example',
      'not a url',
      "https://x.example'; script-src *",
    ])
      expect(pricingApiOrigin(setting) ?? '', String(setting)).not.toMatch(/[ ';]/);
    expect(pricingApiOrigin('same-origin')).toBeNull();
    expect(pricingApiOrigin('ftp://x.example')).toBeNull();
  });
});
