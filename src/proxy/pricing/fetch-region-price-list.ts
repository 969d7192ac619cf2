/**
 * The GetProducts queries that price one region, run in parallel. The filters follow
 * docs/pricing-rules.md section 8; usage types are not filtered here because their region prefix varies
 * (USE1, EU, APS2 ...): the normalizer matches regionCode plus the usage-type suffix instead.
 */
import type { PricingClient } from '@aws-sdk/client-pricing';
import type { PriceListItemsByService } from '../../domain/pricing/normalize-price-list.ts';
import { getAllProducts, type GetProductsPolicy, type ProductQuery } from './get-all-products.ts';

export function regionProductQueries(region: string) {
  const inRegion = { regionCode: region, locationType: 'AWS Region' };
  return {
    // Fargate vCPU, memory, ARM, Windows and ephemeral storage are all productFamily Compute.
    ecs: { serviceCode: 'AmazonECS', termMatch: { ...inRegion, productFamily: 'Compute' } },
    // Cluster hours: standard support (operation CreateOperation) and the extended-support
    // surcharge (operation ExtendedSupport). Filtering on operation skips the hundreds of
    // per-instance Auto Mode items the AmazonEKS offer also holds.
    eksStandard: { serviceCode: 'AmazonEKS', termMatch: { ...inRegion, operation: 'CreateOperation' } },
    eksExtended: { serviceCode: 'AmazonEKS', termMatch: { ...inRegion, operation: 'ExtendedSupport' } },
    // The On-Demand Linux price of every instance type (the filter set of the aws-samples ECS
    // Managed Instances calculator's fetch script, docs/pricing-rules.md S6).
    ec2: {
      serviceCode: 'AmazonEC2',
      termMatch: {
        ...inRegion,
        productFamily: 'Compute Instance',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        preInstalledSw: 'NA',
        capacitystatus: 'Used',
      },
    },
  } satisfies Record<string, ProductQuery>;
}

/** Fetches the Price List items that price `region`; rejects on the first failed query. */
export async function fetchRegionPriceList(
  client: PricingClient,
  region: string,
  policy: GetProductsPolicy,
): Promise<PriceListItemsByService> {
  const queries = regionProductQueries(region);
  const [ecs, eksStandard, eksExtended, ec2] = await Promise.all([
    getAllProducts(client, queries.ecs, policy),
    getAllProducts(client, queries.eksStandard, policy),
    getAllProducts(client, queries.eksExtended, policy),
    getAllProducts(client, queries.ec2, policy),
  ]);
  return { ecs, eks: [...eksStandard, ...eksExtended], ec2 };
}
