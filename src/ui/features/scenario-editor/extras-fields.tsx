import { LOG_RETENTION_DAYS } from '../../../domain/cost/bill-settings.ts';
import { ScenarioNumberField } from './scenario-number-field.tsx';

export function ExtrasFields() {
  return (
    <fieldset className="field-group">
      <legend>Network and logs</legend>
      <ScenarioNumberField
        path="extras.loadBalancers"
        min={0}
        step={1}
        hint="In all, on every option: raised to what the public services need (they share one, with host rules; each further one without a host needs its own); any beyond that are exported as spares."
      />
      <ScenarioNumberField path="extras.lcuPerLoadBalancer" min={0} />
      <ScenarioNumberField
        path="extras.natGateways"
        min={0}
        step={1}
        hint="ECS: your VPC's, which the export uses. EKS: eksctl's new VPC needs at least 1 (1, or one per availability zone)."
      />
      <ScenarioNumberField path="extras.natDataGB" min={0} />
      <ScenarioNumberField
        path="extras.publicIPv4Addresses"
        min={0}
        step={1}
        hint="Beyond those the bill counts itself: each ALB's (one per availability zone) and each NAT gateway's Elastic IP."
      />
      <ScenarioNumberField
        path="extras.internetEgressGB"
        min={0}
        hint="Priced on the region's tiers; AWS's 100 GB free allowance is per account, so it is not applied."
      />
      <ScenarioNumberField path="extras.crossAzGB" min={0} hint="Between availability zones; billed on both sides." />
      <ScenarioNumberField
        path="extras.logIngestionGB"
        min={0}
        hint={`Standard class, plus storage for the ${LOG_RETENTION_DAYS}-day retention the export sets.`}
      />
    </fieldset>
  );
}

export function TeamTimeFields() {
  return (
    <fieldset className="field-group">
      <legend>Team time (optional)</legend>
      <ScenarioNumberField path="operations.hourlyRateUSD" min={0} hint="0 leaves team time out of the totals." />
      <ScenarioNumberField path="operations.ecsHoursPerMonth" min={0} />
      <ScenarioNumberField path="operations.eksHoursPerMonth" min={0} />
    </fieldset>
  );
}
