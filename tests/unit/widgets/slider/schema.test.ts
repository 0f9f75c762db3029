import { describe, expect, it } from 'vitest';
import { validateWidgetProps } from '../../../../src/lib/content/widgetProps.ts';

const slider = { var: 'p', min: '1', max: '8', default: '2', label: 'Physical CPUs' };

describe('slider schema: unit', () => {
	it('takes one form, or the singular and the plural separated by |', () => {
		for (const unit of ['W', 'pCPU|pCPUs', 'request/s|requests/s']) {
			const result = validateWidgetProps('slider', { ...slider, unit });
			expect(result.ok && result.props.unit).toBe(unit);
		}
	});

	it('refuses a malformed unit, naming the prop so that the error points at it', () => {
		const result = validateWidgetProps('slider', { ...slider, unit: 'pCPU|pCPUs|x' });
		expect(!result.ok && result.problems).toEqual([
			{
				prop: 'unit',
				message: expect.stringMatching(
					/^widget 'slider': prop 'unit': has 3 forms: write one form \("W"\) or the singular and the plural separated by \| \("pCPU\|pCPUs"\) \(allowed props: /
				)
			}
		]);
		const empty = validateWidgetProps('slider', { ...slider, unit: 'pCPU|' });
		expect(!empty.ok && empty.problems[0].message).toMatch(/prop 'unit': has an empty form/);
	});
});
