/**
 * Test helper: the committed bundled snapshot of a region. Tests only; the import of JSON keeps
 * src/domain free of file-system access.
 */
import usEast1 from '../../../public/pricing/us-east-1.json' with { type: 'json' };
import euWest1 from '../../../public/pricing/eu-west-1.json' with { type: 'json' };
import apSouth2 from '../../../public/pricing/ap-south-2.json' with { type: 'json' };
import apSoutheast6 from '../../../public/pricing/ap-southeast-6.json' with { type: 'json' };
import apSouth1 from '../../../public/pricing/ap-south-1.json' with { type: 'json' };
import saEast1 from '../../../public/pricing/sa-east-1.json' with { type: 'json' };
import euWest2 from '../../../public/pricing/eu-west-2.json' with { type: 'json' };
import type { InstanceOffer, RegionSnapshot } from '../pricing/price-snapshot.ts';
import { parseRegionSnapshot } from '../pricing/region-snapshot-schema.ts';

// Through the same validation as every other reader of a snapshot.
export const US_EAST_1 = parseRegionSnapshot(usEast1, 'us-east-1');
export const EU_WEST_1 = parseRegionSnapshot(euWest1, 'eu-west-1');
/** Hyderabad: Fargate ARM at 56% of x86, no Fargate Spot, no Spot-free gaps in EBS or transfer. */
export const AP_SOUTH_2 = parseRegionSnapshot(apSouth2, 'ap-south-2');
/** New Zealand: no Fargate Windows, no Spot Advisor, and EBS/egress/inter-AZ derived from ap-southeast-2. */
export const AP_SOUTHEAST_6 = parseRegionSnapshot(apSoutheast6, 'ap-southeast-6');
export const AP_SOUTH_1 = parseRegionSnapshot(apSouth1, 'ap-south-1');
export const SA_EAST_1 = parseRegionSnapshot(saEast1, 'sa-east-1');
export const EU_WEST_2 = parseRegionSnapshot(euWest2, 'eu-west-2');

export function offerOf(snapshot: RegionSnapshot, type: string): InstanceOffer {
  const offer = snapshot.ec2.instances.find((o) => o.type === type);
  if (!offer) throw new Error(`${type} is not in the ${snapshot.region} snapshot`);
  return offer;
}
