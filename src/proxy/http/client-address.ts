/**
 * The address a request comes from, for rate limiting. X-Forwarded-For is read only when the
 * deployment says how many proxies append to it (TRUST_PROXY_HOPS); otherwise any client could
 * name its own address and dodge the limit.
 */
import type { Context } from 'hono';

interface KnownBindings {
  /** @hono/node-server */
  incoming?: { socket?: { remoteAddress?: string } };
  /** hono/aws-lambda: API Gateway REST (v1) and HTTP (v2) request contexts */
  requestContext?: { identity?: { sourceIp?: string }; http?: { sourceIp?: string } };
}

export function clientAddressOf(c: Context, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    // The entry appended by the outermost trusted proxy is trustProxyHops from the end.
    const address = hops[hops.length - trustProxyHops];
    if (address) return address.slice(0, 64);
  }
  const env = c.env as KnownBindings | undefined;
  return (
    env?.incoming?.socket?.remoteAddress ??
    env?.requestContext?.http?.sourceIp ??
    env?.requestContext?.identity?.sourceIp ??
    'unknown'
  );
}
