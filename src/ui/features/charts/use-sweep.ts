import { useEffect, useState } from 'react';
import { sweepReplicas, type SweepPoint } from '../../../domain/cost/sweep-replicas.ts';
import { wholeReplicaFactors } from '../../../domain/cost/break-even.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { runInEngineWorker } from '../../app/engine-worker-client.ts';

const DEBOUNCE_MS = 200;

/** The sweep in the engine worker (app/engine-worker.ts), or here where no worker runs. */
function runSweep(scenario: Scenario, snapshot: RegionSnapshot, factors: number[]): Promise<SweepPoint[]> {
  return (
    runInEngineWorker({ kind: 'sweep', scenario, factors }, snapshot) ??
    Promise.resolve(sweepReplicas(scenario, snapshot, factors))
  );
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
