/** What handlers tell the request log about a pricing answer (Hono context variables). */
import type { CacheStatus } from '../pricing/region-pricing.ts';

export interface ProxyEnv {
  Variables: {
    cacheStatus: CacheStatus;
    pricingSource: 'live' | 'snapshot';
    region: string;
  };
}
