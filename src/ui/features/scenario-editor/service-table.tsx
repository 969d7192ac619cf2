import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore, addService } from '../../../state/app-store.ts';
import { MAX_SERVICES } from '../../../domain/scenario/scenario-defaults.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { rowProblems } from './row-problems.ts';
import { ROW_FIELDS, ServiceRow } from './service-row.tsx';
import { SCENARIO_FIELD_LABELS, SERVICE_FIELD_LABELS } from '../../lib/field-labels.ts';

// Each column is headed by its field's label, but for the operating system, shortened to fit.
const COLUMNS = [...ROW_FIELDS.map((field) => (field === 'os' ? 'OS' : SERVICE_FIELD_LABELS[field])), 'Actions'];
// Architecture: arm64 means Graviton instances on EC2 and ARM Fargate (ECS only).

/** The services: one row each, details (storage, GPU, autoscaling, export fields) in an expandable row. */
export function ServiceTable() {
  const services = useAppStore((s) => s.scenario.services);
  const defaultHours = useAppStore((s) => s.scenario.hoursPerMonth);
  const { problems } = useCalculation();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = useCallback((index: number) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);
  // Rows are keyed by position, so after a removal the open rows would point at other services: close them.
  const count = useRef(services.length);
  useEffect(() => {
    if (services.length < count.current) setExpanded(new Set());
    count.current = services.length;
  }, [services.length]);
  // Worded messages start with the field's label already; the format's own (while the wording loads) do not.
  const label = SCENARIO_FIELD_LABELS.services;
  const listMessage = problems.get('services');
  const listProblem =
    listMessage === undefined || listMessage.startsWith(`${label}: `) ? listMessage : `${label}: ${listMessage}`;
  const replicaCount = services.reduce((sum, s) => sum + (Number.isFinite(s.replicas) ? s.replicas : 0), 0);
  return (
    <section aria-labelledby="services-heading" className="editor-block">
      <div className="block-heading">
        <h3 id="services-heading">{label}</h3>
        <p className="muted">
          {services.length} service{services.length === 1 ? '' : 's'}, {replicaCount.toLocaleString('en-US')} replica
          {replicaCount === 1 ? '' : 's'}
        </p>
      </div>
      <div className="table-scroll">
        <table className="service-table">
          <caption className="visually-hidden">Services: size, replicas and platform of each</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {services.map((service, index) => (
              <ServiceRow
                key={index}
                index={index}
                service={service}
                problems={rowProblems(problems, index)}
                expanded={expanded.has(index)}
                onToggle={toggle}
                canRemove={services.length > 1}
                defaultHours={Number.isFinite(defaultHours) ? defaultHours : 730}
              />
            ))}
          </tbody>
        </table>
      </div>
      {listProblem ? (
        <p className="field-problem" role="alert">
          {listProblem}
        </p>
      ) : null}
      <button type="button" onClick={() => addService()} disabled={services.length >= MAX_SERVICES}>
        Add service
      </button>
    </section>
  );
}
