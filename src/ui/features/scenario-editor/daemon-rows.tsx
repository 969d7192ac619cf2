import { updateSection, useAppStore } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { daemonFieldLabel, SCENARIO_FIELD_LABELS } from '../../lib/field-labels.ts';

type Daemon = { name: string; vcpu: number; memoryGiB: number };

/** ec2.daemonsPerNode: agents on every EC2 node (ECS daemon services, DaemonSets), one row each. */
export function DaemonRows() {
  const daemons = useAppStore((s) => s.scenario.ec2.daemonsPerNode) ?? [];
  const { problems } = useCalculation();
  const save = (next: Daemon[]) => updateSection('ec2', { daemonsPerNode: next.length > 0 ? next : undefined });
  const edit = (index: number, patch: Partial<Daemon>) =>
    save(daemons.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const unusedName = () => {
    for (let n = daemons.length + 1; ; n++) if (!daemons.some((d) => d.name === `agent-${n}`)) return `agent-${n}`;
  };
  return (
    <fieldset className="field-group field-group-wide daemon-rows">
      <legend>{SCENARIO_FIELD_LABELS['ec2.daemonsPerNode']}</legend>
      <p className="field-hint">
        Agents you run on every EC2 node (a metrics or log agent: an ECS daemon service or a DaemonSet). Each takes its
        CPU, memory and one task or pod slot from every node.
      </p>
      {daemons.map((daemon, index) => {
        const at = `ec2.daemonsPerNode[${index}]`;
        const n = index + 1;
        return (
          <div className="daemon-row" key={index}>
            <TextField
              label={daemonFieldLabel(index, 'name')}
              value={daemon.name}
              problem={problems.get(`${at}.name`)}
              onChange={(name) => edit(index, { name })}
            />
            <NumberField
              label={daemonFieldLabel(index, 'vcpu')}
              value={daemon.vcpu}
              min={0}
              max={16}
              step="any"
              problem={problems.get(`${at}.vcpu`)}
              onChange={(v) => edit(index, { vcpu: v ?? Number.NaN })}
            />
            <NumberField
              label={daemonFieldLabel(index, 'memoryGiB')}
              value={daemon.memoryGiB}
              min={0}
              max={120}
              step="any"
              problem={problems.get(`${at}.memoryGiB`)}
              onChange={(v) => edit(index, { memoryGiB: v ?? Number.NaN })}
            />
            <button type="button" onClick={() => save(daemons.filter((_, i) => i !== index))}>
              Remove daemon {n}
            </button>
          </div>
        );
      })}
      {problems.get('ec2.daemonsPerNode') ? (
        <p className="field-problem">{problems.get('ec2.daemonsPerNode')}</p>
      ) : null}
      <button type="button" onClick={() => save([...daemons, { name: unusedName(), vcpu: 0.1, memoryGiB: 0.25 }])}>
        Add daemon
      </button>
    </fieldset>
  );
}
