/**
 * The SDK client for the AWS Price List Query API. Credentials come from the SDK's default chain
 * (environment, shared config and SSO, container or instance role); nothing here reads or keeps them.
 */
import { PricingClient } from '@aws-sdk/client-pricing';

/**
 * The Price List Query API is served from us-east-1 (and ap-south-1) whatever region is priced:
 * the client's region is the endpoint, not the workload's region.
 */
export const PRICE_LIST_ENDPOINT_REGION = 'us-east-1';

export function createPricingClient(timeoutMs: number): PricingClient {
  return new PricingClient({
    region: PRICE_LIST_ENDPOINT_REGION,
    // One attempt per send: get-all-products.ts owns retries (throttling backoff), so the SDK's
    // own retry loop would only multiply them.
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: Math.min(timeoutMs, 3_000),
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
  });
}
