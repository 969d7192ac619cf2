/**
 * Headers that middlewares add to every response (security, CORS, rate limit), gathered in one
 * plain object and written once. The pricing route, the hot path, takes them into the plain
 * header object of its own response; @hono/node-server then writes that object as it is, without
 * building a Headers instance per request. Any other response gets them applied afterwards.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ProxyEnv } from './proxy-env.ts';

export interface HeaderBag {
  headers: Record<string, string>;
  /** Tokens for Vary, which several middlewares extend. */
  vary: string[];
  /** Set when a handler merged the headers into its own response (takeResponseHeaders). */
  taken: boolean;
}

export function addResponseHeaders(c: Context<ProxyEnv>, headers: Record<string, string>): void {
  Object.assign(c.get('headerBag').headers, headers);
}

export function addVary(c: Context<ProxyEnv>, token: string): void {
  c.get('headerBag').vary.push(token);
}

/** For a handler that builds its own plain header object: the gathered headers, merged in once. */
export function takeResponseHeaders(
  c: Context<ProxyEnv>,
  own: Record<string, string>,
  varyTokens: readonly string[],
): Record<string, string> {
  const bag = c.get('headerBag') as HeaderBag | undefined; // absent when mounted without headerBag()
  if (!bag) return varyTokens.length > 0 ? { ...own, Vary: varyTokens.join(', ') } : own;
  bag.taken = true;
  const headers = Object.assign(bag.headers, own);
  const vary = bag.vary.length > 0 ? varyTokens.concat(bag.vary) : varyTokens;
  if (vary.length > 0) headers.Vary = vary.join(', ');
  return headers;
}

/**
 * Opens the bag for the middlewares inside it and, for responses whose handler did not take the
 * headers, writes them when the response comes back. `finalHeaders` adds headers that depend on
 * the response (the CSP, which depends on its content type).
 */
export function headerBag(finalHeaders: (response: Response) => Record<string, string>): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const bag: HeaderBag = { headers: {}, vary: [], taken: false };
    c.set('headerBag', bag);
    await next();
    if (bag.taken) return;
    const target = c.res.headers;
    for (const [name, value] of Object.entries({ ...bag.headers, ...finalHeaders(c.res) })) target.set(name, value);
    for (const token of bag.vary) target.append('Vary', token);
  };
}
