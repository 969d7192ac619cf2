import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Estimate, OptionId } from '../../../domain/cost/estimate-types.ts';
import { OPTION_LABELS } from '../../../domain/cost/estimate-types.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { buildExportBundle, findExportProblems } from '../../../domain/export/build-export-bundle.ts';
import type { ExportFile } from '../../../domain/export/export-file.ts';
import { zipExportFiles } from '../../../domain/export/zip-export-files.ts';

export interface ExportDialogProps {
  optionId: OptionId;
  scenario: Scenario;
  estimate: Estimate;
  shareUrl: string;
  onClose: () => void;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Starts a browser download of bytes under a file name (object URL revoked right after). */
function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/zip' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Modal preview of an option's export bundle: file list, contents, copy buttons and a zip download. */
export default function ExportDialog(props: ExportDialogProps) {
  const { optionId, scenario, estimate, shareUrl, onClose } = props;
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  // Problems (an option the engine cannot run, text no file can carry exactly) are shown instead
  // of a bundle; buildExportBundle would throw on them.
  const { files, problems } = useMemo((): { files: ExportFile[]; problems: string[] } => {
    const input = { scenario, estimate, optionId, shareUrl };
    const found = findExportProblems(input);
    return found.length > 0 ? { files: [], problems: found } : { files: buildExportBundle(input), problems: [] };
  }, [scenario, estimate, optionId, shareUrl]);
  const [selectedPath, setSelectedPath] = useState(files[0]?.path ?? '');
  const [status, setStatus] = useState('');
  const selected = files.find((f) => f.path === selectedPath) ?? files[0];

  // Focus moves into the dialog on open and back to the opener on close (WAI-ARIA modal dialog pattern).
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  async function copyFile(path: string, contents: string): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(contents);
      setStatus(`Copied ${path}`);
    } catch {
      setStatus(`Could not copy ${path}: the browser denied clipboard access`);
    }
  }

  function downloadZip(): void {
    const fileName = `${optionId}-bundle.zip`;
    downloadBytes(zipExportFiles(files), fileName);
    setStatus(`Downloaded ${fileName}`);
  }

  return (
    <div
      className="export-dialog-backdrop"
      style={styles.backdrop}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={dialogRef}
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        // Focusable itself, so a click on plain text inside keeps focus (and Escape, Tab) in the dialog.
        tabIndex={-1}
        style={styles.dialog}
        onKeyDown={onKeyDown}
      >
        <header style={styles.header}>
          <div>
            <h2 id={titleId} style={styles.title}>
              Export {OPTION_LABELS[optionId]} configuration
            </h2>
            <p id={descriptionId} style={styles.subtitle}>
              {files.length > 0
                ? `${files.length} files. README.md lists what to fill in and how to apply them.`
                : 'No files.'}
            </p>
          </div>
          <button type="button" onClick={onClose} aria-label="Close export dialog">
            Close
          </button>
        </header>
        {problems.length > 0 ? (
          <div role="alert" style={styles.problems}>
            <p>This option cannot be exported yet:</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : (
          <div style={styles.body}>
            <ul aria-label="Bundle files" style={styles.fileList}>
              {files.map((file) => (
                <li key={file.path} style={styles.fileRow}>
                  <button
                    type="button"
                    aria-current={file.path === selected?.path ? 'true' : undefined}
                    onClick={() => setSelectedPath(file.path)}
                    style={{ ...styles.fileButton, fontWeight: file.path === selected?.path ? 700 : 400 }}
                  >
                    {file.path}
                  </button>
                  <button
                    type="button"
                    aria-label={`Copy ${file.path}`}
                    onClick={() => void copyFile(file.path, file.contents)}
                  >
                    Copy
                  </button>
                </li>
              ))}
            </ul>
            {selected && (
              <section aria-label={`Contents of ${selected.path}`} style={styles.preview}>
                <pre style={styles.pre} tabIndex={0}>
                  {selected.contents}
                </pre>
              </section>
            )}
          </div>
        )}
        <footer style={styles.footer}>
          <p role="status" style={styles.status}>
            {status}
          </p>
          <button type="button" onClick={downloadZip} disabled={files.length === 0}>
            Download .zip
          </button>
        </footer>
      </div>
    </div>
  );
}

const styles = {
  backdrop: {
    position: 'fixed',
    inset: 0,
    background: 'rgba(0, 0, 0, 0.45)',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    zIndex: 1000,
  },
  dialog: {
    background: '#fff',
    color: '#111',
    width: 'min(1100px, 96vw)',
    height: 'min(760px, 92vh)',
    display: 'flex',
    flexDirection: 'column',
    borderRadius: 8,
    boxShadow: '0 10px 40px rgba(0,0,0,0.35)',
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: '12px 16px',
    borderBottom: '1px solid #ddd',
  },
  title: { margin: 0, fontSize: '1.15rem' },
  subtitle: { margin: '2px 0 0', fontSize: '0.85rem', color: '#444' },
  body: { display: 'flex', flex: 1, minHeight: 0 },
  fileList: { listStyle: 'none', margin: 0, padding: 8, width: 320, overflowY: 'auto', borderRight: '1px solid #ddd' },
  fileRow: { display: 'flex', gap: 4, alignItems: 'center', marginBottom: 2 },
  fileButton: {
    flex: 1,
    textAlign: 'left',
    background: 'none',
    border: 'none',
    padding: '4px 6px',
    cursor: 'pointer',
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    overflowWrap: 'anywhere',
  },
  preview: { flex: 1, minWidth: 0, display: 'flex' },
  pre: { flex: 1, margin: 0, padding: 12, overflow: 'auto', fontSize: '0.8rem', background: '#f6f8fa' },
  footer: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: '10px 16px',
    borderTop: '1px solid #ddd',
  },
  status: { margin: 0, fontSize: '0.85rem' },
  problems: { flex: 1, padding: '12px 16px', color: '#8a1c1c', overflowY: 'auto' },
} as const satisfies Record<string, CSSProperties>;
