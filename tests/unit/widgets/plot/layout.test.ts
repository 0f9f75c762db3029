import { describe, expect, it } from 'vitest';
import {
	linePath,
	lineStyle,
	makeScale,
	nearestIndex,
	plotGeometry,
	ticks,
	valueDomain
} from '../../../../src/lib/widgets/plot/layout.ts';
import { samples } from '../../../../src/lib/notebook/sweep.ts';

/** A small seeded generator (mulberry32) so snapshot data is the same on every run. */
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

const random = seeded(42);
const xs = samples(0.05, 0.95, 12);
const noisy = xs.map((x) => Math.round((40 * x) / 0.6 + random() * 3));
const power = xs.map((x) => 4 + 8 * x + random());

describe('plot geometry (snapshots with seeded data)', () => {
	it('draws a line and ticks on linear axes', () => {
		const g = plotGeometry({ xs, lines: [{ values: noisy, axis: 'y' }], width: 400, height: 240 });
		expect(g.paths[0]).toMatchSnapshot();
		expect(g.xTicks.map((t) => t.label)).toMatchSnapshot();
		expect(g.yTicks.map((t) => [t.label, Math.round(t.at)])).toMatchSnapshot();
	});

	it('puts second-axis lines on their own scale', () => {
		const g = plotGeometry({
			xs,
			lines: [
				{ values: noisy, axis: 'y' },
				{ values: power, axis: 'y2' }
			],
			width: 400,
			height: 240,
			xformat: '.0%'
		});
		expect(g.margin.right).toBeGreaterThan(
			plotGeometry({ xs, lines: [], width: 400, height: 240 }).margin.right
		);
		expect(g.y2?.domain()[0]).toBe(0);
		expect(g.y2?.domain()[1]).toBeGreaterThanOrEqual(Math.max(...power));
		expect(g.y.domain()[1]).toBeGreaterThanOrEqual(Math.max(...noisy));
		expect(g.paths).toMatchSnapshot();
		expect(g.xTicks.map((t) => t.label)).toMatchSnapshot();
	});

	it('draws a log axis with decade ticks', () => {
		const values = xs.map((x) => 10 ** (x * 4));
		const g = plotGeometry({
			xs,
			lines: [{ values, axis: 'y' }],
			width: 400,
			height: 240,
			logy: true
		});
		expect(g.y.domain()[0]).toBeLessThanOrEqual(values[0]);
		expect(g.yTicks.filter((t) => /^1(0*)$/.test(t.label)).map((t) => t.label)).toContain('100');
		expect(g.paths[0]).toMatchSnapshot();
	});
});

describe('linePath', () => {
	const x = makeScale([0, 3], [0, 300], false);
	const y = makeScale([0, 10], [100, 0], false);

	it('breaks the line at missing values instead of bridging them', () => {
		expect(linePath([0, 1, 2, 3], [0, 5, null, 10], x, y)).toBe('M0,100L100,50M300,0Z');
	});

	it('is empty when nothing can be drawn', () => {
		expect(linePath([0, 1], [null, null], x, y)).toBe('');
	});
});

describe('domains, ticks and the read-out', () => {
	it('starts a linear value axis at zero and ignores non-positive values on a log axis', () => {
		expect(valueDomain([{ values: [3, 7, null], axis: 'y' }], false)).toEqual([0, 7]);
		expect(valueDomain([{ values: [-2, 5], axis: 'y' }], false)).toEqual([-2, 5]);
		expect(valueDomain([{ values: [0, 10, 1000], axis: 'y' }], true)).toEqual([10, 1000]);
		expect(valueDomain([{ values: [null], axis: 'y' }], false)).toEqual([0, 1]);
	});

	it('spaces ticks by the room available', () => {
		const narrow = ticks(makeScale([0, 100], [0, 160], false), 80);
		const wide = ticks(makeScale([0, 100], [0, 800], false), 80);
		expect(narrow.length).toBeLessThan(wide.length);
		expect(ticks(makeScale([0, 1], [0, 400], false), 80, '.0%').map((t) => t.label)).toEqual([
			'0%',
			'20%',
			'40%',
			'60%',
			'80%',
			'100%'
		]);
	});

	it('finds the sample nearest the pointer', () => {
		const x = makeScale([0, 1], [0, 100], false);
		expect(nearestIndex([0, 0.25, 0.5, 0.75, 1], x, 60)).toBe(2);
		expect(nearestIndex([0, 0.25, 0.5, 0.75, 1], x, 99)).toBe(4);
	});

	it('gives each line a palette colour and a distinct dash', () => {
		expect(lineStyle(0)).toEqual({ color: 'var(--series-1)', dash: '' });
		expect(lineStyle(1).color).toBe('var(--series-2)');
		expect(lineStyle(1).dash).not.toBe(lineStyle(0).dash);
		expect(lineStyle(6).color).toBe('var(--series-1)');
	});
});
