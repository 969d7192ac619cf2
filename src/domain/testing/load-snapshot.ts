/**
 * Test helper: the committed bundled snapshot of a region. Tests only; the import of JSON keeps
 * src/domain free of file-system access.
 */
import usEast1 from '../../../public/pricing/us-east-1.json' with { type: 'json' };
import euWest1 from '../../../public/pricing/eu-west-1.json' with { type: 'json' };
import apSouth2 from '../../../public/pricing/ap-south-2.json' with { type: 'json' };
import apSoutheast6 from '../../../public/pricing/ap-southeast-6.json' with { type: 'json' };
import type { InstanceOffer, RegionSnapshot } from '../pricing/price-snapshot.ts';

export const US_EAST_1 = usEast1 as unknown as RegionSnapshot;
export const EU_WEST_1 = euWest1 as unknown as RegionSnapshot;
/** Hyderabad: Fargate ARM at 56% of x86, no Fargate Spot, no Spot-free gaps in EBS or transfer. */
export const AP_SOUTH_2 = apSouth2 as unknown as RegionSnapshot;
/** New Zealand: no Fargate Windows, no Spot Advisor, and EBS/egress/inter-AZ derived from ap-southeast-2. */
export const AP_SOUTHEAST_6 = apSoutheast6 as unknown as RegionSnapshot;

export function offerOf(snapshot: RegionSnapshot, type: string): InstanceOffer {
  const offer = snapshot.ec2.instances.find((o) => o.type === type);
  if (!offer) throw new Error(`${type} is not in the ${snapshot.region} snapshot`);
  return offer;
}
