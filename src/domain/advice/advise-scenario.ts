/**
 * Advice with numbers: each lever of levers.ts is applied to the user's scenario as a JSON Patch,
 * the patched document is validated and priced with the same engine, and a lever is kept for an
 * option when it saves at least 1% of that option's monthly total. Applying an entry's
 * `scenarioPatch` to the same document and estimating again gives exactly its `monthlyUSD`,
 * because that is how the figure was computed. Rules: docs/advice-rules.md.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import type { Estimate, OptionEstimate, OptionId } from '../cost/estimate-types.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { estimateFargateOption } from '../cost/fargate-option.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { toCents } from '../money/round-cents.ts';
import { applyJsonPatch, setOperation, type JsonPatchOperation } from './json-patch.ts';
import {
  ADVICE_MIN_SAVING_SHARE,
  LEVERS,
  LEVER_IDS,
  optionFamily,
  requestRoomOf,
  type LeverId,
  type LeverProposal,
  type OptionFamily,
} from './levers.ts';

export interface AdviceEntry {
  optionId: OptionId;
  lever: LeverId;
  /** What the change does, in one sentence. */
  change: string;
  /** RFC 6902 operations that make the change in the scenario document the advice was computed for. */
  scenarioPatch: JsonPatchOperation[];
  /** The option's monthly total after the change. */
  monthlyUSD: number;
  /** The option's total before minus after, in cents: at least 1% of the total before. */
  savingUSD: number;
  caveat: string | null;
}

/** A lever after which another option is the cheapest: "with ENI trunking, ECS on EC2 becomes the cheapest at $1,234". */
export interface CheapestChange {
  lever: LeverId;
  /** The lever's short name ("ENI trunking"). */
  name: string;
  change: string;
  optionId: OptionId;
  optionLabel: string;
  monthlyUSD: number;
  caveat: string | null;
}

/** A Fargate request that could grow to the size already billed, at no extra cost on that option. */
export interface FargateRoom {
  optionId: OptionId;
  service: string;
  requested: { vcpu: number; memoryGiB: number };
  billed: { vcpu: number; memoryGiB: number };
  /** The largest request billed at the same size (EKS: the billed memory less the 256 MiB Fargate adds). */
  couldRequest: { vcpu: number; memoryGiB: number };
}

export interface Advice {
  /** Sorted by saving, largest first. */
  entries: AdviceEntry[];
  cheapestChanges: CheapestChange[];
  fargateRoom: FargateRoom[];
}

const inFamilies = (families: readonly OptionFamily[], optionId: string): boolean => {
  const family = optionFamily(optionId);
  return families.some((f) => f.orchestrator === family.orchestrator && f.compute === family.compute);
};

/** The patch that makes a proposal's settings in `document`, or null when a path cannot be reached. */
function patchFor(document: unknown, proposal: LeverProposal): JsonPatchOperation[] | null {
  const operations: JsonPatchOperation[] = [];
  let current = document;
  for (const setting of proposal.settings) {
    const operation = setOperation(current, setting.path, setting.value);
    if (!operation) return null;
    const applied = applyJsonPatch(current, [operation]);
    if (!applied.ok) return null;
    operations.push(operation);
    current = applied.document;
  }
  return operations;
}

/**
 * Whether a proposal for Fargate options only could be kept, priced on those options alone: the
 * same function the estimate calls for them, on the scenario with the proposal's settings, which is
 * what the patched document validates to. Per-service proposals (a smaller Fargate size) are many,
 * and most save less than 1%: this spares them the EC2 options' packing. A proposal that passes is
 * priced in full like every other, so the figures reported never come from this shortcut.
 */
function mayKeepOnFargate(
  proposal: LeverProposal,
  scenario: Scenario,
  snapshot: RegionSnapshot,
  estimate: Estimate,
): boolean {
  if (proposal.families.some((f) => f.compute !== 'fargate')) return true;
  let changed: Scenario = scenario;
  for (const { path, value } of proposal.settings) {
    const [section, index, field] = path;
    if (section !== 'services' || typeof index !== 'number' || typeof field !== 'string') return true;
    changed = {
      ...changed,
      services: changed.services.map((s, i) => (i === index ? { ...s, [field]: value } : s)),
    };
  }
  return estimate.options.some((before) => {
    if (!inFamilies(proposal.families, before.id) || before.monthlyUSD === null) return false;
    const after = estimateFargateOption(optionFamily(before.id).orchestrator, changed, snapshot, []);
    return after.id === before.id && keeps(before, savingCents(before, after));
  });
}

