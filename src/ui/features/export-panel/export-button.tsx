import { lazy, Suspense, useState } from 'react';
import type { Estimate, OptionId } from '../../../domain/cost/estimate-types.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { shareUrlFor } from '../../../state/url-sync.ts';
import { loadShareCodec } from '../../../state/share-codec-loader.ts';
import { isExportable } from '../../../domain/export/exportable-options.ts';

// The export code (generators, zip) loads only when someone opens the dialog, with the share-link
// codec its README's link needs (usually loaded already, after the first paint).
const ExportDialog = lazy(() =>
  Promise.all([import('./export-dialog.tsx'), loadShareCodec()]).then(([dialog]) => dialog),
);

export function ExportButton({
  optionId,
  label,
  scenario,
  estimate,
  disabledReason,
}: {
  optionId: OptionId;
  label: string;
  scenario: Scenario;
  estimate: Estimate;
  /** While the results are not for the current input, nothing is exported (it would not be what the page shows). */
  disabledReason?: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  if (!isExportable(optionId))
    return <span className="muted action-note">No configuration export for {label} yet.</span>;
  const close = () => setOpen(false);
  const shareUrl = () => shareUrlFor({ scenario, answers: useAppStore.getState().answers }, window.location.href) ?? '';
  return (
    <>
      <button
        type="button"
        className="button-small"
        aria-label={`Export ${label} configuration`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        disabled={!!disabledReason}
      >
        Export
      </button>
      {disabledReason ? <span className="muted action-note">{disabledReason}</span> : null}
      {open ? (
        <Suspense fallback={<p role="status">Loading the export…</p>}>
          <ExportDialog
            optionId={optionId}
            scenario={scenario}
            estimate={estimate}
            shareUrl={shareUrl()}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
