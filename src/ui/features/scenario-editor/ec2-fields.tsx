import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { CheckField } from '../../components/check-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SCENARIO_FIELD_LABELS } from '../../lib/field-labels.ts';
import { InstanceTypePicker } from './instance-type-picker.tsx';
import { DaemonRows } from './daemon-rows.tsx';
import { ScenarioNumberField } from './scenario-number-field.tsx';
import { DEFAULT_ECS_NETWORK_MODE, type EcsNetworkMode } from '../../../domain/capacity/ecs-node-capacity.ts';
import {
  DEFAULT_ROOT_VOLUME_GIB,
  MANAGED_NODE_VOLUME_GIB,
  ROOT_VOLUME_TYPE,
} from '../../../domain/cost/bill-settings.ts';

const NETWORK_MODES: readonly { value: EcsNetworkMode; label: string }[] = [
  { value: 'awsvpc', label: 'awsvpc (an ENI per task)' },
  { value: 'bridge', label: 'bridge (dynamic host ports)' },
];

export function Ec2Fields() {
  const eniTrunking = useAppStore((s) => s.scenario.ec2.eniTrunking);
  const prefixDelegation = useAppStore((s) => s.scenario.ec2.prefixDelegation);
  const networkMode = useAppStore((s) => s.scenario.ec2.ecsNetworkMode);
  const { problems } = useCalculation();
  return (
    <fieldset className="field-group field-group-wide">
      <legend>EC2 nodes (ECS on EC2 and EKS on EC2)</legend>
      <InstanceTypePicker />
      <ScenarioNumberField path="ec2.spotPercent" min={0} max={100} />
      <ScenarioNumberField
        path="ec2.spotDiscountPercent"
        optional
        min={0}
        max={100}
        placeholder="Spot Advisor"
        hint="Below On-Demand. Empty: each type's Spot Instance Advisor savings in the region."
      />
      <ScenarioNumberField
        path="ec2.rootVolumeGiB"
        optional
        min={20}
        max={16384}
        step={1}
        placeholder={`${DEFAULT_ROOT_VOLUME_GIB.ecs} ECS / ${DEFAULT_ROOT_VOLUME_GIB.eks} EKS`}
        hint={`${ROOT_VOLUME_TYPE}, priced per GiB-month and exported at this size; grows when tasks need more storage. Empty: ${DEFAULT_ROOT_VOLUME_GIB.ecs} GiB ECS, ${DEFAULT_ROOT_VOLUME_GIB.eks} GiB EKS, ${MANAGED_NODE_VOLUME_GIB['eks-auto-mode']} GiB EKS Auto Mode.`}
      />
      <ScenarioNumberField path="ec2.savingsPlanDiscountPercent" min={0} max={100} />
      <ScenarioNumberField path="ec2.minNodes" min={0} step={1} hint="Per option, e.g. one per availability zone." />
      <CheckField
        label={SCENARIO_FIELD_LABELS['ec2.eniTrunking']}
        checked={eniTrunking}
        onChange={(on) => updateSection('ec2', { eniTrunking: on })}
        hint="More awsvpc tasks per instance."
      />
      <SelectField
        label={SCENARIO_FIELD_LABELS['ec2.ecsNetworkMode']}
        value={networkMode ?? DEFAULT_ECS_NETWORK_MODE}
        options={NETWORK_MODES}
        problem={problems.get('ec2.ecsNetworkMode')}
        hint="Bridge has no ENI limit per instance; Fargate always uses awsvpc."
        onChange={(ecsNetworkMode) => updateSection('ec2', { ecsNetworkMode })}
      />
      <CheckField
        label={SCENARIO_FIELD_LABELS['ec2.prefixDelegation']}
        checked={prefixDelegation}
        onChange={(on) => updateSection('ec2', { prefixDelegation: on })}
        hint="Up to 110 pods per node."
      />
      <DaemonRows />
    </fieldset>
  );
}
