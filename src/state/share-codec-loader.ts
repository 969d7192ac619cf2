/**
 * The share-link codec (domain/share/share-codec.ts and fflate's deflate, about 7 KB gzipped) is
 * a chunk of its own, outside the first screen's JavaScript (README, Benchmarks): the page loads it
 * before its first render only when the address carries a fragment to decode, and otherwise just
 * after the first paint, for the links it writes. Until then no link is written or offered; the
 * draft in localStorage is saved as always, so no edit waits for it or is lost.
 */
import type * as shareCodec from '../domain/share/share-codec.ts';
import { loadValidation } from './validation-loader.ts';

export type ShareCodec = typeof shareCodec;

let loaded: ShareCodec | null = null;
let pending: Promise<ShareCodec> | null = null;
const listeners = new Set<() => void>();

/**
 * Loads the codec once, with validation (it validates what it decodes and encodes, and the page
 * validates the drafts it writes links for); a failed download is forgotten, so the next call tries again.
 */
export function loadShareCodec(): Promise<ShareCodec> {
  pending ??= Promise.all([import('../domain/share/share-codec.ts'), loadValidation()]).then(
    ([codec]) => {
      loaded = codec;
      for (const listener of listeners) listener();
      return codec;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** The codec if it has loaded, else null. */
export function loadedShareCodec(): ShareCodec | null {
  return loaded;
}

/** Calls the listener once the codec has loaded (for useSyncExternalStore); returns the unsubscribe. */
export function subscribeShareCodec(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