/** Saving in whole cents, as the bill shows the totals. */
const savingCents = (before: OptionEstimate, after: OptionEstimate | undefined): number | null =>
  before.monthlyUSD === null || after?.monthlyUSD == null
    ? null
    : toCents(before.monthlyUSD) - toCents(after.monthlyUSD);

const keeps = (before: OptionEstimate, cents: number | null): cents is number =>
  cents !== null && cents > 0 && cents >= toCents(before.monthlyUSD!) * ADVICE_MIN_SAVING_SHARE;

/** Where a Fargate option bills more than a service asks for, and how far the request could grow for the same bill. */
export function fargateRoomOf(estimate: Estimate): FargateRoom[] {
  const out: FargateRoom[] = [];
  for (const option of estimate.options) {
    if (!option.available || !option.fargateSizes) continue;
    const platform = optionFamily(option.id).orchestrator;
    for (const placement of option.fargateSizes) {
      const room = requestRoomOf(platform, placement.billed);
      if (room.vcpu > placement.requested.vcpu || room.memoryGiB > placement.requested.memoryGiB)
        out.push({
          optionId: option.id,
          service: placement.service,
          requested: { ...placement.requested },
          billed: { ...placement.billed },
          couldRequest: room,
        });
    }
  }
  return out;
}

/**
 * Evaluates every lever on `document` (the scenario as given, after any format upgrade), whose
 * validated form is `scenario` and whose estimate is `estimate`.
 */
export function adviseScenario(
  document: unknown,
  scenario: Scenario,
  snapshot: RegionSnapshot,
  estimate: Estimate = estimateScenario(scenario, snapshot),
): Advice {
  const entries: AdviceEntry[] = [];
  const cheapestChanges: CheapestChange[] = [];
  // Two proposals with the same patch (a Fargate size for ECS and EKS alike) are priced once.
  const priced = new Map<string, Estimate | null>();
  for (const lever of LEVERS) {
    for (const proposal of lever.propose(scenario, snapshot)) {
      if (!mayKeepOnFargate(proposal, scenario, snapshot, estimate)) continue;
      const patch = patchFor(document, proposal);
      if (!patch) continue;
      const key = JSON.stringify(patch);
      let after = priced.get(key);
      if (after === undefined) {
        const applied = applyJsonPatch(document, patch);
        const validated = applied.ok ? validateScenario(applied.document) : null;
        after = validated?.ok ? estimateScenario(validated.scenario, snapshot) : null;
        priced.set(key, after);
      }
      if (!after) continue;
      const kept = new Set<OptionId>();
      for (const before of estimate.options) {
        if (!inFamilies(proposal.families, before.id)) continue;
        const option = after.options.find((o) => o.id === before.id);
        const cents = savingCents(before, option);
        if (!keeps(before, cents)) continue;
        kept.add(before.id);
        entries.push({
          optionId: before.id,
          lever: proposal.lever,
          change: proposal.change,
          scenarioPatch: patch,
          monthlyUSD: option!.monthlyUSD!,
          savingUSD: cents / 100,
          caveat: proposal.caveat,
        });
      }
      // Only a lever that lowers the new cheapest option's own bill changes the answer; one that
      // makes the cheapest option unavailable (arm64 on EKS on Fargate) does not.
      if (after.cheapest && after.cheapest !== estimate.cheapest && kept.has(after.cheapest)) {
        const winner = after.options.find((o) => o.id === after.cheapest)!;
        cheapestChanges.push({
          lever: proposal.lever,
          name: proposal.name,
          change: proposal.change,
          optionId: winner.id,
          optionLabel: winner.label,
          monthlyUSD: winner.monthlyUSD!,
          caveat: proposal.caveat,
        });
      }
    }
  }
  const optionOrder = estimate.options.map((o) => o.id);
  entries.sort(
    (a, b) =>
      b.savingUSD - a.savingUSD ||
      optionOrder.indexOf(a.optionId) - optionOrder.indexOf(b.optionId) ||
      LEVER_IDS.indexOf(a.lever) - LEVER_IDS.indexOf(b.lever),
  );
  cheapestChanges.sort((a, b) => a.monthlyUSD - b.monthlyUSD);
  return { entries, cheapestChanges, fargateRoom: fargateRoomOf(estimate) };
}
