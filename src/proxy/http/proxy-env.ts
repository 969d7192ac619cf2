/** Per-request context variables: what handlers tell the request log, and the shared response headers. */
import type { CacheStatus } from '../pricing/region-pricing.ts';
import type { HeaderBag } from './response-headers.ts';

export interface ProxyEnv {
  Variables: {
    cacheStatus: CacheStatus;
    pricingSource: 'live' | 'snapshot';
    region: string;
    headerBag: HeaderBag;
  };
}
