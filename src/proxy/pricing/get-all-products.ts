/**
 * Every page of one GetProducts query, each call bounded in time and retried with backoff when AWS
 * throttles. This file and create-pricing-client.ts are the only ones that talk to the SDK.
 */
import { GetProductsCommand, type Filter, type PricingClient } from '@aws-sdk/client-pricing';

export interface GetProductsPolicy {
  /** Time limit of one call; the call is aborted and fails with {@link AwsTimeoutError} after it. */
  timeoutMs: number;
  /** Retries after ThrottlingException before giving up (so at most maxThrottleRetries + 1 calls). */
  maxThrottleRetries: number;
  /** First backoff ceiling; doubles per retry up to maxBackoffMs ("full jitter", AWS Architecture Blog 2015). */
  baseBackoffMs: number;
  maxBackoffMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1): the jitter source, injectable so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_GET_PRODUCTS_POLICY: GetProductsPolicy = {
  timeoutMs: 10_000,
  maxThrottleRetries: 4,
  baseBackoffMs: 250,
  maxBackoffMs: 4_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** GetProducts answers at most 100 items per page (Price List API reference, MaxResults). */
const PAGE_SIZE = 100;
/** A region's EC2 Linux offer is about 1,000 items; 200 pages means a loop, not data. */
const MAX_PAGES = 200;

export class AwsTimeoutError extends Error {
  override readonly name = 'AwsTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`the AWS Price List API did not answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

export class PaginationError extends Error {
  override readonly name = 'PaginationError';
}

/** The SDK error names AWS uses when a caller exceeds the Price List API's request rate. */
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttling',
  'RequestLimitExceeded',
]);

export function isThrottling(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return (typeof name === 'string' && THROTTLING_NAMES.has(name)) || $metadata?.httpStatusCode === 429;
}

export interface ProductQuery {
  serviceCode: string;
  /** Attribute name to exact value, sent as TERM_MATCH filters. */
  termMatch: Record<string, string>;
}

async function sendWithTimeout(client: PricingClient, command: GetProductsCommand, timeoutMs: number) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race makes the limit hold even if a request handler ignored the abort signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new AwsTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([client.send(command, { abortSignal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function sendWithRetry(client: PricingClient, command: GetProductsCommand, policy: GetProductsPolicy) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendWithTimeout(client, command, policy.timeoutMs);
    } catch (error) {
      if (!isThrottling(error) || attempt >= policy.maxThrottleRetries) throw error;
      const ceilingMs = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** attempt);
      await policy.sleep(Math.floor(policy.random() * ceilingMs));
    }
  }
}

/** Runs the query page by page (following NextToken) and returns every item, JSON-parsed. */
export async function getAllProducts(
  client: PricingClient,
  query: ProductQuery,
  policy: GetProductsPolicy,
): Promise<unknown[]> {
  const filters: Filter[] = Object.entries(query.termMatch).map(([Field, Value]) => ({
    Type: 'TERM_MATCH',
    Field,
    Value,
  }));
  const items: unknown[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const command = new GetProductsCommand({
      ServiceCode: query.serviceCode,
      Filters: filters,
      FormatVersion: 'aws_v1',
      MaxResults: PAGE_SIZE,
      NextToken: nextToken,
    });
    const answer = await sendWithRetry(client, command, policy);
    // Each PriceList entry is a JSON document in a string (Price List API reference, GetProducts).
    for (const entry of answer.PriceList ?? []) items.push(typeof entry === 'string' ? JSON.parse(entry) : entry);
    nextToken = answer.NextToken || undefined;
    if (!nextToken) return items;
    if (seenTokens.has(nextToken))
      throw new PaginationError(`GetProducts returned the same NextToken twice for ${query.serviceCode}`);
    seenTokens.add(nextToken);
  }
  throw new PaginationError(`GetProducts for ${query.serviceCode} did not finish within ${MAX_PAGES} pages`);
}
