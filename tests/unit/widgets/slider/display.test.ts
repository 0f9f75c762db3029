import { describe, expect, it } from 'vitest';
import { sliderText } from '../../../../src/lib/widgets/slider/display.ts';

describe('sliderText', () => {
	it('shows a number with its unit', () => {
		expect(sliderText({ display: 'number', unit: 'W' }, 1200)).toBe('1,200 W');
		expect(sliderText({ display: 'number' }, 0.12)).toBe('0.12');
	});

	it('shows a fraction as a percentage without binary noise', () => {
		expect(sliderText({ display: 'percent' }, 0.07)).toBe('7 %');
		expect(sliderText({ display: 'percent', unit: 'ignored' }, 0.155)).toBe('15.5 %');
	});
});
