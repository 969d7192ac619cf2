import { downloadFile } from '../../lib/download-file.ts';
import { useId, useMemo, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog.tsx';
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

const downloadBytes = (bytes: Uint8Array | string, fileName: string, type = 'application/zip') =>
  downloadFile(bytes, fileName, type);

const encoder = new TextEncoder();

/** A file's size as the zip stores it (UTF-8 bytes): "812 B", "3.4 KiB". */
export function fileSize(contents: string): string {
  const bytes = encoder.encode(contents).length;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Modal preview of an option's export bundle: file list, contents, copy buttons and a zip download. */
export default function ExportDialog(props: ExportDialogProps) {
  const { optionId, scenario, estimate, shareUrl, onClose } = props;
  const sizeId = useId();
  // Problems (an option the engine cannot run, text no file can carry exactly) are shown instead
  // of a bundle; buildExportBundle would throw on them.
  const { files, problems } = useMemo((): { files: ExportFile[]; problems: string[] } => {
    const input = { scenario, estimate, optionId, shareUrl };
    const found = findExportProblems(input);
    return found.length > 0 ? { files: [], problems: found } : { files: buildExportBundle(input), problems: [] };
  }, [scenario, estimate, optionId, shareUrl]);
  const [selectedPath, setSelectedPath] = useState(files[0]?.path ?? '');
  const [status, setStatus] = useState('');
  const [wrap, setWrap] = useState(false);
  const selected = files.find((f) => f.path === selectedPath) ?? files[0];

  async function copyFile(path: string, contents: string): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(contents);
      setStatus(`Copied ${path}`);
    } catch {
      setStatus(`Could not copy ${path}: the browser denied clipboard access`);
    }
  }

  function downloadFile(file: ExportFile): void {
    downloadBytes(file.contents, baseName(file.path), 'text/plain;charset=utf-8');
    setStatus(`Downloaded ${baseName(file.path)}`);
  }

  function downloadZip(): void {
    const fileName = `${optionId}-bundle.zip`;
    downloadBytes(zipExportFiles(files), fileName);
    setStatus(`Downloaded ${fileName}`);
  }

  return (
    <ModalDialog
      className="export-dialog"
      title={`Export ${OPTION_LABELS[optionId]} configuration`}
      description={
        files.length > 0 ? `${files.length} files. README.md lists what to fill in and how to apply them.` : 'No files.'
      }
      closeLabel="Close export dialog"
      onClose={onClose}
      footer={
        <>
          <p role="status">{status}</p>
          <label className="check-inline">
            <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> Wrap long lines
          </label>
          <button type="button" onClick={downloadZip} disabled={files.length === 0}>
            Download .zip
          </button>
        </>
      }
    >
      {problems.length > 0 ? (
        <div role="alert" className="export-problems">
          <p>This option cannot be exported yet:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="export-body">
          <ul aria-label="Bundle files" className="export-files">
            {files.map((file) => (
              <li key={file.path} className={file.path === selected?.path ? 'is-selected' : undefined}>
                <button
                  type="button"
                  className="export-file-name"
                  aria-current={file.path === selected?.path ? 'true' : undefined}
                  aria-describedby={`${sizeId}-${file.path}-size`}
                  onClick={() => setSelectedPath(file.path)}
                >
                  {file.path}
                </button>
                <span id={`${sizeId}-${file.path}-size`} className="export-file-size">
                  {fileSize(file.contents)}
                </span>
                <span className="export-file-actions">
                  <button
                    type="button"
                    className="button-small"
                    aria-label={`Copy ${file.path}`}
                    onClick={() => void copyFile(file.path, file.contents)}
                  >
                    Copy
                  </button>
                  <button
                    type="button"
                    className="button-small"
                    aria-label={`Download ${file.path}`}
                    onClick={() => downloadFile(file)}
                  >
                    Download
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {selected && (
            <section aria-label={`Contents of ${selected.path}`} className="export-preview">
              <pre className={wrap ? 'is-wrapped' : undefined} tabIndex={0}>
                {selected.contents}
              </pre>
            </section>
          )}
        </div>
      )}
    </ModalDialog>
  );
}
