import { describe, expect, it } from 'vitest';
import { GanttRecorder, MAX_SEGMENTS } from '../../../../src/lib/sim/sched/gantt.ts';
import { SchedWorld } from '../../../../src/lib/sim/sched/world.ts';

const world = () =>
	new SchedWorld(
		2,
		[
			{ name: 'a', weight: 256, cap: 0, vcpus: [0, 1] },
			{ name: 'b', weight: 256, cap: 0, vcpus: [2] }
		],
		50
	);

describe('Gantt trace', () => {
	it('merges back-to-back stretches of one vCPU, and cuts where it starts spinning or stops', () => {
		const g = new GanttRecorder(world(), 0, 10_000);
		g.record(0, 1, false, 0, 1000);
		g.record(0, 1, false, 1000, 2500);
		g.record(0, 1, true, 2500, 3000);
		g.record(0, -1, false, 3000, 4000);
		g.record(1, 2, false, 500, 4000);
		const t = g.finish(10_000);
		expect(t.segments).toEqual([
			{ pcpu: 0, vm: 0, vcpu: 1, startMs: 0, endMs: 2.5, spinning: false },
			{ pcpu: 1, vm: 1, vcpu: 0, startMs: 0.5, endMs: 4, spinning: false },
			{ pcpu: 0, vm: 0, vcpu: 1, startMs: 2.5, endMs: 3, spinning: true }
		]);
		expect(t.truncated).toBe(false);
	});

	it('clips to its window, which ends with the run', () => {
		const g = new GanttRecorder(world(), 1000, 3000);
		g.record(0, 0, false, 0, 5000);
		const t = g.finish(2000);
		expect(t.toMs).toBe(2);
		expect(t.segments.map((s) => [s.startMs, s.endMs])).toEqual([[1, 3]]);
	});

	it('keeps at most MAX_SEGMENTS segments and says so', () => {
		const g = new GanttRecorder(world(), 0, Infinity);
		for (let i = 0; i <= MAX_SEGMENTS; i++) g.record(0, i % 2, false, i, i + 1);
		const t = g.finish(Infinity);
		expect(t.segments).toHaveLength(MAX_SEGMENTS);
		expect(t.truncated).toBe(true);
	});
});
