import { describe, expect, it } from 'vitest';
import { sliderText, unitFor, unitProblem } from '../../../../src/lib/widgets/slider/display.ts';

describe('sliderText', () => {
	it('shows a number with its unit', () => {
		expect(sliderText({ display: 'number', unit: 'W' }, 1200)).toBe('1,200 W');
		expect(sliderText({ display: 'number' }, 0.12)).toBe('0.12');
	});

	it('shows a fraction as a percentage without binary noise', () => {
		expect(sliderText({ display: 'percent' }, 0.07)).toBe('7 %');
		expect(sliderText({ display: 'percent', unit: 'ignored' }, 0.155)).toBe('15.5 %');
	});

	it('gives a unit with two forms the one the number takes in English', () => {
		const pcpus = { display: 'number' as const, unit: 'pCPU|pCPUs' };
		expect(sliderText(pcpus, 1)).toBe('1 pCPU');
		expect(sliderText(pcpus, 2)).toBe('2 pCPUs');
		expect(sliderText(pcpus, 0)).toBe('0 pCPUs');
		expect(sliderText(pcpus, 1.5)).toBe('1.5 pCPUs');
		expect(sliderText(pcpus, 1200)).toBe('1,200 pCPUs');
		const rate = { display: 'number' as const, unit: 'request/s|requests/s' };
		expect(sliderText(rate, 1, 'en')).toBe('1 request/s');
		expect(sliderText(rate, 0.95, 'en')).toBe('0.95 requests/s');
	});

	it('chooses the form for the number as shown, not for digits it rounds away', () => {
		expect(sliderText({ display: 'number', unit: 'host|hosts' }, 1.000001)).toBe('1 host');
	});

	it('uses the plural form in Chinese, which has no singular, and one form as written', () => {
		expect(sliderText({ display: 'number', unit: 'pCPU|pCPUs' }, 1, 'zh')).toBe('1 pCPUs');
		expect(sliderText({ display: 'number', unit: '台' }, 1, 'zh')).toBe('1 台');
		expect(sliderText({ display: 'number', unit: 'servers' }, 1, 'en')).toBe('1 servers');
	});
});

describe('unitFor', () => {
	it('trims the forms', () => {
		expect(unitFor('en', ' VM | VMs ', '1')).toBe('VM');
		expect(unitFor('en', ' VM | VMs ', '3')).toBe('VMs');
	});
});

describe('unitProblem', () => {
	it('accepts one form or two', () => {
		expect(unitProblem('W')).toBeUndefined();
		expect(unitProblem('$/kWh')).toBeUndefined();
		expect(unitProblem('pCPU|pCPUs')).toBeUndefined();
	});

	it('names what is wrong with a malformed unit', () => {
		expect(unitProblem('pCPU|pCPUs|more')).toMatch(/^has 3 forms: write one form/);
		expect(unitProblem('pCPU|')).toMatch(/^has an empty form/);
		expect(unitProblem('|')).toMatch(/^has an empty form/);
		expect(unitProblem('{n, plural, one {pCPU} other {pCPUs}}')).toMatch(/^has braces/);
	});
});
