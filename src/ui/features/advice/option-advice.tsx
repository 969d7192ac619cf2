/**
 * Under each option card: the levers that would cut that option's bill the most, each with its
 * saving, caveat and an Apply button (one undoable step through replaceScenario), and the Fargate
 * requests that could grow at no extra cost. Lazy: the app shell gives the cards AdviceSlot.
 */
import { useId } from 'react';
import type { OptionId } from '../../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario, ScenarioInput } from '../../../domain/scenario/scenario-schema.ts';
import type { AdviceEntry } from '../../../domain/advice/advise-scenario.ts';
import { applyJsonPatch } from '../../../domain/advice/json-patch.ts';
import { LEVER_NAMES } from '../../../domain/advice/levers.ts';
import { replaceScenario } from '../../../state/app-store.ts';
import { useAdvice } from '../../app/advice-source.ts';
import { money, quantity } from '../../lib/format.ts';

/** How many levers a card lists (the CLI's --json lists them all). */
export const LEVERS_PER_CARD = 3;
/** How many requests with room at no extra cost a card names. */
const ROOM_PER_CARD = 2;

export interface OptionAdviceProps {
  optionId: OptionId;
  label: string;
  /** The valid scenario the card's figures are for: the document the patches apply to. */
  scenario: Scenario;
  snapshot: RegionSnapshot | undefined;
  /** Set while the results are stale: Apply is off and says why. */
  disabledReason?: string | undefined;
}

function apply(scenario: Scenario, entry: AdviceEntry): void {
  const patched = applyJsonPatch(scenario, entry.scenarioPatch);
  // The patch was made for this very scenario object; a failure would be a bug, never half-applied.
  if (!patched.ok) throw new Error(`The advice could not be applied: ${patched.problem}`);
  replaceScenario(patched.document as ScenarioInput, `Apply ${LEVER_NAMES[entry.lever]}`);
}

export default function OptionAdvice({ optionId, label, scenario, snapshot, disabledReason }: OptionAdviceProps) {
  const headingId = useId();
  const { advice, current, error } = useAdvice(scenario, snapshot);
  if (current && error) return <p className="muted option-advice">{error}</p>;
  if (!advice || !current)
    return <p className="muted option-advice">Checking which of your settings would cost less…</p>;
  const entries = advice.entries.filter((e) => e.optionId === optionId);
  const room = advice.fargateRoom.filter((r) => r.optionId === optionId);
  return (
    <section className="option-advice" aria-labelledby={headingId}>
      <h4 id={headingId}>
        Could cost less<span className="visually-hidden"> on {label}</span>
      </h4>
      {entries.length === 0 ? (
        <p className="muted">No lever of the advice saves 1% or more here.</p>
      ) : (
        <ul className="advice-list">
          {entries.slice(0, LEVERS_PER_CARD).map((entry) => (
            <li key={`${entry.lever}:${JSON.stringify(entry.scenarioPatch)}`}>
              <p>
                <strong>{money(entry.savingUSD)} a month less</strong> ({money(entry.monthlyUSD)}): {entry.change}
              </p>
              {entry.caveat ? <p className="muted">{entry.caveat}</p> : null}
              <button
                type="button"
                className="button-small"
                aria-label={`Apply ${LEVER_NAMES[entry.lever]} (${label} ${money(entry.savingUSD)} a month less)`}
                disabled={!!disabledReason}
                title={disabledReason}
                onClick={() => apply(scenario, entry)}
              >
                Apply
              </button>
            </li>
          ))}
        </ul>
      )}
      {disabledReason && entries.length > 0 ? <p className="muted">Apply is off: {disabledReason}.</p> : null}
      {entries.length > LEVERS_PER_CARD ? (
        <p className="muted">
          {entries.length - LEVERS_PER_CARD === 1
            ? '1 more lever saves less'
            : `${entries.length - LEVERS_PER_CARD} more levers save less`}{' '}
          (the command line's estimate --json lists them all).
        </p>
      ) : null}
      {room.length > 0 ? (
        <p className="muted">
          At no extra cost here:{' '}
          {room
            .slice(0, ROOM_PER_CARD)
            .map(
              (r) =>
                `${r.service} could ask for ${quantity(r.couldRequest.vcpu)} vCPU / ${quantity(r.couldRequest.memoryGiB)} GiB (it asks ${quantity(r.requested.vcpu)} / ${quantity(r.requested.memoryGiB)}; billed ${quantity(r.billed.vcpu)} vCPU / ${quantity(r.billed.memoryGiB)} GiB)`,
            )
            .join('; ')}
          {room.length > ROOM_PER_CARD ? `; and ${room.length - ROOM_PER_CARD} more services` : ''}.
        </p>
      ) : null}
    </section>
  );
}
