/**
 * Messages between the page and the engine worker (engine-worker.ts), which runs the work that
 * takes longer than a frame off the main thread: the cost-versus-scale sweep and the advice.
 */
import type { SweepPoint } from '../../domain/cost/sweep-replicas.ts';
import type { Advice } from '../../domain/advice/advise-scenario.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../domain/scenario/scenario-schema.ts';

/** What the page asks for; the worker prices `scenario` with the snapshot of `snapshotKey`. */
export type EngineTask =
  { kind: 'sweep'; scenario: Scenario; factors: number[] } | { kind: 'advice'; scenario: Scenario };

export type EngineRequest = EngineTask & {
  id: number;
  /** Snapshots are sent once per key and kept by the worker. */
  snapshotKey: string;
  snapshot?: RegionSnapshot;
};

export interface EngineResults {
  sweep: SweepPoint[];
  advice: Advice;
}

export type EngineResponse =
  | { id: number; ok: true; kind: 'sweep'; result: SweepPoint[] }
  | { id: number; ok: true; kind: 'advice'; result: Advice }
  | { id: number; ok: false; error: string };

export const snapshotKeyOf = (s: RegionSnapshot) => `${s.source}/${s.region}/${s.asOf}`;
