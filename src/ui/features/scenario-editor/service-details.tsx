import type { DraftService } from '../../../state/scenario-draft.ts';
import { clearServiceField, updateService } from '../../../state/app-store.ts';
import { NumberField } from '../../components/number-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { CheckField } from '../../components/check-field.tsx';
import { serviceField, type RowProblems } from './row-problems.ts';
import { SERVICE_FIELD_LABELS } from '../../lib/field-labels.ts';
import { NameValueRows } from './name-value-rows.tsx';
import { AUTOSCALING_DEFAULTS } from '../../../domain/scenario/scenario-defaults.ts';
import { ScheduleFields } from './schedule-fields.tsx';

export interface ServiceDetailsProps {
  index: number;
  service: DraftService;
  problems: RowProblems;
}

type Optional = 'image' | 'port' | 'healthCheckPath' | 'host';

/** The expandable part of a service row: storage, GPU, autoscaling, and the fields the config export uses. */
export default function ServiceDetails({ index, service, problems }: ServiceDetailsProps) {
  const set = (patch: Partial<DraftService>) => updateService(index, patch);
  const setOptional = (field: Optional, value: string | number | undefined) =>
    value === undefined || value === '' ? clearServiceField(index, field) : set({ [field]: value });
  const scaling = service.autoscaling;
  return (
    <div className="service-details">
      <fieldset className="field-group">
        <legend>Resources of {service.name || `service ${index + 1}`}</legend>
        <NumberField
          {...serviceField(problems, 'ephemeralStorageGiB')}
          value={service.ephemeralStorageGiB}
          min={20}
          max={200}
          hint="20 GiB is included with every Fargate task."
          onChange={(v) => set({ ephemeralStorageGiB: v ?? Number.NaN })}
        />
        <NumberField
          {...serviceField(problems, 'gpu')}
          value={service.gpu}
          min={0}
          max={16}
          step={1}
          hint="Fargate has no GPUs; EC2 options pick GPU instances."
          onChange={(v) => set({ gpu: v ?? Number.NaN })}
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>Autoscaling</legend>
        <CheckField
          label={SERVICE_FIELD_LABELS.autoscaling}
          checked={scaling !== undefined}
          onChange={(on) =>
            on
              ? set({
                  autoscaling: {
                    min: Math.max(0, Math.floor(service.replicas || 1)),
                    max: Math.max(1, Math.ceil((service.replicas || 1) * 4)),
                    targetCpuPercent: AUTOSCALING_DEFAULTS.targetCpuPercent,
                  },
                })
              : clearServiceField(index, 'autoscaling')
          }
          hint="Costs use replicas as the average running count; the range goes into exported configs."
        />
        {scaling ? (
          <>
            <NumberField
              {...serviceField(problems, 'autoscaling.min')}
              value={scaling.min}
              min={0}
              step={1}
              onChange={(v) => set({ autoscaling: { ...scaling, min: v ?? Number.NaN } })}
            />
            <NumberField
              {...serviceField(problems, 'autoscaling.max')}
              value={scaling.max}
              min={1}
              step={1}
              onChange={(v) => set({ autoscaling: { ...scaling, max: v ?? Number.NaN } })}
            />
            <NumberField
              {...serviceField(problems, 'autoscaling.targetCpuPercent')}
              value={scaling.targetCpuPercent}
              min={1}
              max={100}
              step={1}
              onChange={(v) => set({ autoscaling: { ...scaling, targetCpuPercent: v ?? Number.NaN } })}
            />
          </>
        ) : null}
      </fieldset>
      <ScheduleFields index={index} service={service} problems={problems} />
      <fieldset className="field-group field-group-wide">
        <legend>Container and exposure (used by the config export)</legend>
        <TextField
          {...serviceField(problems, 'image')}
          className="field-wide"
          value={service.image ?? ''}
          placeholder="123456789.dkr.ecr.us-east-1.amazonaws.com/api:latest"
          onChange={(v) => setOptional('image', v)}
        />
        <NumberField
          {...serviceField(problems, 'port')}
          optional
          value={service.port}
          min={1}
          max={65535}
          step={1}
          onChange={(v) => setOptional('port', v)}
        />
        <TextField
          {...serviceField(problems, 'healthCheckPath')}
          value={service.healthCheckPath ?? ''}
          placeholder="/health"
          onChange={(v) => setOptional('healthCheckPath', v)}
        />
        <CheckField label={SERVICE_FIELD_LABELS.public} checked={service.public} onChange={(v) => set({ public: v })} />
        <TextField
          {...serviceField(problems, 'host')}
          value={service.host ?? ''}
          placeholder="api.example.com"
          onChange={(v) => setOptional('host', v)}
        />
      </fieldset>
      <NameValueRows
        field="environment"
        multiline
        value={service.environment}
        problems={problems}
        namePlaceholder="ENVIRONMENT"
        valuePlaceholder="production"
        hint="Each value is kept exactly as typed, new lines and spaces included."
        onChange={(environment) => set({ environment })}
      />
      <NameValueRows
        field="secrets"
        multiline={false}
        value={service.secrets}
        problems={problems}
        namePlaceholder="DATABASE_URL"
        valuePlaceholder="arn:aws:secretsmanager:us-east-1:123456789012:secret:db"
        hint="A Secrets Manager or SSM Parameter Store ARN per variable; the container gets its value at start."
        onChange={(secrets) => set({ secrets })}
      />
    </div>
  );
}
