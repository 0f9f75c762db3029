import { describe, expect, it } from 'vitest';
import { bands, continuous } from '../../../src/lib/chart/scales.ts';
import { bandTicks, labelRoom, ticks } from '../../../src/lib/chart/ticks.ts';

describe('ticks', () => {
	it('labels ticks with a d3-format specifier and keeps them on the axis', () => {
		const x = continuous([0, 1], [50, 550]);
		const t = ticks(x, 'x', '.0%');
		expect(t[0].label).toBe('0%');
		expect(t[t.length - 1].label).toBe('100%');
		for (const tick of t) {
			expect(tick.at).toBeGreaterThanOrEqual(50);
			expect(tick.at).toBeLessThanOrEqual(550);
		}
	});

	it('writes zero as 0 on an SI-prefixed axis, not 0M', () => {
		const y = continuous([0, 20e6], [300, 0]);
		const labels = ticks(y, 'y', '~s').map((t) => t.label);
		expect(labels[0]).toBe('0');
		expect(labels.slice(1).every((label) => /^\d+M$/.test(label))).toBe(true);
	});

	it('puts more ticks on a longer axis, and never fewer than three', () => {
		const short = ticks(continuous([0, 100], [100, 10]), 'y');
		const long = ticks(continuous([0, 100], [500, 10]), 'y');
		expect(long.length).toBeGreaterThan(short.length);
		expect(short.length).toBeGreaterThanOrEqual(3);
	});

	it('draws decades on a log axis', () => {
		const values = ticks(continuous([1, 100], [300, 10], { log: true }), 'y', '~g').map(
			(t) => t.value
		);
		expect(values).toContain(1);
		expect(values).toContain(10);
		expect(values).toContain(100);
	});

	it('writes a log axis in plain decimals, not SI prefixes (0.1, not 100m)', () => {
		const labels = ticks(continuous([0.01, 1000], [300, 10], { log: true }), 'y')
			.map((t) => t.label)
			.filter((label) => label !== '');
		expect(labels).toEqual(expect.arrayContaining(['0.01', '0.1', '1', '10', '100', '1,000']));
		for (const label of labels) expect(label).not.toMatch(/[mkµ]/);
	});

	it('keeps horizontal labels apart on a narrow axis, and every tick on a wide one', () => {
		// A phone's exit timeline: 866,623 guest instructions over 210 px, written in full.
		const narrow = ticks(continuous([0, 866_623], [40, 250], { nice: false }), 'x', ',d');
		expect(narrow[0].label).toBe('0');
		expect(narrow.length).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < narrow.length; i++)
			expect(narrow[i].at - narrow[i - 1].at).toBeGreaterThanOrEqual(
				(labelRoom(narrow[i].label) + labelRoom(narrow[i - 1].label)) / 2
			);
		// d3 alone gives 0, 200,000, 400,000, 600,000 and 800,000 there: 52 px apart.
		expect(narrow.map((t) => t.label)).toEqual(['0', '400,000', '800,000']);
		// On a wide axis short labels keep every tick d3 picks.
		const wideScale = continuous([0, 100], [40, 1000], { nice: false });
		expect(ticks(wideScale, 'x').map((t) => t.value)).toEqual(wideScale.ticks(13));
	});

	it('puts one tick in the middle of each band', () => {
		const x = bands(3, [0, 300], { inner: 0, outer: 0 });
		expect(bandTicks(x, (i) => `host ${i + 1}`)).toEqual([
			{ value: 0, at: 50, label: 'host 1' },
			{ value: 1, at: 150, label: 'host 2' },
			{ value: 2, at: 250, label: 'host 3' }
		]);
	});
});
