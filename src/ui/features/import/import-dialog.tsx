import { useEffect, useId, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog.tsx';
import { importScenario } from '../../../domain/import/import-scenario.ts';
import { formatNote, type ImportResult, type ImportSource } from '../../../domain/import/import-types.ts';
import type { Scenario, Service } from '../../../domain/scenario/scenario-schema.ts';
import { describeSchedule } from '../../../domain/schedule/service-schedule.ts';
import { readBrowserFiles } from './read-browser-files.ts';

/** HashiCorp's HCL parser (WebAssembly), loaded only when an import holds .tf files. */
async function parseTerraform(path: string, text: string) {
  const { parseTerraformInBrowser } = await import('./browser-terraform-parser.ts');
  return parseTerraformInBrowser(path, text);
}

/** One line per service found: size, replicas, and what changes the hours or the count. */
function describeService(s: Service): string {
  const parts = [`${s.vcpu} vCPU`, `${s.memoryGiB} GiB`, `${s.replicas} replica${s.replicas === 1 ? '' : 's'}`];
  if (s.autoscaling)
    parts.push(`autoscaling ${s.autoscaling.min}-${s.autoscaling.max} at ${s.autoscaling.targetCpuPercent}% CPU`);
  if (s.schedule) parts.push(describeSchedule(s.schedule));
  return `${s.name}: ${parts.join(', ')}`;
}

export interface ImportDialogProps {
  /** Dropped files or text: read at once. */
  initialSources?: ImportSource[] | undefined;
  /** A drop that could not be read (too large): shown as the first problem. */
  initialProblem?: string | undefined;
  /** Replaces the page's scenario as one undoable step (the store's replaceScenario). */
  onReplace: (scenario: Scenario, reason: string) => void;
  onClose: () => void;
}

const describeSources = (sources: readonly ImportSource[]): string =>
  sources.length === 1 ? sources[0]!.path : `${sources.length} files`;

/**
 * Modal import: pick files (YAML, JSON, .zip) or paste text, read them, see the services found and
 * every note, then replace the scenario in one undoable step (the page's Undo brings the old one back).
 */
export default function ImportDialog({ initialSources, initialProblem, onReplace, onClose }: ImportDialogProps) {
  const filesId = useId();
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<{ from: string; outcome: ImportResult } | null>(null);
  const [problem, setProblem] = useState(initialProblem ?? '');
  const [busy, setBusy] = useState(false);

  async function read(sources: ImportSource[]): Promise<void> {
    setBusy(true);
    setProblem('');
    try {
      setResult({ from: describeSources(sources), outcome: await importScenario(sources, { parseTerraform }) });
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (initialSources) void read(initialSources);
    // Runs once, for the sources the dialog opened with.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function readChosen(): Promise<void> {
    if (files.length > 0) {
      const loaded = await readBrowserFiles(files);
      if (!loaded.ok) {
        setResult(null);
        setProblem(loaded.problem);
        return;
      }
      await read(loaded.sources);
    } else if (pasted.trim() !== '') await read([{ path: 'pasted text', text: pasted }]);
    else setProblem('Choose files or paste a manifest, task definition or Compose file first.');
  }

  function apply(): void {
    if (!result?.outcome.ok) return;
    onReplace(result.outcome.scenario, `Import ${from}`);
    onClose();
  }

  const outcome = result?.outcome;
  const from = result?.from ?? '';
  return (
    <ModalDialog
      className="import-dialog"
      title="Import a workload"
      closeLabel="Close import dialog"
      closeClassName="button-secondary button-small"
      onClose={onClose}
      footer={
        <>
          <p className="muted">Replacing keeps the current scenario in the undo history.</p>
          <button type="button" onClick={apply} disabled={!outcome?.ok}>
            Replace the scenario
          </button>
        </>
      }
    >
      <div className="import-dialog-body">
        <p className="muted">
          Kubernetes YAML or JSON (helm template, kubectl get -o yaml), ECS task definitions and describe-services
          output, the Terraform of an ECS configuration, Compose files, or a .zip of them, such as an export bundle.
        </p>
        <div className="field">
          <label htmlFor={filesId}>Files</label>
          <input
            id={filesId}
            type="file"
            multiple
            accept=".yaml,.yml,.json,.zip,.tf"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        <div className="field">
          <label htmlFor={pasteId}>Or paste YAML or JSON</label>
          <textarea
            id={pasteId}
            rows={6}
            value={pasted}
            spellCheck={false}
            onChange={(e) => setPasted(e.target.value)}
          />
        </div>
        <button type="button" onClick={() => void readChosen()} disabled={busy}>
          Read
        </button>
        <div aria-live="polite">
          {busy ? <p role="status">Reading…</p> : null}
          {problem ? (
            <p role="alert" className="problem">
              {problem}
            </p>
          ) : null}
          {outcome && !outcome.ok ? (
            <div role="alert">
              <h3>Cannot import {from}</h3>
              <ul className="import-problems">
                {outcome.problems.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {outcome?.ok ? (
            <section aria-label="What was read">
              <h3>
                {outcome.scenario.services.length} service{outcome.scenario.services.length === 1 ? '' : 's'} from{' '}
                {from}, priced in {outcome.scenario.region}
              </h3>
              <ul aria-label="Services found">
                {outcome.scenario.services.map((s) => (
                  <li key={s.name}>{describeService(s)}</li>
                ))}
              </ul>
              {outcome.notes.length > 0 ? (
                <>
                  <h4>Notes: what was assumed, changed or left out</h4>
                  <ul aria-label="Import notes" className="import-notes">
                    {outcome.notes.map((note, i) => (
                      <li key={i}>{formatNote(note)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </ModalDialog>
  );
}
