/**
 * Keeps the URL fragment in step with the store, so the address bar is always a share link.
 *
 * - On load: a link restores its scenario and answers; a broken or newer-version link shows the
 *   default scenario and a notice (never an exception).
 * - On edit: after a pause (debounced), history.replaceState writes the new fragment. No history
 *   entry per keystroke, and only valid scenarios are written, so the URL is always a working link.
 * - On hashchange (a link pasted into the same tab): the page loads it (one undo step).
 * - On page hide (reload, tab closed, tab switched): a pending write happens at once.
 * - Always: the draft, valid or not, is saved in localStorage (draft-storage.ts). On load, a draft
 *   saved on this same address that differs from the link is restored, with a notice that offers
 *   the link's scenario instead; a draft from another address is kept on offer while the link opens.
 * - The codec loads on demand (share-codec-loader.ts): main.tsx loads it before the first render
 *   when the address has a fragment; otherwise the first link is written once it has loaded.
 */
import { loadedShareCodec, loadShareCodec } from './share-codec-loader.ts';
import {
  useAppStore,
  defaultState,
  replaceScenario,
  type AppState,
  type DraftNotice,
  type LinkNotice,
} from './app-store.ts';
import { canonicalText, readDraft, saveDraft, type DraftStorage } from './draft-storage.ts';
import { validDraft } from './calculator.ts';
import { toDraft } from './scenario-draft.ts';

export const URL_SYNC_DELAY_MS = 400;

/** The link could not be read because the page could not download its link reader (offline, say). */
const CODEC_MISSING =
  'This page could not load the code that reads links, so the default scenario is shown. Check the connection and reload the page.';

/** The state a fragment opens: the link's, or the default with a notice. Never throws. */
export function stateFromFragment(fragment: string): AppState {
  if (fragment === '' || fragment === '#') return defaultState();
  const codec = loadedShareCodec();
  if (!codec) return { ...defaultState(), linkNotice: { kind: 'invalid', message: CODEC_MISSING } };
  const decoded = codec.decodeShareState(fragment);
  if (decoded.ok)
    return {
      ...defaultState(),
      scenario: toDraft(decoded.state.scenario),
      answers: decoded.state.answers,
      linkNotice:
        decoded.state.upgradedFrom === null
          ? null
          : { kind: 'upgraded', message: codec.upgradedLinkMessage(decoded.state.upgradedFrom) },
    };
  const notice: LinkNotice | null =
    decoded.reason === 'empty' ? null : { kind: decoded.reason, message: decoded.message };
  return { ...defaultState(), linkNotice: notice };
}

/** The fragment for the current state, or null while the draft is invalid, too large for a link, or the codec is loading. */
export function fragmentFor(state: Pick<AppState, 'scenario' | 'answers'>): string | null {
  const codec = loadedShareCodec();
  const scenario = validDraft(state.scenario);
  if (!codec || !scenario) return null;
  try {
    return `#${codec.encodeShareState({ scenario, answers: state.answers })}`;
  } catch (error) {
    if (error instanceof codec.ShareLinkTooLongError) return null;
    throw error;
  }
}

/** The link "Copy link" copies: this page's address with the current state, or null while invalid, too large or loading. */
export function shareUrlFor(state: Pick<AppState, 'scenario' | 'answers'>, pageUrl: string): string | null {
  const codec = loadedShareCodec();
  const scenario = validDraft(state.scenario);
  return codec && scenario ? codec.tryBuildShareUrl(pageUrl, { scenario, answers: state.answers }) : null;
}

/** Why there is no link for the current state: the draft is invalid, too large for a link, or the codec is still loading. */
export function missingLinkReason(state: Pick<AppState, 'scenario' | 'answers'>): 'invalid' | 'too-long' | 'loading' {
  // The codec loads with validation (share-codec-loader.ts): without it nothing can be checked yet.
  if (!loadedShareCodec()) return 'loading';
  return validDraft(state.scenario) ? 'too-long' : 'invalid';
}

export interface UrlSyncTarget {
  location: Pick<Location, 'hash' | 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  addEventListener: (type: 'hashchange' | 'pagehide' | 'visibilitychange', listener: () => void) => void;
  removeEventListener: (type: 'hashchange' | 'pagehide' | 'visibilitychange', listener: () => void) => void;
  document?: { visibilityState: DocumentVisibilityState };
  localStorage?: DraftStorage;
}

