import { setDraftNotice, switchToOtherScenario, useAppStore } from '../../../state/app-store.ts';

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : ` from ${date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}`;
};

/** Says that the page restored the draft kept on this device (or kept it on offer), with the way to the other scenario. */
export function DraftNotice() {
  const notice = useAppStore((s) => s.draftNotice);
  if (!notice) return null;
  const restored = notice.kind === 'restored';
  return (
    <div className="link-notice notice-draft" role="status">
      <p>
        {restored
          ? `Restored your unsaved scenario${when(notice.savedAt)}, kept on this device.`
          : `You have an unsaved scenario${when(notice.savedAt)} kept on this device; the page shows the link's scenario.`}
      </p>
      <div className="inline-controls">
        <button type="button" className="button-small" onClick={switchToOtherScenario}>
          {restored
            ? notice.fromLink
              ? "Open the link's scenario"
              : 'Start from the default scenario'
            : 'Restore my unsaved scenario'}
        </button>
        <button type="button" className="button-small" onClick={() => setDraftNotice(null)}>
          {restored ? 'Keep my scenario' : 'Dismiss'}
        </button>
      </div>
    </div>
  );
}
