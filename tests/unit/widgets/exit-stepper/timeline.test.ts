/**
 * The timeline's data: a reason keeps one style across modes, no two reasons share colour, shape
 * and pattern, and zooming, panning and brushing are plain arithmetic on a domain.
 */
import { describe, expect, it } from 'vitest';
import { seriesColor } from '../../../../src/lib/chart/palette.ts';
import { EXIT_REASONS, type ExitReason } from '../../../../src/lib/emulator/vmm/exit-reasons.ts';
import { seriesOf } from '../../../../src/lib/emulator/vmm/exit-series.ts';
import type { ExitRecord } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import {
	pinch,
	MIN_SPAN,
	fullDomain,
	nearest,
	pan,
	reasonPalette,
	reveal,
	thin,
	visible,
	zoom,
	type Domain
} from '../../../../src/lib/widgets/exit-stepper/timeline.ts';
import { realRun, record } from './fixtures.ts';

const reasonsOf = (...runs: ExitRecord[][]) => new Set(runs.flat().map((r) => r.reason));

const ALL = Object.keys(EXIT_REASONS) as ExitReason[];

describe('reasonPalette', () => {
	it('gives every one of the twelve reasons a distinct style from the series palette', () => {
		const p = reasonPalette(ALL);
		expect(p.size).toBe(ALL.length);
		const keys = new Set([...p.values()].map((s) => `${s.color}/${s.shape}`));
		expect(keys.size).toBe(ALL.length);
		for (const s of p.values()) {
			expect(s.color).toBe(seriesColor(s.index));
			expect(s.color).toMatch(/^var\(--series-[1-6]\)$/);
		}
	});

	it('orders the reasons present canonically, whatever order they come in', () => {
		const p = reasonPalette(['timer', 'sbi', 'mmio', 'timer']);
		expect([...p.keys()]).toEqual(['sbi', 'mmio', 'timer']);
		expect(p.get('sbi')).toMatchObject({ index: 0, shape: 'circle', pattern: 'solid' });
	});

	it('keeps a reason’s colour across two modes when given their union', () => {
		const a = realRun('syscall', 'trap').exits.records;
		const b = realRun('syscall', 'hw').exits.records;
		const p = reasonPalette(reasonsOf(a, b));
		expect(p.has('csrAccess')).toBe(true);
		expect(p.has('guestPageFault')).toBe(true);
	});
});

const rs = Array.from({ length: 100 }, (_, i) =>
	record(i + 1, { guestInstructions: i * 10, reason: i % 3 === 0 ? 'timer' : 'sbi' })
);
const series = seriesOf(rs);

describe('domains', () => {
	const extent: Domain = [0, 1000];

	it('spans the run and shows the records inside a domain', () => {
		expect(fullDomain(series)).toEqual([0, 990]);
		expect(fullDomain(series, 2000)).toEqual([0, 2000]);
		expect(fullDomain(seriesOf([]))).toEqual([0, 1]);
		// Progress 100, 110, 120 and 130.
		expect(visible(series, [95, 130])).toEqual({ start: 10, end: 14 });
	});

	it('zooms about an anchor that stays put, within the extent and a minimum span', () => {
		expect(zoom([0, 1000], 2, 500, extent)).toEqual([250, 750]);
		expect(zoom([0, 1000], 2, 0, extent)).toEqual([0, 500]);
		expect(zoom([250, 750], 0.5, 500, extent)).toEqual([0, 1000]);
		expect(zoom([0, 1000], 0.1, 500, extent)).toEqual([0, 1000]);
		const tight = zoom([0, 1000], 1e6, 300, extent);
		expect(tight[1] - tight[0]).toBe(MIN_SPAN);
		expect(zoom([0, 100], Number.NaN, 50, extent)).toEqual([0, 100]);
	});

	it('pans keeping the span, stopping at the ends', () => {
		expect(pan([100, 200], 50, extent)).toEqual([150, 250]);
		expect(pan([100, 200], -500, extent)).toEqual([0, 100]);
		expect(pan([100, 200], 5000, extent)).toEqual([900, 1000]);
	});

	it('reveals an exit outside the domain and leaves one inside alone', () => {
		expect(reveal([100, 200], rs[15], extent)).toEqual([100, 200]);
		expect(reveal([100, 200], rs[50], extent)).toEqual([450, 550]);
	});
});

describe('thin', () => {
	it('keeps one mark per reason per pixel and counts what each stands for', () => {
		const marks = thin(series, [0, 990], 10);
		expect(marks.reduce((s, m) => s + m.count, 0)).toBe(rs.length);
		expect(marks.length).toBeLessThanOrEqual(2 * 10);
		// Each mark is the first exit of its reason in its column.
		expect(marks[0]).toEqual({ seq: 1, progress: 0, reason: 'timer', count: 4 });
		expect(marks[1]).toEqual({ seq: 2, progress: 10, reason: 'sbi', count: 6 });
		const wide = thin(series, [0, 990], 10_000);
		expect(wide.map((m) => m.seq)).toEqual(rs.map((r) => r.seq));
	});

	it('draws a real trap run in a few marks per pixel', () => {
		const a = realRun('syscall', 'trap').exits.records;
		const d = fullDomain(seriesOf(a));
		const marks = thin(seriesOf(a), d, 360);
		expect(marks.reduce((s, m) => s + m.count, 0)).toBe(a.length);
		expect(marks.length).toBeLessThan(360 * reasonsOf(a).size);
		expect(marks.length).toBeLessThan(a.length / 5);
	});
});

describe('nearest', () => {
	const records = seriesOf([10, 20, 40].map((g, i) => record(i + 1, { guestInstructions: g })));
	it('finds the exit nearest a click, the earlier on a tie', () => {
		expect(nearest(records, 0)).toBe(1);
		expect(nearest(records, 14)).toBe(1);
		expect(nearest(records, 15)).toBe(1);
		expect(nearest(records, 16)).toBe(2);
		expect(nearest(records, 31)).toBe(3);
		expect(nearest(records, 1000)).toBe(3);
		expect(nearest(seriesOf([]), 5)).toBeUndefined();
	});
});

describe('pinch', () => {
	const extent: [number, number] = [0, 10_000];

	it('keeps the values first under the two fingers under them', () => {
		// Fingers touched at values 2,000 and 4,000; now they are at 100 px and 300 px of a 500 px area.
		const d = pinch([2000, 4000], [100, 300], 500, extent)!;
		const x = (v: number) => ((v - d[0]) / (d[1] - d[0])) * 500;
		expect(x(2000)).toBeCloseTo(100);
		expect(x(4000)).toBeCloseTo(300);
	});

	it('zooms in when the fingers spread and out when they close, inside the extent', () => {
		const spread = pinch([2000, 4000], [0, 400], 500, extent)!;
		const closed = pinch([2000, 4000], [200, 260], 500, extent)!;
		expect(spread[1] - spread[0]).toBeLessThan(closed[1] - closed[0]);
		expect(closed[0]).toBeGreaterThanOrEqual(0);
		expect(closed[1]).toBeLessThanOrEqual(10_000);
	});

	it('ignores fingers that cross or touch the same spot', () => {
		expect(pinch([2000, 4000], [300, 100], 500, extent)).toBeUndefined();
		expect(pinch([2000, 4000], [200, 200], 500, extent)).toBeUndefined();
	});
});
