import { useCalculation } from '../../app/calculation-context.tsx';
import { estimateToCsv, reportFileName } from '../../../domain/report/estimate-csv.ts';
import { estimateToMarkdown } from '../../../domain/report/estimate-markdown.ts';
import { downloadFile } from '../../lib/download-file.ts';

/**
 * Download the estimate the page shows as CSV or Markdown (the same formatters as `cli estimate
 * --format csv|markdown`), or print it (the print stylesheet keeps totals, lines and the
 * recommendation and leaves the form out).
 */
export function ReportDownloads() {
  const { estimate, staleBecause } = useCalculation();
  const off = !estimate || staleBecause !== null;
  return (
    <div className="report-actions" role="group" aria-label="Download or print the estimate">
      <button
        type="button"
        className="button-small"
        disabled={off}
        onClick={() =>
          estimate && downloadFile(estimateToCsv(estimate), reportFileName(estimate, 'csv'), 'text/csv;charset=utf-8')
        }
      >
        Download CSV
      </button>
      <button
        type="button"
        className="button-small"
        disabled={off}
        onClick={() =>
          estimate &&
          downloadFile(estimateToMarkdown(estimate), reportFileName(estimate, 'md'), 'text/markdown;charset=utf-8')
        }
      >
        Download Markdown
      </button>
      <button type="button" className="button-small" disabled={!estimate} onClick={() => window.print()}>
        Print
      </button>
      {off && estimate ? <span className="muted action-note">Fix the highlighted fields to download</span> : null}
    </div>
  );
}
