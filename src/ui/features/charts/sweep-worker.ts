/**
 * Computes the cost-versus-scale series off the main thread: a 100-point sweep of a 50-service
 * scenario takes longer than a frame, and typing must never wait for the chart.
 */
import { sweepReplicas } from '../../../domain/cost/sweep-replicas.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { SweepRequest, SweepResponse } from './sweep-messages.ts';

const worker = self as unknown as Worker;
const snapshots = new Map<string, RegionSnapshot>();

worker.onmessage = (event: MessageEvent<SweepRequest>) => {
  const { id, scenario, snapshotKey, snapshot, factors } = event.data;
  if (snapshot) snapshots.set(snapshotKey, snapshot);
  const known = snapshots.get(snapshotKey);
  const reply: SweepResponse = known
    ? { id, ok: true, points: sweepReplicas(scenario, known, factors) }
    : { id, ok: false, error: 'prices not sent' };
  worker.postMessage(reply);
};
