import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultState, setAnswers, switchToOtherScenario, undo, updateService, useAppStore } from './app-store.ts';
import {
  fragmentFor,
  openingState,
  shareUrlFor,
  startUrlSync,
  stateFromFragment,
  type UrlSyncTarget,
} from './url-sync.ts';
import { DRAFT_STORAGE_KEY, readDraft, saveDraft } from './draft-storage.ts';
import { encodeShareState } from '../domain/share/share-codec.ts';
import { presetScenario } from '../domain/presets/presets.ts';
import { loadShareCodec } from './share-codec-loader.ts';

function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

type EventName = 'hashchange' | 'pagehide' | 'visibilitychange';

function fakeWindow(hash = '', localStorage: Storage = fakeStorage()) {
  const listeners = new Map<EventName, Set<() => void>>();
  const fire = (type: EventName) => listeners.get(type)?.forEach((l) => l());
  const target = {
    localStorage,
    document: { visibilityState: 'visible' as DocumentVisibilityState },
    location: { hash, href: `http://127.0.0.1:4173/${hash}` },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        target.location.hash = url;
      }),
    },
    addEventListener: (type: EventName, l: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(l);
    },
    removeEventListener: (type: EventName, l: () => void) => void listeners.get(type)?.delete(l),
    navigate(newHash: string) {
      target.location.hash = newHash;
      fire('hashchange');
    },
    fire,
  };
  return target satisfies UrlSyncTarget;
}

// The page loads the codec on demand (share-codec-loader.test.ts covers the time before it is here).
beforeAll(() => loadShareCodec());
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  useAppStore.setState(defaultState(), true);
});

describe('url sync', () => {
  it('restores exactly the scenario and answers of a link', () => {
    const scenario = presetScenario('gpu-inference');
    const fragment = `#${encodeShareState({ scenario, answers: { ...defaultState().answers, multiCloud: 'yes' } })}`;
    const stop = startUrlSync(fakeWindow(fragment), 100);
    expect(useAppStore.getState().scenario.services.map((s) => s.name)).toEqual(['inference', 'gateway']);
    expect(useAppStore.getState().scenario.services[0]!.gpu).toBe(1);
    expect(useAppStore.getState().answers.multiCloud).toBe('yes');
    expect(useAppStore.getState().linkNotice).toBeNull();
    stop();
  });

  it('shows the default scenario and a notice for a garbage link, never throwing', () => {
    for (const garbage of ['#garbage', '#s=1.!!!', '#s=1.AAAA', '#s=1.', `#s=1.${'A'.repeat(100_000)}`]) {
      const state = stateFromFragment(garbage);
      expect(state.scenario.services[0]!.name).toBe('api-service');
      expect(state.linkNotice?.kind).toBe('invalid');
      expect(state.linkNotice?.message).toMatch(/default scenario/);
    }
  });

  it('says when a link comes from a newer version', () => {
    const state = stateFromFragment('#s=9.abc');
    expect(state.linkNotice).toMatchObject({ kind: 'newer-version' });
    expect(state.linkNotice!.message).toMatch(/newer version/);
  });

  it('writes the fragment once after a pause in editing, with replaceState', () => {
    const win = fakeWindow('');
    const stop = startUrlSync(win, 100);
    updateService(0, { replicas: 3 });
    vi.advanceTimersByTime(50);
    updateService(0, { replicas: 4 });
    vi.advanceTimersByTime(50);
    updateService(0, { replicas: 5 });
    expect(win.history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
    expect(stateFromFragment(win.location.hash).scenario.services[0]!.replicas).toBe(5);
    stop();
  });

  it('leaves the last valid link in place while the draft is invalid', () => {
    const win = fakeWindow('');
    const stop = startUrlSync(win, 100);
    setAnswers({ teamSize: 'small' });
    vi.advanceTimersByTime(100);
    const valid = win.location.hash;
    updateService(0, { vcpu: Number.NaN });
    vi.advanceTimersByTime(100);
    expect(win.location.hash).toBe(valid);
    expect(fragmentFor(useAppStore.getState())).toBeNull();
    expect(shareUrlFor(useAppStore.getState(), 'http://x/')).toBeNull();
    stop();
  });

  it('loads a link pasted into the same tab', () => {
    const win = fakeWindow('');
    const stop = startUrlSync(win, 100);
    win.navigate(`#${encodeShareState({ scenario: presetScenario('nightly-batch') })}`);
    expect(useAppStore.getState().scenario.services[0]!.name).toBe('nightly-etl');
    stop();
  });

  it('builds a share URL on the page address, replacing any fragment', () => {
    const url = shareUrlFor(useAppStore.getState(), 'http://127.0.0.1:4173/#old');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=2\./);
    expect(stateFromFragment(new URL(url!).hash).scenario).toEqual(useAppStore.getState().scenario);
  });
});

