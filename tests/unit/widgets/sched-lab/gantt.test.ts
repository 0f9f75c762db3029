import { describe, expect, it } from 'vitest';
import type { GanttSegment } from '../../../../src/lib/sim/sched/simulate.ts';
import {
	SPIN_MIN_WIDTH,
	ganttGeometry,
	labelFits,
	shareGeometry
} from '../../../../src/lib/widgets/sched-lab/gantt.ts';
import { seeded } from '../../../helpers/random.ts';

/** Back-to-back runs of random VMs on each pCPU, over 0..100 ms. */
function segments(pcpus: number, seed: number): GanttSegment[] {
	const random = seeded(seed);
	const out: GanttSegment[] = [];
	for (let pcpu = 0; pcpu < pcpus; pcpu++) {
		for (let t = 0; t < 100;) {
			const length = 1 + Math.floor(random() * 30);
			const vm = Math.floor(random() * 3);
			out.push({
				pcpu,
				vm,
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
	it('draws one rectangle per segment, on its pCPU’s row, in time order (seeded data)', () => {
		for (const pcpus of [1, 2, 5]) {
			const segs = segments(pcpus, 11 + pcpus);
			const g = ganttGeometry({ segments: segs, pcpus, fromMs: 0, toMs: 100, width: 360 });
			expect(g.rects).toHaveLength(segs.length);
			expect(g.rows).toHaveLength(pcpus);
			expect(g.rowTicks.map((t) => t.label)).toContain(`pCPU ${pcpus - 1}`);
			g.rects.forEach((r, i) => {
				const row = g.rows[segs[i].pcpu];
				expect(r.y).toBe(row.y);
				expect(r.x).toBeGreaterThanOrEqual(g.frame.left);
				expect(r.x + r.width).toBeLessThanOrEqual(g.frame.right + 0.01);
				expect(r.width).toBeCloseTo(
					Math.max(
						segs[i].spinning ? SPIN_MIN_WIDTH : 0.75,
						((segs[i].endMs - segs[i].startMs) / 100) * (g.frame.right - g.frame.left)
					),
					1
				);
			});
			// Rows do not overlap and all lie inside the frame.
			g.rows
				.slice(1)
				.forEach((row, p) => expect(g.rows[p].y + g.rows[p].height).toBeLessThanOrEqual(row.y));
			expect(g.rows[pcpus - 1].y + g.rows[pcpus - 1].height).toBeLessThanOrEqual(g.frame.bottom);
		}
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

	it('widens a short spin so that it shows, and names each vCPU where the name fits', () => {
		const g = ganttGeometry({
			segments: [
				{ pcpu: 0, vm: 2, vcpu: 1, startMs: 0, endMs: 60, spinning: false },
				{ pcpu: 0, vm: 2, vcpu: 1, startMs: 60, endMs: 60.2, spinning: true },
				{ pcpu: 0, vm: 0, vcpu: 0, startMs: 60.2, endMs: 61, spinning: false }
			],
			pcpus: 1,
			fromMs: 0,
			toMs: 120,
			width: 640,
			vmNames: ['web', 'batch', 'db']
		});
		expect(g.rects.map((r) => r.label)).toEqual(['db.1', null, null]);
		expect(g.rects[1].width).toBe(SPIN_MIN_WIDTH);
		expect(labelFits('batch.1', 30)).toBe(false);
		expect(labelFits('batch.1', 80)).toBe(true);
	});

	it('never draws a negative size, even in a frame that measures nothing', () => {
		for (const width of [0, 40, 100]) {
			const segs = segments(2, 3);
			const g = ganttGeometry({ segments: segs, pcpus: 2, fromMs: 0, toMs: 100, width });
			for (const r of [...g.rows, ...g.rects]) {
				expect(r.width).toBeGreaterThanOrEqual(0);
				expect(r.height).toBeGreaterThanOrEqual(0);
			}
			const shares = shareGeometry({
				vms: [{ name: 'web', cpus: 1, entitlement: 1 }],
				width,
				height: 150
			});
			for (const bar of shares.bars) expect(bar.used.width).toBeGreaterThanOrEqual(0);
		}
	});

	it('draws used and entitled CPUs on one scale, side by side, from the baseline', () => {
		const vms = [
			{ name: 'web', cpus: 0.15, entitlement: 0.4 },
			{ name: 'batch', cpus: 1.02, entitlement: 0.8 },
			{ name: 'db', cpus: 0.83, entitlement: 0.8 }
		];
		const g = shareGeometry({ vms, width: 360, height: 150 });
		expect(g.bars).toHaveLength(3);
		expect(g.xTicks.map((t) => t.label)).toEqual(['web', 'batch', 'db']);
		for (const bar of g.bars) {
			expect(bar.used.y + bar.used.height).toBeCloseTo(g.frame.bottom, 1);
			expect(bar.entitled.x).toBeCloseTo(bar.used.x + bar.used.width, 1);
			expect(bar.used.y).toBeGreaterThanOrEqual(g.frame.top - 0.01);
		}
		expect(g.bars[1].used.height).toBeGreaterThan(g.bars[1].entitled.height);
		expect(g.bars[0].used.height / g.bars[0].entitled.height).toBeCloseTo(0.15 / 0.4, 1);
	});
});
