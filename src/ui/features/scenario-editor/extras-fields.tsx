import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { LOG_RETENTION_DAYS } from '../../../domain/cost/bill-settings.ts';

export function ExtrasFields() {
  const extras = useAppStore((s) => s.scenario.extras);
  const { problems } = useCalculation();
  const set = (patch: Partial<typeof extras>) => updateSection('extras', patch);
  return (
    <fieldset className="field-group">
      <legend>Network and logs (same for every option)</legend>
      <NumberField
        label="Application Load Balancers"
        value={extras.loadBalancers}
        min={0}
        step={1}
        problem={problems.get('extras.loadBalancers')}
        onChange={(v) => set({ loadBalancers: v ?? Number.NaN })}
      />
      <NumberField
        label="Capacity units (LCU) per load balancer"
        value={extras.lcuPerLoadBalancer}
        min={0}
        problem={problems.get('extras.lcuPerLoadBalancer')}
        onChange={(v) => set({ lcuPerLoadBalancer: v ?? Number.NaN })}
      />
      <NumberField
        label="NAT gateways"
        value={extras.natGateways}
        min={0}
        step={1}
        problem={problems.get('extras.natGateways')}
        onChange={(v) => set({ natGateways: v ?? Number.NaN })}
      />
      <NumberField
        label="NAT data processed (GB per month)"
        value={extras.natDataGB}
        min={0}
        problem={problems.get('extras.natDataGB')}
        onChange={(v) => set({ natDataGB: v ?? Number.NaN })}
      />
      <NumberField
        label="Public IPv4 addresses"
        value={extras.publicIPv4Addresses}
        min={0}
        step={1}
        problem={problems.get('extras.publicIPv4Addresses')}
        onChange={(v) => set({ publicIPv4Addresses: v ?? Number.NaN })}
      />
      <NumberField
        label="Internet egress (GB per month)"
        value={extras.internetEgressGB}
        min={0}
        problem={problems.get('extras.internetEgressGB')}
        hint="Priced on the region's tiers; AWS's 100 GB free allowance is per account, so it is not applied."
        onChange={(v) => set({ internetEgressGB: v ?? Number.NaN })}
      />
      <NumberField
        label="Cross-AZ traffic (GB per month)"
        value={extras.crossAzGB}
        min={0}
        problem={problems.get('extras.crossAzGB')}
        hint="Between availability zones; billed on both sides."
        onChange={(v) => set({ crossAzGB: v ?? Number.NaN })}
      />
      <NumberField
        label="CloudWatch Logs ingested (GB per month)"
        value={extras.logIngestionGB}
        min={0}
        problem={problems.get('extras.logIngestionGB')}
        hint={`Standard class, plus storage for the ${LOG_RETENTION_DAYS}-day retention the export sets.`}
        onChange={(v) => set({ logIngestionGB: v ?? Number.NaN })}
      />
    </fieldset>
  );
}

export function TeamTimeFields() {
  const ops = useAppStore((s) => s.scenario.operations);
  const { problems } = useCalculation();
  const set = (patch: Partial<typeof ops>) => updateSection('operations', patch);
  return (
    <fieldset className="field-group">
      <legend>Team time (optional)</legend>
      <NumberField
        label="Hourly rate (USD)"
        value={ops.hourlyRateUSD}
        min={0}
        problem={problems.get('operations.hourlyRateUSD')}
        hint="0 leaves team time out of the totals."
        onChange={(v) => set({ hourlyRateUSD: v ?? Number.NaN })}
      />
      <NumberField
        label="Hours per month running ECS"
        value={ops.ecsHoursPerMonth}
        min={0}
        problem={problems.get('operations.ecsHoursPerMonth')}
        onChange={(v) => set({ ecsHoursPerMonth: v ?? Number.NaN })}
      />
      <NumberField
        label="Hours per month running EKS"
        value={ops.eksHoursPerMonth}
        min={0}
        problem={problems.get('operations.eksHoursPerMonth')}
        onChange={(v) => set({ eksHoursPerMonth: v ?? Number.NaN })}
      />
    </fieldset>
  );
}
