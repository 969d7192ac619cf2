import { useEffect, useState } from 'react';
import { sweepReplicas, type SweepPoint } from '../../../domain/cost/sweep-replicas.ts';
import { wholeReplicaFactors } from '../../../domain/cost/break-even.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { snapshotKeyOf, type SweepRequest, type SweepResponse } from './sweep-messages.ts';

const DEBOUNCE_MS = 200;

let worker: Worker | null | undefined;
const sentSnapshots = new Set<string>();
let nextId = 1;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./sweep-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

function runSweep(scenario: Scenario, snapshot: RegionSnapshot, factors: number[]): Promise<SweepPoint[]> {
  const w = getWorker();
  if (!w) return Promise.resolve(sweepReplicas(scenario, snapshot, factors));
  const key = snapshotKeyOf(snapshot);
  const request: SweepRequest = { id: nextId++, scenario, snapshotKey: key, factors };
  if (!sentSnapshots.has(key)) {
    request.snapshot = snapshot;
    sentSnapshots.add(key);
  }
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<SweepResponse>) => {
      if (event.data.id !== request.id) return;
      w.removeEventListener('message', onMessage);
      if (event.data.ok) resolve(event.data.points);
      else reject(new Error(event.data.error));
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request);
  });
}

/** The cost-versus-scale series for a scenario, computed in a worker a moment after the last edit. */
export function useSweep(
  scenario: Scenario,
  snapshot: RegionSnapshot | undefined,
): { points: SweepPoint[] | null; pending: boolean } {
  const [state, setState] = useState<{ for: Scenario | null; points: SweepPoint[] | null }>({
    for: null,
    points: null,
  });
  useEffect(() => {
    if (!snapshot || snapshot.region !== scenario.region) return;
    let cancelled = false;
    const total = scenario.services.reduce((sum, s) => sum + s.replicas, 0);
    const timer = setTimeout(() => {
      runSweep(scenario, snapshot, wholeReplicaFactors(total))
        .catch(() => sweepReplicas(scenario, snapshot, wholeReplicaFactors(total)))
        .then((points) => {
          if (!cancelled) setState({ for: scenario, points });
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [scenario, snapshot]);
  return { points: state.points, pending: state.for !== scenario };
}
