import { lazy, memo, Suspense } from 'react';
import type { DraftService } from '../../../state/scenario-draft.ts';
import { clearServiceField, duplicateService, removeService, updateService } from '../../../state/app-store.ts';
import { NumberField } from '../../components/number-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { sameProblems, type RowProblems } from './row-problems.ts';

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

function ServiceRowView({ index, service, problems, expanded, onToggle, canRemove, defaultHours }: ServiceRowProps) {
  const n = index + 1;
  const of = (field: string) => (
    <>
      {field}
      <span className="visually-hidden">, service {n}</span>
    </>
  );
  const detailsId = `service-details-${index}`;
  const detailProblems = Object.keys(problems).filter(
    (k) => !['name', 'vcpu', 'memoryGiB', 'replicas', 'hoursPerMonth', 'arch', 'os'].includes(k),
  ).length;
  return (
    <>
      <tr className={problems._ ? 'row-invalid' : undefined}>
        <td data-col="name">
          <TextField
            label={of('Name')}
            labelHidden
            value={service.name}
            problem={problems.name}
            onChange={(name) => updateService(index, { name })}
          />
        </td>
        <td data-col="vcpu">
          <NumberField
            label={of('vCPU')}
            labelHidden
            value={service.vcpu}
            problem={problems.vcpu}
            min={0.25}
            max={16}
            step={0.25}
            onChange={(v) => updateService(index, { vcpu: v ?? Number.NaN })}
          />
        </td>
        <td data-col="memory">
          <NumberField
            label={of('Memory (GiB)')}
            labelHidden
            value={service.memoryGiB}
            problem={problems.memoryGiB}
            min={0.5}
            max={120}
            step={0.5}
            onChange={(v) => updateService(index, { memoryGiB: v ?? Number.NaN })}
          />
        </td>
        <td data-col="replicas">
          <NumberField
            label={of('Replicas')}
            labelHidden
            value={service.replicas}
            problem={problems.replicas}
            min={0}
            max={10000}
            step={1}
            onChange={(v) => updateService(index, { replicas: v ?? Number.NaN })}
          />
        </td>
        <td data-col="hours">
          <NumberField
            label={of('Hours per month')}
            labelHidden
            optional
            placeholder={String(defaultHours)}
            value={service.hoursPerMonth}
            problem={problems.hoursPerMonth}
            min={0}
            max={744}
            onChange={(v) =>
              v === undefined ? clearServiceField(index, 'hoursPerMonth') : updateService(index, { hoursPerMonth: v })
            }
          />
        </td>
        <td data-col="arch">
          <SelectField
            label={of('Architecture')}
            labelHidden
            value={service.arch}
            options={ARCH}
            onChange={(arch) => updateService(index, { arch })}
          />
        </td>
        <td data-col="os">
          <SelectField
            label={of('Operating system')}
            labelHidden
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
