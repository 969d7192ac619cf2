import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultState, setAnswers, updateService, useAppStore } from './app-store.ts';
import { fragmentFor, shareUrlFor, startUrlSync, stateFromFragment, type UrlSyncTarget } from './url-sync.ts';
import { encodeShareState } from '../domain/share/share-codec.ts';
import { presetScenario } from '../domain/presets/presets.ts';

function fakeWindow(hash = '') {
  const listeners = new Set<() => void>();
  const target = {
    location: { hash, href: `http://127.0.0.1:4173/${hash}` },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        target.location.hash = url;
      }),
    },
    addEventListener: (_type: 'hashchange', l: () => void) => listeners.add(l),
    removeEventListener: (_type: 'hashchange', l: () => void) => listeners.delete(l),
    navigate(newHash: string) {
      target.location.hash = newHash;
      listeners.forEach((l) => l());
    },
  };
  return target satisfies UrlSyncTarget & { navigate: (h: string) => void };
}

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
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=1\./);
    expect(stateFromFragment(new URL(url!).hash).scenario).toEqual(useAppStore.getState().scenario);
  });
});
