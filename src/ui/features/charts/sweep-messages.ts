import type { SweepPoint } from '../../../domain/cost/sweep-replicas.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';

export interface SweepRequest {
  id: number;
  scenario: Scenario;
  /** Snapshots are sent once per key and kept by the worker. */
  snapshotKey: string;
  snapshot?: RegionSnapshot;
  factors: number[];
}

export type SweepResponse = { id: number; ok: true; points: SweepPoint[] } | { id: number; ok: false; error: string };

export const snapshotKeyOf = (s: RegionSnapshot) => `${s.source}/${s.region}/${s.asOf}`;
