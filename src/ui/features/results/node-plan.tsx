import { OPTION_PLATFORM, type OptionEstimate } from '../../../domain/cost/estimate-types.ts';
import { percent, quantity } from '../../lib/format.ts';
import { NodeBreakdown } from './node-breakdown.tsx';
import { scaleDownDelayPhrase } from '../../../domain/capacity/cluster-autoscaler.ts';
import { servicesSentence, sizeReason } from './node-plan-words.ts';

/** EC2 node groups (type, count, how full) or, for Fargate, the billed size of each service. */
export function NodePlan({ option }: { option: OptionEstimate }) {
  const slots = OPTION_PLATFORM[option.id] === 'eks' ? 'pod slots' : 'task slots';
  if (option.nodes && option.nodes.length > 0) {
    return (
      <ul className="node-plan" aria-label={`${option.label} node plan`}>
        {option.nodes.map((n) => (
          <li key={`${n.instanceType}-${n.services.join()}`}>
            <strong>
              {n.count} × <span className="mono">{n.instanceType}</span>
            </strong>{' '}
            <span className="muted">
              ({quantity(n.vcpu)} vCPU, {quantity(n.memoryMiB / 1024, 2)} GiB, {n.arch}
              {n.gpu ? ', GPU' : ''}, {n.choice})
            </span>
            <br />
            <span className="node-services">Runs {servicesSentence(n)}.</span>
            <br />
            <span className="node-reason">{sizeReason(n, OPTION_PLATFORM[option.id] === 'eks' ? 'pod' : 'task')}</span>
            <br />
            Requests fill {percent(n.utilization.cpuPercent)} CPU, {percent(n.utilization.memoryPercent)} memory,{' '}
            {percent(n.utilization.slotsPercent)} of {slots}
            {n.minNodesPadding > 0 ? `; ${n.minNodesPadding} added to reach the minimum node count` : ''}.
            {n.fullMonth ? null : (
              <>
                <br />
                Runs only while its services do: {quantity(n.hoursPerMonth)} h a month
                {scaleDownDelayPhrase(n.scaleDownDelayHours)} ({quantity(n.nodeHours)} instance-hours), none the rest of
                the month.
              </>
            )}
            <NodeBreakdown plan={n} platform={OPTION_PLATFORM[option.id]} />
          </li>
        ))}
      </ul>
    );
  }
  const resized = (option.fargateSizes ?? []).filter(
    (s) => s.billed.vcpu !== s.requested.vcpu || s.billed.memoryGiB !== s.requested.memoryGiB,
  );
  if (resized.length === 0) return null;
  return (
    <ul className="node-plan" aria-label={`${option.label} billed sizes`}>
      {resized.slice(0, 5).map((s) => (
        <li key={s.service}>
          <span className="mono">{s.service}</span>: requests {quantity(s.requested.vcpu)} vCPU /{' '}
          {quantity(s.requested.memoryGiB, 3)} GiB, billed as {quantity(s.billed.vcpu)} vCPU /{' '}
          {quantity(s.billed.memoryGiB)} GiB
        </li>
      ))}
      {resized.length > 5 ? <li className="muted">and {resized.length - 5} more services rounded up</li> : null}
    </ul>
  );
}