describe('drafts kept on this device', () => {
  it('restores an invalid draft after a reload of the same address, offering the link instead', () => {
    const storage = fakeStorage();
    const first = fakeWindow('', storage);
    const stop = startUrlSync(first, 100);
    updateService(0, { replicas: 3 });
    vi.advanceTimersByTime(100);
    const link = first.location.hash;
    updateService(0, { vcpu: Number.NaN, name: 'Bad Name' });
    stop();

    const reloaded = fakeWindow(link, storage);
    const again = startUrlSync(reloaded, 100);
    const state = useAppStore.getState();
    expect(state.scenario.services[0]).toMatchObject({ name: 'Bad Name', replicas: 3 });
    expect(Number.isNaN(state.scenario.services[0]!.vcpu)).toBe(true);
    expect(state.draftNotice).toMatchObject({ kind: 'restored', fromLink: true });
    expect(state.draftNotice!.other.scenario.services[0]).toMatchObject({ name: 'api-service', vcpu: 0.5 });

    switchToOtherScenario();
    expect(useAppStore.getState().scenario.services[0]).toMatchObject({ name: 'api-service', replicas: 3 });
    expect(useAppStore.getState().draftNotice).toBeNull();
    undo();
    expect(useAppStore.getState().scenario.services[0]!.name).toBe('Bad Name');
    again();
  });

  it('opens a different link as it is and keeps the earlier draft on offer', () => {
    const storage = fakeStorage();
    const stop = startUrlSync(fakeWindow('', storage), 100);
    updateService(0, { replicas: 7 });
    stop();
    const other = `#${encodeShareState({ scenario: presetScenario('nightly-batch') })}`;
    const again = startUrlSync(fakeWindow(other, storage), 100);
    expect(useAppStore.getState().scenario.services[0]!.name).toBe('nightly-etl');
    expect(useAppStore.getState().draftNotice).toMatchObject({ kind: 'kept' });
    switchToOtherScenario();
    expect(useAppStore.getState().scenario.services[0]).toMatchObject({ name: 'api-service', replicas: 7 });
    again();
  });

  it('shows no notice when the draft is what the link holds', () => {
    const storage = fakeStorage();
    const win = fakeWindow('', storage);
    const stop = startUrlSync(win, 100);
    updateService(0, { hoursPerMonth: 200 });
    vi.advanceTimersByTime(100);
    stop();
    startUrlSync(fakeWindow(win.location.hash, storage), 100)();
    expect(useAppStore.getState().draftNotice).toBeNull();
    expect(useAppStore.getState().scenario.services[0]!.hoursPerMonth).toBe(200);
  });

  it('writes the link at once when the page is hidden, without waiting for the pause', () => {
    const win = fakeWindow('');
    const stop = startUrlSync(win, 400);
    updateService(0, { replicas: 6 });
    expect(win.history.replaceState).not.toHaveBeenCalled();
    win.fire('pagehide');
    expect(stateFromFragment(win.location.hash).scenario.services[0]!.replicas).toBe(6);
    updateService(0, { replicas: 8 });
    win.document.visibilityState = 'hidden';
    win.fire('visibilitychange');
    expect(stateFromFragment(win.location.hash).scenario.services[0]!.replicas).toBe(8);
    stop();
  });

  it('ignores a stored draft it cannot read, and a storage that throws', () => {
    const storage = fakeStorage();
    for (const junk of ['{', '[]', '{"scenario":{"services":[]}}', '{"scenario":{"services":"x"}}']) {
      storage.setItem(DRAFT_STORAGE_KEY, junk);
      expect(readDraft(storage)).toBeNull();
      expect(openingState('', storage).scenario.services[0]!.name).toBe('api-service');
    }
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readDraft(throwing)).toBeNull();
    expect(saveDraft(throwing, { ...useAppStore.getState(), fragment: '', savedAt: '' })).toBe(false);
  });

  it('fills the missing sections of an old invalid draft so every field exists', () => {
    const storage = fakeStorage();
    storage.setItem(
      DRAFT_STORAGE_KEY,
      JSON.stringify({ scenario: { region: 'us-east-1', services: [{ name: 'x', vcpu: { $number: 'NaN' } }] } }),
    );
    const draft = readDraft(storage)!;
    expect(Number.isNaN(draft.scenario.services[0]!.vcpu)).toBe(true);
    expect(draft.scenario.services[0]!.memoryGiB).toBe(1);
    expect(draft.scenario.ec2.instanceTypes).toEqual([]);
  });
});
