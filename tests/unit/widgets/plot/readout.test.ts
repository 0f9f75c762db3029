import { describe, expect, it } from 'vitest';
import { readoutText } from '../../../../src/lib/widgets/plot/readout.ts';

describe('readoutText', () => {
	it('names x and every line with its value and unit', () => {
		expect(
			readoutText('u', 0.3, '.0%', [
				{ label: 'Hosts', value: 20 },
				{ label: 'Power', value: 5.25, unit: 'kW' },
				{ label: 'Broken', value: null, unit: 'kW' }
			])
		).toBe('u = 30%: Hosts 20 · Power 5.25 kW · Broken —');
	});

	it('formats x like a cell value without a format', () => {
		expect(readoutText('N', 1200, undefined, [])).toBe('N = 1,200: ');
	});
});
