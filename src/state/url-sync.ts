/**
 * Keeps the URL fragment in step with the store, so the address bar is always a share link.
 *
 * - On load: a link restores its scenario and answers; a broken or newer-version link shows the
 *   default scenario and a notice (never an exception).
 * - On edit: after a pause (debounced), history.replaceState writes the new fragment. No history
 *   entry per keystroke, and only valid scenarios are written, so the URL is always a working link.
 * - On hashchange (a link pasted into the same tab): the page loads it.
 */
import {
  decodeShareState,
  encodeShareState,
  ShareLinkTooLongError,
  tryBuildShareUrl,
} from '../domain/share/share-codec.ts';
import { useAppStore, defaultState, type AppState, type LinkNotice } from './app-store.ts';
import { validDraft } from './calculator.ts';
import { toDraft } from './scenario-draft.ts';

export const URL_SYNC_DELAY_MS = 400;

/** The state a fragment opens: the link's, or the default with a notice. Never throws. */
export function stateFromFragment(fragment: string): AppState {
  const decoded = decodeShareState(fragment);
  if (decoded.ok)
    return { scenario: toDraft(decoded.state.scenario), answers: decoded.state.answers, linkNotice: null };
  const notice: LinkNotice | null =
    decoded.reason === 'empty' ? null : { kind: decoded.reason, message: decoded.message };
  return { ...defaultState(), linkNotice: notice };
}

/** The fragment for the current state, or null while the draft is invalid or too large for a link. */
export function fragmentFor(state: Pick<AppState, 'scenario' | 'answers'>): string | null {
  const scenario = validDraft(state.scenario);
  if (!scenario) return null;
  try {
    return `#${encodeShareState({ scenario, answers: state.answers })}`;
  } catch (error) {
    if (error instanceof ShareLinkTooLongError) return null;
    throw error;
  }
}

/** The link "Copy link" copies: this page's address with the current state, or null while invalid or too large. */
export function shareUrlFor(state: Pick<AppState, 'scenario' | 'answers'>, pageUrl: string): string | null {
  const scenario = validDraft(state.scenario);
  return scenario ? tryBuildShareUrl(pageUrl, { scenario, answers: state.answers }) : null;
}

/** Why there is no link for the current state: the draft is invalid, or too large for a link. */
export function missingLinkReason(state: Pick<AppState, 'scenario' | 'answers'>): 'invalid' | 'too-long' {
  return validDraft(state.scenario) ? 'too-long' : 'invalid';
}

export interface UrlSyncTarget {
  location: Pick<Location, 'hash' | 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  addEventListener: (type: 'hashchange', listener: () => void) => void;
  removeEventListener: (type: 'hashchange', listener: () => void) => void;
}

/** Restores the state from the current fragment, then keeps the fragment updated. Returns a stop function. */
export function startUrlSync(target: UrlSyncTarget = window, delayMs = URL_SYNC_DELAY_MS): () => void {
  let written = target.location.hash;
  useAppStore.setState(stateFromFragment(written));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const fragment = fragmentFor(useAppStore.getState());
    if (fragment === null || fragment === target.location.hash) return;
    written = fragment;
    target.history.replaceState(target.history.state, '', fragment);
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario && state.answers === previous.answers) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  const onHashChange = () => {
    // Only share links replace the scenario; other fragments (in-page anchors) are left alone.
    if (target.location.hash === written || !target.location.hash.startsWith('#s=')) return;
    written = target.location.hash;
    useAppStore.setState(stateFromFragment(written));
  };
  target.addEventListener('hashchange', onHashChange);

  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
  };
}
