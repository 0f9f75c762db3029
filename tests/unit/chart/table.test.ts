import { describe, expect, it } from 'vitest';
import { seriesTable } from '../../../src/lib/chart/table.ts';

describe('data tables', () => {
	it('writes one row per sample and one column per series, a dash where there is no value', () => {
		const table = seriesTable({
			caption: 'W against rho',
			xLabel: 'ρ',
			xs: [0, 0.5, 1],
			formatX: (x) => `${x * 100} %`,
			series: [
				{ label: 'M/M/1', values: [1, 2, null] },
				{ label: 'M/D/1', values: [1, 1.5, Infinity] }
			],
			format: (v) => v.toFixed(1)
		});
		expect(table.columns).toEqual(['ρ', 'M/M/1', 'M/D/1']);
		expect(table.rows.map((r) => r.cells)).toEqual([
			['0 %', '1.0', '1.0'],
			['50 %', '2.0', '1.5'],
			['100 %', '—', '—']
		]);
		expect(new Set(table.rows.map((r) => r.key)).size).toBe(3);
	});
});
