import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useAppStore } from '../../../state/app-store.ts';
import { missingLinkReason, shareUrlFor } from '../../../state/url-sync.ts';
import { loadedShareCodec, loadShareCodec, subscribeShareCodec } from '../../../state/share-codec-loader.ts';
import { copyText } from '../../lib/clipboard.ts';

/** "Copy link": the whole scenario and the answers in one URL, and the link itself to select by hand. */
export function ShareBar() {
  const id = useId();
  // Deferred: encoding a big scenario must not hold up the keystroke that changed it.
  const scenario = useDeferredValue(useAppStore((s) => s.scenario));
  const answers = useDeferredValue(useAppStore((s) => s.answers));
  // The link's encoder loads after the first paint (share-codec-loader.ts); the link shows once it is here.
  const codec = useSyncExternalStore(subscribeShareCodec, loadedShareCodec);
  const [codecFailed, setCodecFailed] = useState(false);
  useEffect(() => {
    if (!codec) loadShareCodec().catch(() => setCodecFailed(true));
  }, [codec]);
  const url = useMemo(
    () => (codec ? shareUrlFor({ scenario, answers }, window.location.href) : null),
    [codec, scenario, answers],
  );
  const missing = url === null ? missingLinkReason({ scenario, answers }) : null;
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    if (!url) return;
    const ok = await copyText(url);
    setStatus(ok ? 'Link copied.' : 'Could not copy: select the link and copy it by hand.');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 4000);
  };
  return (
    <div className="share-bar">
      <label htmlFor={id} className="visually-hidden">
        Share link
      </label>
      <input
        id={id}
        className="share-url"
        type="text"
        readOnly
        value={url ?? ''}
        placeholder={
          missing === 'too-long'
            ? 'Too large for a link: export the bundle and share its scenario.json'
            : missing === 'loading'
              ? codecFailed
                ? 'Could not load the link code: check the connection and reload'
                : 'Preparing the link…'
              : 'Fix the highlighted fields to get a link'
        }
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" onClick={copy} disabled={!url}>
        Copy link
      </button>
      <span className="share-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
