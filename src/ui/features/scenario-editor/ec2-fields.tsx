import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { CheckField } from '../../components/check-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { InstanceTypePicker } from './instance-type-picker.tsx';
import { DaemonRows } from './daemon-rows.tsx';
import { DEFAULT_ECS_NETWORK_MODE, type EcsNetworkMode } from '../../../domain/capacity/ecs-node-capacity.ts';

const NETWORK_MODES: readonly { value: EcsNetworkMode; label: string }[] = [
  { value: 'awsvpc', label: 'awsvpc (an ENI per task)' },
  { value: 'bridge', label: 'bridge (dynamic host ports)' },
];
import {
  DEFAULT_ROOT_VOLUME_GIB,
  MANAGED_NODE_VOLUME_GIB,
  ROOT_VOLUME_TYPE,
} from '../../../domain/cost/bill-settings.ts';

export function Ec2Fields() {
  const ec2 = useAppStore((s) => s.scenario.ec2);
  const { problems } = useCalculation();
  const set = (patch: Partial<typeof ec2>) => updateSection('ec2', patch);
  return (
    <fieldset className="field-group field-group-wide">
      <legend>EC2 nodes (ECS on EC2 and EKS on EC2)</legend>
      <InstanceTypePicker />
      <NumberField
        label="EC2 Spot share (%)"
        value={ec2.spotPercent}
        min={0}
        max={100}
        problem={problems.get('ec2.spotPercent')}
        onChange={(v) => set({ spotPercent: v ?? Number.NaN })}
      />
      <NumberField
        label="Spot discount (%)"
        value={ec2.spotDiscountPercent}
        optional
        min={0}
        max={100}
        placeholder="Spot Advisor"
        problem={problems.get('ec2.spotDiscountPercent')}
        hint="Below On-Demand. Empty: each type's Spot Instance Advisor savings in the region."
        onChange={(v) => set({ spotDiscountPercent: v })}
      />
      <NumberField
        label="Root volume per node (GiB)"
        value={ec2.rootVolumeGiB}
        optional
        min={20}
        max={16384}
        step={1}
        placeholder={`${DEFAULT_ROOT_VOLUME_GIB.ecs} ECS / ${DEFAULT_ROOT_VOLUME_GIB.eks} EKS`}
        problem={problems.get('ec2.rootVolumeGiB')}
        hint={`${ROOT_VOLUME_TYPE}, priced per GB-month and exported at this size; grows when tasks need more storage. Empty: ${DEFAULT_ROOT_VOLUME_GIB.ecs} GiB ECS, ${DEFAULT_ROOT_VOLUME_GIB.eks} GiB EKS, ${MANAGED_NODE_VOLUME_GIB['eks-auto-mode']} GiB EKS Auto Mode.`}
        onChange={(v) => set({ rootVolumeGiB: v })}
      />
      <NumberField
        label="EC2 Savings Plan discount (%)"
        value={ec2.savingsPlanDiscountPercent}
        min={0}
        max={100}
        problem={problems.get('ec2.savingsPlanDiscountPercent')}
        onChange={(v) => set({ savingsPlanDiscountPercent: v ?? Number.NaN })}
      />
      <NumberField
        label="Minimum nodes"
        value={ec2.minNodes}
        min={0}
        step={1}
        problem={problems.get('ec2.minNodes')}
        hint="Per option, e.g. one per availability zone."
        onChange={(v) => set({ minNodes: v ?? Number.NaN })}
      />
      <CheckField
        label="ENI trunking (ECS)"
        checked={ec2.eniTrunking}
        onChange={(eniTrunking) => set({ eniTrunking })}
        hint="More awsvpc tasks per instance."
      />
      <SelectField
        label="ECS network mode (ECS on EC2)"
        value={ec2.ecsNetworkMode ?? DEFAULT_ECS_NETWORK_MODE}
        options={NETWORK_MODES}
        problem={problems.get('ec2.ecsNetworkMode')}
        hint="Bridge has no ENI limit per instance; Fargate always uses awsvpc."
        onChange={(ecsNetworkMode) => set({ ecsNetworkMode })}
      />
      <CheckField
        label="Prefix delegation (EKS)"
        checked={ec2.prefixDelegation}
        onChange={(prefixDelegation) => set({ prefixDelegation })}
        hint="Up to 110 pods per node."
      />
      <DaemonRows />
    </fieldset>
  );
}