const sameWork = (a: Pick<AppState, 'scenario' | 'answers'>, b: Pick<AppState, 'scenario' | 'answers'>) =>
  canonicalText([a.scenario, a.answers]) === canonicalText([b.scenario, b.answers]);

/** The state the page opens with: the link's, or the draft saved on this address, with the notice that says which. */
export function openingState(fragment: string, storage: DraftStorage | undefined): AppState {
  const linked = stateFromFragment(fragment);
  const draft = readDraft(storage);
  if (!draft || sameWork(draft, linked)) return linked;
  const fromLink = fragment.startsWith('#s=') && (linked.linkNotice === null || linked.linkNotice.kind === 'upgraded');
  if (draft.fragment === fragment || draft.previousFragment === fragment) {
    const draftNotice: DraftNotice = {
      kind: 'restored',
      savedAt: draft.savedAt,
      other: { scenario: linked.scenario, answers: linked.answers },
      fromLink,
    };
    return { ...linked, scenario: draft.scenario, answers: draft.answers, draftNotice };
  }
  return {
    ...linked,
    draftNotice: {
      kind: 'kept',
      savedAt: draft.savedAt,
      other: { scenario: draft.scenario, answers: draft.answers },
      fromLink,
    },
  };
}

/** Restores the state from the current fragment (or the saved draft), then keeps fragment and draft updated. Returns a stop function. */
export function startUrlSync(target: UrlSyncTarget = window, delayMs = URL_SYNC_DELAY_MS): () => void {
  const storage = (() => {
    try {
      return target.localStorage;
    } catch {
      return undefined; // storage blocked by the browser's settings
    }
  })();
  let written = target.location.hash;
  let previous = written;
  useAppStore.setState(openingState(written, storage));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    const { scenario, answers, draftNotice } = useAppStore.getState();
    // While a kept draft is on offer and nothing was edited, keep it rather than overwrite it.
    if (draftNotice?.kind === 'kept' && useAppStore.getState().past.length === 0) return;
    saveDraft(storage, {
      scenario,
      answers,
      fragment: target.location.hash,
      previousFragment: previous,
      savedAt: new Date().toISOString(),
    });
  };
  let stopped = false;
  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!loadedShareCodec()) {
      // The draft is saved now; the link follows once the codec is here (a failed download leaves the last link).
      save();
      loadShareCodec().then(
        () => stopped || write(),
        () => {},
      );
      return;
    }
    const fragment = fragmentFor(useAppStore.getState());
    if (fragment !== null && fragment !== target.location.hash) {
      previous = target.location.hash;
      written = fragment;
      target.history.replaceState(target.history.state, '', fragment);
    }
    save();
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario && state.answers === previous.answers) return;
    save();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  const onHashChange = () => {
    // Only share links replace the scenario; other fragments (in-page anchors) are left alone.
    if (target.location.hash === written || !target.location.hash.startsWith('#s=')) return;
    if (!loadedShareCodec()) {
      loadShareCodec().then(
        () => stopped || onHashChange(),
        () => useAppStore.setState({ linkNotice: { kind: 'invalid', message: CODEC_MISSING } }),
      );
      return;
    }
    previous = written;
    written = target.location.hash;
    const linked = stateFromFragment(written);
    if (linked.linkNotice) useAppStore.setState({ linkNotice: linked.linkNotice });
    if (!linked.linkNotice || linked.linkNotice.kind === 'upgraded')
      replaceScenario(linked.scenario, 'Open a pasted link', linked.answers);
  };
  // A reload or a closed tab must not lose the edit of the last 400 ms.
  const onHide = () => write();
  const onVisibility = () => {
    if (target.document?.visibilityState === 'hidden') write();
  };
  // A restored draft that is valid gets its link in the address bar at once.
  if (useAppStore.getState().draftNotice?.kind === 'restored') write();
  target.addEventListener('hashchange', onHashChange);
  target.addEventListener('pagehide', onHide);
  target.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
    target.removeEventListener('pagehide', onHide);
    target.removeEventListener('visibilitychange', onVisibility);
  };
}
