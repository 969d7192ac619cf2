/**
 * The proxy's settings, read once from environment variables. Every setting has a default that
 * works on a laptop; a wrong value stops the proxy with a message naming the variable.
 */
import { fileURLToPath } from 'node:url';

export interface ProxyConfig {
  port: number;
  /** Loopback by default: the proxy is opened to a network only on purpose (HOST=0.0.0.0 in the image). */
  host: string;
  /** Folder of the bundled <region>.json snapshots (the fallback and the source of instance facts). */
  snapshotDir: string;
  /** When set, the built app (dist/) is served from here with a fallback to index.html. */
  staticDir: string | null;
  /** How long a live answer is served without asking AWS again. */
  cacheTtlMs: number;
  /** How long a failed live fetch is remembered before AWS is tried again for that region. */
  failureTtlMs: number;
  /** Regions kept in memory at most (least recently used first out). */
  cacheMaxRegions: number;
  /** When set, live answers are also written here and read back after a restart. */
  cacheDir: string | null;
  /** Time limit of one GetProducts call. */
  awsTimeoutMs: number;
  /** Retries of one GetProducts call after ThrottlingException, with exponential backoff. */
  awsMaxThrottleRetries: number;
  /** Requests per minute per client address on /api/*; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Origins allowed to read /api/* from a browser, besides the proxy's own origin; "*" allows any. */
  corsOrigins: readonly string[];
  /**
   * Proxies in front of this one that append to X-Forwarded-For (1 behind an ALB). 0 trusts no
   * header and uses the socket address, so a client cannot pick its own rate-limit bucket.
   */
  trustProxyHops: number;
}

const HOUR_MS = 3_600_000;

/** The Vite dev server (5173) and `vite preview` (4173), by IP and by name. */
export const DEV_ORIGINS: readonly string[] = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

export const DEFAULT_SNAPSHOT_DIR = fileURLToPath(new URL('../../public/pricing/', import.meta.url));

export const DEFAULT_PROXY_CONFIG: ProxyConfig = {
  port: 8787,
  host: '127.0.0.1',
  snapshotDir: DEFAULT_SNAPSHOT_DIR,
  staticDir: null,
  cacheTtlMs: 24 * HOUR_MS,
  failureTtlMs: 5 * 60_000,
  cacheMaxRegions: 64,
  cacheDir: null,
  awsTimeoutMs: 10_000,
  awsMaxThrottleRetries: 4,
  rateLimitPerMinute: 120,
  corsOrigins: DEV_ORIGINS,
  trustProxyHops: 0,
};

export class ProxyConfigError extends Error {
  override readonly name = 'ProxyConfigError';
}

function readInteger(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ProxyConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  }
  return value;
}

function readOrigins(raw: string | undefined): readonly string[] {
  if (raw === undefined || raw.trim() === '') return DEV_ORIGINS;
  const origins = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ProxyConfigError(
        `CORS_ORIGINS entries must be origins like https://calc.example.com, got "${origin.slice(0, 80)}"`,
      );
    }
    if (parsed.origin !== origin) {
      throw new ProxyConfigError(
        `CORS_ORIGINS entry "${origin.slice(0, 80)}" must be a bare origin (scheme://host[:port], no path or trailing slash)`,
      );
    }
  }
  return origins;
}

const optionalPath = (raw: string | undefined): string | null => (raw && raw.trim() !== '' ? raw.trim() : null);

/** Reads the settings from environment variables (names in docs/proxy.md). */
export function readProxyConfig(env: Record<string, string | undefined>): ProxyConfig {
  const d = DEFAULT_PROXY_CONFIG;
  return {
    port: readInteger(env, 'PORT', d.port, 0, 65_535),
    host: env.HOST?.trim() || d.host,
    snapshotDir: optionalPath(env.SNAPSHOT_DIR) ?? d.snapshotDir,
    staticDir: optionalPath(env.STATIC_DIR),
    cacheTtlMs: readInteger(env, 'PRICING_CACHE_TTL_MS', d.cacheTtlMs, 1_000, 30 * 24 * HOUR_MS),
    failureTtlMs: readInteger(env, 'PRICING_FAILURE_TTL_MS', d.failureTtlMs, 1_000, 24 * HOUR_MS),
    cacheMaxRegions: readInteger(env, 'PRICING_CACHE_MAX_REGIONS', d.cacheMaxRegions, 1, 1_000),
    cacheDir: optionalPath(env.PRICING_CACHE_DIR),
    awsTimeoutMs: readInteger(env, 'AWS_TIMEOUT_MS', d.awsTimeoutMs, 100, 120_000),
    awsMaxThrottleRetries: readInteger(env, 'AWS_MAX_THROTTLE_RETRIES', d.awsMaxThrottleRetries, 0, 10),
    rateLimitPerMinute: readInteger(env, 'RATE_LIMIT_PER_MINUTE', d.rateLimitPerMinute, 0, 1_000_000),
    corsOrigins: readOrigins(env.CORS_ORIGINS),
    trustProxyHops: readInteger(env, 'TRUST_PROXY_HOPS', d.trustProxyHops, 0, 10),
  };
}
