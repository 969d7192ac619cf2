import type { NodePlan } from '../../../domain/cost/estimate-types.ts';
import { ECS_CPU_UNITS_PER_VCPU } from '../../../domain/capacity/ecs-node-capacity.ts';
import { quantity } from '../../lib/format.ts';

const LAYOUTS_SHOWN = 5;

const cpu = (millis: number) => (millis ? `${quantity(millis, 1)}m` : '—');
const mib = (value: number) => (value ? `${quantity(value, 1)} MiB` : '—');
const slots = (value: number) => (value ? quantity(value) : '—');

/**
 * One node of a plan: nominal size, each share the system takes, what is left, and what the
 * services placed on each kind of node use, so the user can check the arithmetic.
 */
export function NodeBreakdown({ plan, platform }: { plan: NodePlan; platform: 'ecs' | 'eks' }) {
  const { breakdown, allocatablePerNode: left } = plan;
  const slotWord = platform === 'eks' ? 'pods' : 'tasks';
  return (
    <details className="node-breakdown">
      <summary>Per node: what the system takes and what the services use</summary>
      <table>
        <caption className="visually-hidden">
          {plan.instanceType}: capacity per node, system shares and what is left for services
        </caption>
        <thead>
          <tr>
            <th scope="col">Per {plan.instanceType} node</th>
            <th scope="col">CPU</th>
            <th scope="col">Memory</th>
            <th scope="col">{slotWord}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              Nominal (
              {platform === 'ecs' ? `${quantity(plan.vcpu * ECS_CPU_UNITS_PER_VCPU)} CPU units registered; ` : ''}
              {breakdown.slotsBasis}
              {breakdown.slotsRule ? ', derived' : ''})
            </th>
            <td>{cpu(breakdown.nominal.cpuMillis)}</td>
            <td>{mib(breakdown.nominal.memoryMiB)}</td>
            <td>{slots(breakdown.slots)}</td>
          </tr>
          {breakdown.system.map((share) => (
            <tr key={share.name}>
              <th scope="row">− {share.name}</th>
              <td>{cpu(share.cpuMillis)}</td>
              <td>{mib(share.memoryMiB)}</td>
              <td>{slots(share.slots)}</td>
            </tr>
          ))}
          <tr className="node-breakdown-total">
            <th scope="row">= Left for services</th>
            <td>{cpu(left.cpuMillis)}</td>
            <td>{mib(left.memoryMiB)}</td>
            <td>{slots(left.slots)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        MemTotal {quantity(breakdown.memTotalMiB)} MiB{' '}
        {breakdown.memTotalRule ? `(derived: ${breakdown.memTotalRule})` : '(measured for this type)'}.
      </p>
      <ul aria-label={`${plan.instanceType} nodes as packed`}>
        {plan.layout.slice(0, LAYOUTS_SHOWN).map((entry, index) => (
          <li key={index}>
            {entry.nodes} node{entry.nodes === 1 ? '' : 's'} with{' '}
            {Object.entries(entry.replicas)
              .map(([name, count]) => `${count} × ${name}`)
              .join(', ')}
            : services use {cpu(entry.used.cpuMillis)}, {mib(entry.used.memoryMiB)}, {slots(entry.used.slots)}{' '}
            {slotWord} per node
          </li>
        ))}
        {plan.layout.length > LAYOUTS_SHOWN ? (
          <li className="muted">and {plan.layout.length - LAYOUTS_SHOWN} more node layouts</li>
        ) : null}
      </ul>
    </details>
  );
}
