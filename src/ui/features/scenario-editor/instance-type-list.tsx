import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { quantity, unitPrice } from '../../lib/format.ts';
import type { CpuArch, InstanceOffer } from '../../../domain/pricing/price-snapshot.ts';

const MAX_SHOWN = 40;

function matches(offer: InstanceOffer, words: string[], arch: CpuArch | 'all'): boolean {
  if (arch !== 'all' && offer.arch !== arch) return false;
  return words.every((w) => offer.type.includes(w));
}

/** Search the region's instance types (from the loaded snapshot), filter by architecture, tick the ones to use. */
export default function InstanceTypeList() {
  const id = useId();
  const selected = useAppStore((s) => s.scenario.ec2.instanceTypes);
  const serviceArchs = useAppStore((s) => [...new Set(s.scenario.services.map((x) => x.arch))].join(','));
  const { snapshot, problems } = useCalculation();
  const [search, setSearch] = useState('');
  const [arch, setArch] = useState<CpuArch | 'all'>(
    serviceArchs === 'arm64' ? 'arm64' : serviceArchs === 'x86_64' ? 'x86_64' : 'all',
  );
  const deferredSearch = useDeferredValue(search);
  const found = useMemo(() => {
    const words = deferredSearch.toLowerCase().split(/\s+/).filter(Boolean);
    const offers = (snapshot?.ec2.instances ?? []).filter((o) => matches(o, words, arch));
    return { total: offers.length, shown: offers.slice(0, MAX_SHOWN) };
  }, [snapshot, deferredSearch, arch]);
  const setTypes = (instanceTypes: string[]) => updateSection('ec2', { instanceTypes });
  const toggle = (type: string, on: boolean) => setTypes(on ? [...selected, type] : selected.filter((t) => t !== type));
  const typeProblems = [...problems].filter(([path]) => path.startsWith('ec2.instanceTypes'));

  return (
    <div className="picker-body">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-search`} className="field-label">
            Search instance types
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder="m7g, c6i.large …"
            onChange={(e) => setSearch(e.target.value)}
            aria-describedby={`${id}-count`}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-arch`} className="field-label">
            Architecture
          </label>
          <select id={`${id}-arch`} value={arch} onChange={(e) => setArch(e.target.value as CpuArch | 'all')}>
            <option value="all">All</option>
            <option value="x86_64">x86_64</option>
            <option value="arm64">arm64 (Graviton)</option>
          </select>
        </div>
      </div>
      <p id={`${id}-count`} className="field-hint" aria-live="polite">
        {snapshot
          ? `${found.total} matching type${found.total === 1 ? '' : 's'}${found.total > MAX_SHOWN ? `, first ${MAX_SHOWN} shown` : ''}.`
          : "Loading the region's instance types…"}{' '}
        The cheapest listed type that fits each node group is used.
      </p>
      <div className="picker-list" role="group" aria-label="Matching instance types">
        {found.shown.map((o) => (
          <label key={o.type} className="picker-option">
            <input
              type="checkbox"
              checked={selected.includes(o.type)}
              onChange={(e) => toggle(o.type, e.target.checked)}
            />
            <span className="mono">{o.type}</span>
            <span className="muted">
              {' '}
              {quantity(o.vcpu)} vCPU, {quantity(o.memoryMiB / 1024, 2)} GiB{o.gpu ? `, ${o.gpu} GPU` : ''},{' '}
              {unitPrice(o.usdHour)}/h
            </span>
          </label>
        ))}
      </div>
      {selected.length > 0 ? (
        <ul className="chips" aria-label="Chosen instance types">
          {selected.map((type) => (
            <li key={type}>
              <span className="mono">{type}</span>
              <button
                type="button"
                className="button-small"
                aria-label={`Remove ${type}`}
                onClick={() => toggle(type, false)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {typeProblems.map(([path, message]) => (
        <p key={path} className="field-problem" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
