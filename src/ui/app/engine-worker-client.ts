/**
 * Runs engine tasks in the engine worker (engine-worker.ts), one worker for the page, sending
 * each region's prices once. Where no worker can start (tests in jsdom, a browser that refuses it)
 * the answer is null and the caller computes on the main thread.
 */
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import {
  snapshotKeyOf,
  type EngineRequest,
  type EngineResponse,
  type EngineResults,
  type EngineTask,
} from './engine-messages.ts';

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null | undefined;
const sentSnapshots = new Set<string>();
const pending = new Map<number, Pending>();
let nextId = 1;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (worker) {
    worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => {
      const waiting = pending.get(event.data.id);
      if (!waiting) return;
      pending.delete(event.data.id);
      if (event.data.ok) waiting.resolve(event.data.result as never);
      else waiting.reject(new Error(event.data.error));
    });
    // A worker that fails to load or crashes answers nothing: every caller falls back.
    worker.addEventListener('error', () => {
      for (const waiting of pending.values()) waiting.reject(new Error('the engine worker stopped'));
      pending.clear();
      worker = null;
      sentSnapshots.clear();
    });
  }
  return worker;
}

/** The task's result from the worker; null when there is no worker; rejects when the worker fails. */
export function runInEngineWorker<T extends EngineTask>(
  task: T,
  snapshot: RegionSnapshot,
): Promise<EngineResults[T['kind']]> | null {
  const w = getWorker();
  if (!w) return null;
  const key = snapshotKeyOf(snapshot);
  const request: EngineRequest = { ...task, id: nextId++, snapshotKey: key };
  if (!sentSnapshots.has(key)) {
    request.snapshot = snapshot;
    sentSnapshots.add(key);
  }
  return new Promise((resolve, reject) => {
    pending.set(request.id, { resolve: resolve as (result: never) => void, reject });
    w.postMessage(request);
  });
}
