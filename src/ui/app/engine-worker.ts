/**
 * The engine worker: a 100-point sweep of a 50-service scenario and the advice's re-priced levers
 * each take longer than a frame (README, Benchmarks), and typing must never wait for them. Both
 * run here, with one copy of the region's prices, whose instance capacities the engine caches.
 */
import { sweepReplicas } from '../../domain/cost/sweep-replicas.ts';
import { adviseScenario } from '../../domain/advice/advise-scenario.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import type { EngineRequest, EngineResponse } from './engine-messages.ts';

const worker = self as unknown as Worker;
const snapshots = new Map<string, RegionSnapshot>();

worker.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.snapshot) snapshots.set(request.snapshotKey, request.snapshot);
  const snapshot = snapshots.get(request.snapshotKey);
  let reply: EngineResponse;
  if (!snapshot) reply = { id: request.id, ok: false, error: 'prices not sent' };
  else {
    try {
      reply =
        request.kind === 'sweep'
          ? {
              id: request.id,
              ok: true,
              kind: 'sweep',
              result: sweepReplicas(request.scenario, snapshot, request.factors),
            }
          : // The page holds the validated scenario: the advice's patches apply to that document.
            {
              id: request.id,
              ok: true,
              kind: 'advice',
              result: adviseScenario(request.scenario, request.scenario, snapshot),
            };
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  worker.postMessage(reply);
};
