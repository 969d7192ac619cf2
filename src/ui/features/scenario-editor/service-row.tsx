import { lazy, memo, Suspense } from 'react';
import type { DraftService } from '../../../state/scenario-draft.ts';
import { clearServiceField, duplicateService, removeService, updateService } from '../../../state/app-store.ts';
import { NumberField } from '../../components/number-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { sameProblems, serviceField, type RowProblems } from './row-problems.ts';
import type { ServiceField } from '../../lib/field-labels.ts';

// The expandable part (autoscaling, export fields) loads on first use, keeping the first screen small.
const ServiceDetails = lazy(() => import('./service-details.tsx'));

export interface ServiceRowProps {
  index: number;
  service: DraftService;
  problems: RowProblems;
  expanded: boolean;
  onToggle: (index: number) => void;
  canRemove: boolean;
  defaultHours: number;
}

const ARCH = [
  { value: 'x86_64', label: 'x86_64' },
  { value: 'arm64', label: 'arm64' },
] as const;
const OS = [
  { value: 'linux', label: 'Linux' },
  { value: 'windows', label: 'Windows' },
] as const;

/** The fields a service's row shows, in its columns' order; the rest are under Details. */
export const ROW_FIELDS = [
  'name',
  'vcpu',
  'memoryGiB',
  'replicas',
  'hoursPerMonth',
  'arch',
  'os',
] as const satisfies readonly ServiceField[];

function ServiceRowView({ index, service, problems, expanded, onToggle, canRemove, defaultHours }: ServiceRowProps) {
  const n = index + 1;
  // Each cell's label is the field's, named for its row ("vCPU, service 2") and hidden under the column header.
  const cell = (field: (typeof ROW_FIELDS)[number]) => {
    const { label, problem } = serviceField(problems, field);
    return {
      label: (
        <>
          {label}
          <span className="visually-hidden">, service {n}</span>
        </>
      ),
      labelHidden: true,
      problem,
    };
  };
  const detailsId = `service-details-${index}`;
  const detailProblems = Object.keys(problems).filter((k) => !(ROW_FIELDS as readonly string[]).includes(k)).length;
  return (
    <>
      <tr className={problems._ ? 'row-invalid' : undefined}>
        <td data-col="name">
          <TextField {...cell('name')} value={service.name} onChange={(name) => updateService(index, { name })} />
        </td>
        <td data-col="vcpu">
          <NumberField
            {...cell('vcpu')}
            value={service.vcpu}
            min={0.25}
            max={16}
            step={0.25}
            onChange={(v) => updateService(index, { vcpu: v ?? Number.NaN })}
          />
        </td>
        <td data-col="memory">
          <NumberField
            {...cell('memoryGiB')}
            value={service.memoryGiB}
            min={0.5}
            max={120}
            step={0.5}
            onChange={(v) => updateService(index, { memoryGiB: v ?? Number.NaN })}
          />
        </td>
        <td data-col="replicas">
          <NumberField
            {...cell('replicas')}
            value={service.replicas}
            min={0}
            max={10000}
            step={1}
            onChange={(v) => updateService(index, { replicas: v ?? Number.NaN })}
          />
        </td>
        <td data-col="hours">
          <NumberField
            {...cell('hoursPerMonth')}
            optional
            placeholder={String(defaultHours)}
            value={service.hoursPerMonth}
            min={0}
            max={744}
            onChange={(v) =>
              v === undefined ? clearServiceField(index, 'hoursPerMonth') : updateService(index, { hoursPerMonth: v })
            }
          />
        </td>
        <td data-col="arch">
          <SelectField
            {...cell('arch')}
            value={service.arch}
            options={ARCH}
            onChange={(arch) => updateService(index, { arch })}
          />
        </td>
        <td data-col="os">
          <SelectField
            {...cell('os')}
            value={service.os}
            options={OS}
            onChange={(os) => updateService(index, { os })}
          />
        </td>
        <td data-col="actions" className="row-actions">
          <button
            type="button"
            className="button-small"
            aria-label={`${expanded ? 'Hide details' : 'Details'} of service ${n}${detailProblems > 0 ? `, ${detailProblems} to fix` : ''}`}
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={() => onToggle(index)}
          >
            {expanded ? 'Hide details' : 'Details'}
            {detailProblems > 0 ? <span className="badge-problem"> ({detailProblems} to fix)</span> : null}
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={`Duplicate service ${n}`}
            onClick={() => duplicateService(index)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={`Remove service ${n}`}
            disabled={!canRemove}
            onClick={() => removeService(index)}
          >
            Remove
          </button>
        </td>
      </tr>
      {expanded ? (
        <tr id={detailsId} className="details-row">
          <td colSpan={8}>
            <Suspense fallback={<p role="status">Loading details…</p>}>
              <ServiceDetails index={index} service={service} problems={problems} />
            </Suspense>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** One service: re-renders only when its own service, problems or expansion change. */
export const ServiceRow = memo(
  ServiceRowView,
  (a, b) =>
    a.service === b.service &&
    a.index === b.index &&
    a.expanded === b.expanded &&
    a.canRemove === b.canRemove &&
    a.defaultHours === b.defaultHours &&
    a.onToggle === b.onToggle &&
    sameProblems(a.problems, b.problems),
);
