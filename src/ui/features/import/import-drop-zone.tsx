import { lazy, Suspense, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ImportSource } from '../../../domain/import/import-types.ts';
import { replaceScenario } from '../../../state/app-store.ts';
import { readDrop } from './read-browser-files.ts';

// The importer (YAML parser, format readers, unzip) loads only when someone imports.
const ImportDialog = lazy(() => import('./import-dialog.tsx'));

type Opened = { sources: ImportSource[]; problem?: undefined } | { sources?: undefined; problem: string } | {};

/**
 * Wraps the workload editor: an Import button above it, and the whole area takes dropped files or
 * text. Either opens the import dialog, which shows what was read and every note before anything
 * replaces the scenario.
 */
export function ImportDropZone({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const accepts = (event: DragEvent) => [...event.dataTransfer.types].some((t) => t === 'Files' || t === 'text/plain');

  async function onDrop(event: DragEvent<HTMLDivElement>): Promise<void> {
    if (!accepts(event)) return;
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const read = await readDrop(event.dataTransfer);
    if (!read) return;
    setOpened(read.ok ? { sources: read.sources } : { problem: read.problem });
  }

  return (
    <div
      role="group"
      aria-label="Workload (drop files here to import them)"
      className={`import-drop-zone${dragging ? ' import-dragging' : ''}`}
      onDragEnter={(event) => {
        if (!accepts(event)) return;
        depth.current++;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (accepts(event)) event.preventDefault();
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(event) => void onDrop(event)}
    >
      <div className="import-bar">
        <button type="button" className="button-small" aria-haspopup="dialog" onClick={() => setOpened({})}>
          Import…
        </button>
        <span className="muted">
          Kubernetes manifests, ECS task definitions or Terraform, Compose files, zips or folders: pick them, or drop
          them here.
        </span>
      </div>
      {dragging ? (
        <p className="import-drop-hint" aria-hidden="true">
          Drop to import
        </p>
      ) : null}
      {children}
      {opened ? (
        <Suspense fallback={<p role="status">Loading the importer…</p>}>
          <ImportDialog
            initialSources={'sources' in opened ? opened.sources : undefined}
            initialProblem={'problem' in opened ? opened.problem : undefined}
            onReplace={replaceScenario}
            onClose={() => setOpened(null)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
