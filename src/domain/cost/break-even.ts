/**
 * Break-even points of a cost-versus-scale series: where one option becomes cheaper than another
 * as the workload grows. Pure; the chart shows the series, this names the crossings in words.
 *
 * The series is sampled, so a crossing is known to lie between two samples: "above 38 replicas"
 * means the option was not cheaper at the sample of 38 replicas and is cheaper at the next sample.
 * With one sample per replica that is exact. EC2 costs move in whole-node steps, so two options can
 * cross more than once; every crossing is reported, in order of scale.
 */
import { OPTION_IDS, OPTION_LABELS, type OptionId } from './estimate-types.ts';
import type { SweepPoint } from './sweep-replicas.ts';
import { countOf } from '../text/count-words.ts';

/** One sample of the series: what findBreakEvens reads from a sweep point. */
export type ScaleSample = Pick<SweepPoint, 'totalReplicas' | 'monthlyUSD'>;

export interface BreakEven {
  /** The option that is cheaper from the next sample on. */
  cheaper: OptionId;
  /** The option it overtakes. */
  than: OptionId;
  /** Last sample (replicas) at which `cheaper` was not yet cheaper. */
  aboveReplicas: number;
  /** First sample (replicas) at which `cheaper` is cheaper. */
  fromReplicas: number;
}

/** Differences under half a cent are ties: totals are rounded to cents. */
const TIE_USD = 0.005;

function sign(a: number, b: number): -1 | 0 | 1 {
  const diff = a - b;
  if (Math.abs(diff) < TIE_USD) return 0;
  return diff < 0 ? -1 : 1;
}

/** Every crossing between two available options, ordered by scale, then by option order. */
export function findBreakEvens(samples: readonly ScaleSample[]): BreakEven[] {
  const sorted = [...samples]
    .filter((s) => Number.isFinite(s.totalReplicas))
    .sort((a, b) => a.totalReplicas - b.totalReplicas);
  const found: BreakEven[] = [];
  for (let i = 0; i < OPTION_IDS.length; i++) {
    for (let j = i + 1; j < OPTION_IDS.length; j++) {
      const a = OPTION_IDS[i]!;
      const b = OPTION_IDS[j]!;
      // Last sample where both were available and not tied: its sign and replicas.
      let last: { sign: -1 | 1; replicas: number } | null = null;
      for (const sample of sorted) {
        const ta = sample.monthlyUSD[a];
        const tb = sample.monthlyUSD[b];
        if (ta === null || tb === null || !Number.isFinite(ta) || !Number.isFinite(tb)) {
          last = null;
          continue;
        }
        const s = sign(ta, tb);
        if (s === 0) continue;
        if (last && last.sign !== s) {
          // s < 0: a became cheaper than b; s > 0: b became cheaper than a.
          found.push({
            cheaper: s < 0 ? a : b,
            than: s < 0 ? b : a,
            aboveReplicas: last.replicas,
            fromReplicas: sample.totalReplicas,
          });
        }
        last = { sign: s, replicas: sample.totalReplicas };
      }
    }
  }
  return found.sort(
    (x, y) => x.fromReplicas - y.fromReplicas || OPTION_IDS.indexOf(x.cheaper) - OPTION_IDS.indexOf(y.cheaper),
  );
}

/** 38, 2.5, 0.75: replica counts as a person writes them. */
export function formatReplicas(replicas: number): string {
  return Number(replicas.toFixed(2)).toString();
}

/** "EKS on EC2 is cheaper than ECS on Fargate above 38 replicas". */
export function describeBreakEven(breakEven: BreakEven): string {
  const n = breakEven.aboveReplicas;
  return `${OPTION_LABELS[breakEven.cheaper]} is cheaper than ${OPTION_LABELS[breakEven.than]} above ${countOf(n, 'replica')}`;
}

/**
 * Scale factors that give whole total replica counts, from a quarter of today's total to four
 * times it (at least 1), at most `maxPoints` of them: break-evens then read "above 38 replicas",
 * not "above 37.62". Falls back to one factor of 1 when the scenario has no replicas.
 */
export function wholeReplicaFactors(totalReplicas: number, maxPoints = 100): number[] {
  if (!(totalReplicas > 0) || !Number.isFinite(totalReplicas)) return [1];
  const from = Math.max(1, Math.ceil(totalReplicas / 4));
  const to = Math.max(from + 1, Math.floor(totalReplicas * 4));
  const step = Math.max(1, Math.ceil((to - from) / Math.max(1, maxPoints - 1)));
  const totals: number[] = [];
  for (let total = from; total <= to; total += step) totals.push(total);
  if (totals[totals.length - 1] !== to) totals.push(to);
  return totals.map((total) => total / totalReplicas);
}
