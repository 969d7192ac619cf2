import { useAppStore, setLinkNotice } from '../../../state/app-store.ts';

/** Why the page opened with the default scenario instead of the link's (broken, or from a newer version). */
export function LinkNotice() {
  const notice = useAppStore((s) => s.linkNotice);
  if (!notice) return null;
  return (
    <div className={`link-notice notice-${notice.kind}`} role={notice.kind === 'upgraded' ? 'status' : 'alert'}>
      <p>{notice.message}</p>
      <button type="button" className="button-small" onClick={() => setLinkNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
