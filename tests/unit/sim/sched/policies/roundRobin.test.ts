import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../../src/lib/sim/result.ts';
import { runSched } from '../../../../../src/lib/sim/sched/simulate.ts';

describe('round robin', () => {
	it('rotates CPU-bound vCPUs in FIFO order, one slice each', () => {
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 120,
				policy: { name: 'rr', sliceMs: 10 },
				vms: [{}, {}, {}]
			})
		);
		const order = r.gantt.segments.map((s) => [s.vm, s.startMs, s.endMs]);
		expect(order.slice(0, 5)).toEqual([
			[0, 0, 10],
			[1, 10, 20],
			[2, 20, 30],
			[0, 30, 40],
			[1, 40, 50]
		]);
	});
});
