import { describe, expect, it } from 'vitest';
import { ecsNodeCapacity, ecsTaskSlots } from './ecs-node-capacity.ts';
import { US_EAST_1, offerOf } from '../testing/load-snapshot.ts';

const offer = (type: string) => offerOf(US_EAST_1, type);
const awsvpc = (eniTrunking: boolean) => ({ networkMode: 'awsvpc' as const, eniTrunking, daemons: [] });

// Hand-worked from docs/capacity-rules.md 4.1-4.3 and section 8 (ECS): registered CPU = vCPU x 1024
// units (vCPU x 1000 millicores here); registered memory = MemTotal - ECS_RESERVED_MEMORY (256);
// awsvpc slots = the ECS guide's table (without trunking: ENIs on all cards - 1).
describe('ECS registered capacity (hand-worked from docs/capacity-rules.md)', () => {
  it.each([
    // type, CPU millicores (= units / 1024 x 1000), memory MiB, slots without / with trunking
    ['m5.large', 2000, 7633 - 256, 2, 10],
    ['c6g.large', 2000, 3816 - 256, 2, 10],
    // p4d.24xlarge is not measured: 1179648 - 256 - 4.5% (53084.16) = 1126307, then - 256.
    // 4 network cards x 15 ENIs = 60, so 59 tasks without trunking.
    ['p4d.24xlarge', 96000, 1126307 - 256, 59, 120],
  ])('%s: %im CPU, %i MiB, %i / %i awsvpc tasks', (type, cpu, memory, untrunked, trunked) => {
    const plain = ecsNodeCapacity(offer(type), awsvpc(false))!;
    expect(plain.capacity.cpuMillis).toBe(cpu);
    expect(plain.capacity.memoryMiB).toBe(memory);
    expect(plain.capacity.slots).toBe(untrunked);
    expect(ecsNodeCapacity(offer(type), awsvpc(true))!.capacity.slots).toBe(trunked);
  });

  it('takes branch interfaces, marked derived, for a type the ECS guide does not list', () => {
    // c7a.medium is newer than the guide's 2023 table; VPC limits give it 4 branch interfaces.
    const slots = ecsTaskSlots(offer('c7a.medium'), 'awsvpc', true)!;
    expect(slots.count).toBe(4);
    expect(slots.rule).toMatch(/does not list/);
    // Without trunking: 2 ENIs on its one card - 1.
    expect(ecsTaskSlots(offer('c7a.medium'), 'awsvpc', false)!.count).toBe(1);
  });

  it('has no ENI limit in bridge mode: one dynamic host port per task', () => {
    const bridge = ecsNodeCapacity(offer('m5.large'), { networkMode: 'bridge', eniTrunking: false, daemons: [] })!;
    expect(bridge.capacity.slots).toBe(65535 - 49153 + 1);
    expect(bridge.capacity.memoryMiB).toBe(7377);
  });

  it('subtracts daemons from every instance', () => {
    const model = ecsNodeCapacity(offer('m5.large'), {
      networkMode: 'awsvpc',
      eniTrunking: true,
      daemons: [{ name: 'metrics', vcpu: 0.25, memoryGiB: 0.5 }],
    })!;
    expect(model.capacity).toEqual({ cpuMillis: 1750, memoryMiB: 7377 - 512, slots: 9, gpu: 0 });
  });

  it('the branch-interface count, used where the guide is silent, is never above the guide for a listed type', () => {
    const listed = US_EAST_1.ec2.instances.filter(
      (o) => o.ecsGuideTasks?.withTrunking != null && o.branchEnis !== null,
    );
    expect(listed.length).toBeGreaterThan(300);
    expect(listed.filter((o) => o.branchEnis! > o.ecsGuideTasks!.withTrunking!).map((o) => o.type)).toEqual([]);
  });

  it("the guide's untrunked figure is ENIs on all network cards - 1, except the 6th-generation *in / *idn 32xlarge and metal rows", () => {
    const differ = US_EAST_1.ec2.instances
      .filter(
        (o) => o.ecsGuideTasks && o.enisAllCards !== null && o.ecsGuideTasks.withoutTrunking !== o.enisAllCards - 1,
      )
      .map((o) => o.type);
    for (const type of differ) expect(type).toMatch(/(in|idn)\.(32xlarge|metal)$/);
  });
});
