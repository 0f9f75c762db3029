import { seriesOf } from '../../../../src/lib/emulator/vmm/exit-series.ts';
import { describe, expect, it } from 'vitest';
import type { ExitReason } from '../../../../src/lib/emulator/vmm/exit-reasons.ts';
import {
	markPaths,
	timelineHeight,
	timelineLayout
} from '../../../../src/lib/widgets/exit-stepper/timeline-layout.ts';
import { reasonPalette } from '../../../../src/lib/widgets/exit-stepper/timeline.ts';
import { record } from './fixtures.ts';

const reasons: ExitReason[] = ['csrAccess', 'sret', 'guestTrap'];
const trap = Array.from({ length: 3000 }, (_, i) =>
	record(i + 1, { reason: reasons[i % 3], guestInstructions: 10 * (i + 1) })
);
const hw = Array.from({ length: 100 }, (_, i) =>
	record(i + 1, { mode: 'hw', reason: 'guestTrap', guestInstructions: 300 * (i + 1) })
);
const palette = reasonPalette(reasons);

describe('timelineLayout', () => {
	const layout = timelineLayout(
		400,
		[
			{ mode: 'trap', records: seriesOf(trap), current: trap[1499] },
			{ mode: 'hw', records: seriesOf(hw) }
		],
		[0, 30_000],
		palette
	);

	it('draws at most one mark per reason per pixel column, all inside the plotting area', () => {
		expect(layout.marks.length).toBeLessThanOrEqual(layout.frame.innerWidth * 3 + 100);
		expect(layout.marks.length).toBeLessThan(trap.length);
		for (const m of layout.marks) {
			expect(m.x).toBeGreaterThanOrEqual(layout.frame.left);
			expect(m.x).toBeLessThanOrEqual(layout.frame.right);
			expect(m.y).toBeGreaterThanOrEqual(layout.frame.top);
			expect(m.y).toBeLessThanOrEqual(layout.brush.top);
		}
		// Every exit is stood for by some mark.
		const counted = layout.marks.reduce((s, m) => s + m.count, 0);
		expect(counted).toBe(trap.length + hw.length);
	});

	it('puts each reason in its own lane of its mode’s row', () => {
		const [trapRow, hwRow] = layout.rows;
		expect(hwRow.top).toBeGreaterThanOrEqual(trapRow.top + trapRow.height);
		for (const m of layout.marks) {
			const lanes = new Set(layout.marks.filter((o) => o.reason === m.reason).map((o) => o.y));
			expect(lanes.size).toBeLessThanOrEqual(2); // one lane per row
		}
	});

	it('marks the current exit where it is, and not when it is out of view', () => {
		expect(layout.rows[0].current).toBeCloseTo(layout.x(trap[1499].guestInstructions));
		expect(layout.rows[1].current).toBeUndefined();
		const zoomedAway = timelineLayout(
			400,
			[{ mode: 'trap', records: seriesOf(trap), current: trap[0] }],
			[20_000, 30_000],
			palette
		);
		expect(zoomedAway.rows[0].current).toBeUndefined();
	});

	it('never has negative sizes, even squeezed to nothing', () => {
		for (const width of [0, 50, 100]) {
			const l = timelineLayout(
				width,
				[{ mode: 'trap', records: seriesOf(trap) }],
				[0, 30_000],
				palette
			);
			expect(l.frame.innerWidth).toBeGreaterThanOrEqual(0);
			expect(l.brush.height).toBeGreaterThanOrEqual(0);
		}
	});

	it('grows with the modes and the reasons', () => {
		expect(timelineHeight(2, palette)).toBeGreaterThan(timelineHeight(1, palette));
		expect(timelineHeight(1, palette)).toBeGreaterThan(timelineHeight(1, reasonPalette(['sbi'])));
	});
});

describe('markPaths', () => {
	it('draws one path per reason, with one closed shape per mark', () => {
		const layout = timelineLayout(
			400,
			[{ mode: 'trap', records: seriesOf(trap) }],
			[0, 30_000],
			palette
		);
		const paths = markPaths(layout.marks, 2.5);
		expect(paths.map((p) => p.style.reason)).toEqual(['csrAccess', 'sret', 'guestTrap']);
		for (const p of paths) {
			const marks = layout.marks.filter((m) => m.reason === p.style.reason);
			expect(p.d.match(/M/g)?.length).toBe(marks.length);
			expect(p.d.match(/z/g)?.length).toBe(marks.length);
		}
	});
});
