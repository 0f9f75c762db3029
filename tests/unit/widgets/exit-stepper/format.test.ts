import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatPercent,
	formatRatio
} from '../../../../src/lib/widgets/exit-stepper/format.ts';

describe('format', () => {
	it('writes counts whole, with digit grouping', () => {
		expect(formatCount('en', 35_275)).toBe('35,275');
		expect(formatCount('en', 1249.6)).toBe('1,250');
		expect(formatCount('zh', 35_275)).toBe('35,275');
	});

	it('writes shares as percentages with two decimals, as perf kvm stat does', () => {
		expect(formatPercent('en', 0.70943)).toBe('70.94 %');
		expect(formatPercent('en', 1)).toBe('100.00 %');
		expect(formatPercent('en', 0)).toBe('0.00 %');
	});

	it('writes ratios with at most two decimals', () => {
		expect(formatRatio('en', 3.14159)).toBe('3.14');
		expect(formatRatio('en', 1)).toBe('1');
	});
});
