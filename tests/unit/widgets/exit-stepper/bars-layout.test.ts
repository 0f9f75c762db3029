import { describe, expect, it } from 'vitest';
import { costPreset } from '../../../../src/lib/emulator/vmm/cost.ts';
import { barsLayout } from '../../../../src/lib/widgets/exit-stepper/bars-layout.ts';
import { modeBars, tally } from '../../../../src/lib/widgets/exit-stepper/tally.ts';
import { realRun } from './fixtures.ts';

describe('barsLayout', () => {
	const runs = (['trap', 'hw'] as const).map((mode) => {
		const run = realRun('syscall', mode);
		return { mode, records: run.exits.records, guestInstructions: run.guestInstructions };
	});
	const layoutUnder = (preset: string, width = 500) => {
		const { bars, max } = modeBars(runs.map((r) => tally(r, costPreset(preset)!)));
		return barsLayout(width, bars, max, (m) => m);
	};

	it('draws each mode’s segments end to end, inside the frame, on one scale', () => {
		const layout = layoutUnder('core2');
		for (const mode of ['trap', 'hw']) {
			const rects = layout.segments.filter((s) => s.mode === mode).map((s) => s.rect);
			expect(rects.length).toBeGreaterThan(1);
			// Each starts where the one before ends (a hairline segment is drawn 0.75 px wide at least).
			for (let i = 1; i < rects.length; i++)
				expect(Math.abs(rects[i].x - (rects[i - 1].x + rects[i - 1].width))).toBeLessThanOrEqual(1);
			for (const r of rects) {
				expect(r.x).toBeGreaterThanOrEqual(layout.frame.left - 0.5);
				expect(r.x + r.width).toBeLessThanOrEqual(layout.frame.right + 1);
			}
		}
		expect(layout.rowTicks.map((t) => t.label)).toEqual(['trap', 'hw']);
	});

	it('changes with the cost model: the P4’s VM exits make hw’s bar longer', () => {
		const width = (preset: string) =>
			layoutUnder(preset)
				.segments.filter((s) => s.mode === 'hw' && s.part !== 'guest')
				.reduce((sum, s) => sum + s.rect.width, 0);
		expect(width('p4')).not.toBe(width('kvm'));
	});

	it('keeps sizes non-negative at any width', () => {
		for (const w of [0, 100]) {
			for (const s of layoutUnder('core2', w).segments) {
				expect(s.rect.width).toBeGreaterThanOrEqual(0);
				expect(s.rect.height).toBeGreaterThanOrEqual(0);
			}
		}
	});
});
