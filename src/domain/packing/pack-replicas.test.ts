import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demandOf, lowerBoundNodes, packReplicas, type ReplicaGroup } from './pack-replicas.ts';
import type { NodeCapacity } from '../capacity/node-capacity.ts';

const NODE: NodeCapacity = { cpuMillis: 2000, memoryMiB: 8000, slots: 10, gpu: 0 };
const item = (key: string, cpuMillis: number, memoryMiB: number, count: number, gpu = 0): ReplicaGroup => ({
  key,
  cpuMillis,
  memoryMiB,
  gpu,
  count,
});

describe('packReplicas', () => {
  it('fills nodes with identical replicas', () => {
    const result = packReplicas([item('api', 500, 1024, 9)], NODE);
    expect(result).toMatchObject({ ok: true, nodes: 3 });
  });

  it('puts smaller replicas into the room larger ones leave (first-fit decreasing)', () => {
    const result = packReplicas([item('small', 250, 512, 4), item('big', 1500, 2048, 2)], NODE);
    expect(result.ok && result.nodes).toBe(2);
  });

  it('counts slots: 10 tiny replicas per node', () => {
    const result = packReplicas([item('tiny', 1, 1, 25)], NODE);
    expect(result.ok && result.nodes).toBe(3);
  });

  it('reports a replica that fits no empty node', () => {
    expect(packReplicas([item('huge', 4000, 1024, 1)], NODE)).toEqual({ ok: false, unplaceable: 'huge' });
    expect(packReplicas([item('gpu', 100, 100, 1, 1)], NODE)).toEqual({ ok: false, unplaceable: 'gpu' });
  });

  it('packs 10,000 replicas without one node per replica in memory', () => {
    const result = packReplicas([item('a', 300, 700, 10_000), item('b', 700, 300, 10_000)], NODE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.groups.length).toBeLessThan(10);
  });

  it('gives up past maxNodes', () => {
    expect(packReplicas([item('api', 500, 1024, 9)], NODE, 2)).toEqual({ ok: false, overLimit: true });
  });
});

const capacityArb = fc.record({
  cpuMillis: fc.integer({ min: 500, max: 64_000 }),
  memoryMiB: fc.integer({ min: 500, max: 256_000 }),
  slots: fc.integer({ min: 1, max: 250 }),
  gpu: fc.integer({ min: 0, max: 8 }),
});
const itemsArb = fc
  .array(
    fc.record({
      cpuMillis: fc.integer({ min: 1, max: 64_000 }),
      memoryMiB: fc.integer({ min: 1, max: 256_000 }),
      gpu: fc.integer({ min: 0, max: 2 }),
      count: fc.integer({ min: 0, max: 300 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((items) => items.map((it, i) => ({ ...it, key: `s${i}` })));

describe('packing properties', () => {
  it('never overfills a node and places every replica', () => {
    fc.assert(
      fc.property(capacityArb, itemsArb, (capacity, items) => {
        const result = packReplicas(items, capacity);
        if (!result.ok) {
          if (!('unplaceable' in result)) return false;
          const it = items.find((i) => i.key === result.unplaceable)!;
          // Only a replica too large for an empty node may be refused.
          return it.cpuMillis > capacity.cpuMillis || it.memoryMiB > capacity.memoryMiB || it.gpu > capacity.gpu;
        }
        const placed = new Map<string, number>();
        for (const group of result.groups) {
          const used = { cpu: 0, memory: 0, slots: 0, gpu: 0 };
          for (const [key, n] of Object.entries(group.perNode)) {
            const it = items.find((i) => i.key === key)!;
            used.cpu += it.cpuMillis * n;
            used.memory += it.memoryMiB * n;
            used.slots += n;
            used.gpu += it.gpu * n;
            placed.set(key, (placed.get(key) ?? 0) + n * group.nodes);
          }
          expect(used.cpu).toBeLessThanOrEqual(capacity.cpuMillis);
          expect(used.memory).toBeLessThanOrEqual(capacity.memoryMiB);
          expect(used.slots).toBeLessThanOrEqual(capacity.slots);
          expect(used.gpu).toBeLessThanOrEqual(capacity.gpu);
        }
        for (const it of items) expect(placed.get(it.key) ?? 0).toBe(it.count);
        expect(result.nodes).toBe(result.groups.reduce((s, g) => s + g.nodes, 0));
        expect(result.nodes).toBeGreaterThanOrEqual(lowerBoundNodes(demandOf(items), capacity));
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and ignores input order', () => {
    fc.assert(
      fc.property(capacityArb, itemsArb, (capacity, items) => {
        const a = packReplicas(items, capacity);
        const b = packReplicas([...items].reverse(), capacity);
        expect(a).toEqual(packReplicas(items, capacity));
        expect(a.ok && a.nodes).toEqual(b.ok && b.nodes);
      }),
      { numRuns: 100 },
    );
  });
});
