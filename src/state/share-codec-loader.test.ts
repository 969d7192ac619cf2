// A file of its own: each test file gets fresh modules, so the codec starts out not loaded, as on the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultState, updateService, useAppStore } from './app-store.ts';
import { missingLinkReason, shareUrlFor, startUrlSync, stateFromFragment, type UrlSyncTarget } from './url-sync.ts';
import { loadedShareCodec, loadShareCodec, subscribeShareCodec } from './share-codec-loader.ts';
import { readDraft } from './draft-storage.ts';

function fakeWindow(): UrlSyncTarget & { location: { hash: string; href: string } } {
  const items = new Map<string, string>();
  const target = {
    localStorage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    },
    location: { hash: '', href: 'http://127.0.0.1:4173/' },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        target.location.hash = url;
      }),
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  return target;
}

afterEach(() => useAppStore.setState(defaultState(), true));

describe('the share-link codec, loaded on demand', () => {
  it('opens an address without a fragment without it, and writes the first link once it has loaded', async () => {
    expect(loadedShareCodec()).toBeNull();
    const win = fakeWindow();
    const stop = startUrlSync(win, 0);
    expect(stateFromFragment('').linkNotice).toBeNull();
    expect(shareUrlFor(useAppStore.getState(), win.location.href)).toBeNull();
    expect(missingLinkReason(useAppStore.getState())).toBe('loading');

    let notified = 0;
    const unsubscribe = subscribeShareCodec(() => notified++);
    updateService(0, { replicas: 3 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The draft is saved on every edit, whether or not a link can be written yet.
    expect(readDraft(win.localStorage)?.scenario.services[0]!.replicas).toBe(3);
    const codec = await loadShareCodec();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(notified).toBe(1);
    expect(loadedShareCodec()).toBe(codec);
    expect(win.location.hash).toMatch(/^#s=2\./);
    expect(stateFromFragment(win.location.hash).scenario.services[0]!.replicas).toBe(3);
    expect(shareUrlFor(useAppStore.getState(), win.location.href)).toBe(`http://127.0.0.1:4173/${win.location.hash}`);
    unsubscribe();
    stop();
  });
});
