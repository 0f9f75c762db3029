import { describe, expect, it } from 'vitest';
import type { GanttSegment } from '../../../../src/lib/sim/sched/simulate.ts';
import { ganttGeometry, shareGeometry } from '../../../../src/lib/widgets/sched-lab/gantt.ts';

/** mulberry32, so the snapshot data are the same on every run. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function segments(): GanttSegment[] {
	const random = seeded(11);
	const out: GanttSegment[] = [];
	for (let pcpu = 0; pcpu < 2; pcpu++) {
		let t = 0;
		while (t < 100) {
			const length = 1 + Math.floor(random() * 30);
			out.push({
				pcpu,
				vm: Math.floor(random() * 3),
				vcpu: 0,
				startMs: t,
				endMs: Math.min(100, t + length),
				spinning: random() < 0.2
			});
			t += length;
		}
	}
	return out;
}

describe('scheduler lab geometry', () => {
	it('lays segments on one row per pCPU, proportional to time (snapshot)', () => {
		const g = ganttGeometry({ segments: segments(), pcpus: 2, fromMs: 0, toMs: 100, width: 360 });
		expect(g.rows).toHaveLength(2);
		expect(g.rects.map((r) => [r.x, r.y, r.width, r.vm, r.spinning])).toMatchSnapshot();
		const first = g.rects[0];
		expect(first.x).toBe(g.left);
		// Rows do not overlap.
		expect(g.rows[0].y + g.rows[0].height).toBeLessThanOrEqual(g.rows[1].y);
	});

	it('keeps very short runs visible', () => {
		const g = ganttGeometry({
			segments: [{ pcpu: 0, vm: 0, vcpu: 0, startMs: 10, endMs: 10.05, spinning: false }],
			pcpus: 1,
			fromMs: 0,
			toMs: 120,
			width: 360
		});
		expect(g.rects[0].width).toBeGreaterThan(0.5);
	});

	it('draws used and entitled CPUs on one scale (snapshot)', () => {
		const g = shareGeometry({
			vms: [
				{ name: 'web', cpus: 0.15, entitlement: 0.4 },
				{ name: 'batch', cpus: 1.02, entitlement: 0.8 },
				{ name: 'db', cpus: 0.83, entitlement: 0.8 }
			],
			width: 360,
			height: 150
		});
		expect(g.bars).toMatchSnapshot();
		expect(g.bars[1].used.height).toBeGreaterThan(g.bars[1].entitled.height);
		expect(g.bars[0].used.height / g.bars[0].entitled.height).toBeCloseTo(0.15 / 0.4, 1);
	});
});
