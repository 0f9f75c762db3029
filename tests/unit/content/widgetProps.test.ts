import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	allowedProps,
	knownWidgets,
	validateWidgetProps
} from '../../../src/lib/content/widgetProps.ts';
import { widgetSchemas } from '../../../src/lib/widgets/schemas.ts';

const slider = { var: 'N', min: '1', max: '200', default: '40', label: 'Servers' };

describe('validateWidgetProps', () => {
	it('knows every widget of the registry', () => {
		expect(knownWidgets()).toEqual(Object.keys(widgetSchemas));
		expect(knownWidgets()).toContain('slider');
	});

	it('coerces valid string attributes through the widget schema', () => {
		const result = validateWidgetProps('slider', slider);
		expect(result.ok && result.props).toMatchObject({ var: 'N', min: 1, max: 200, default: 40 });
	});

	it('names the known widgets for an unknown one', () => {
		const result = validateWidgetProps('slidr', {});
		expect(!result.ok && result.problems[0].message).toBe(
			`unknown widget 'slidr' (known: ${knownWidgets().join(', ')})`
		);
	});

	it('names the prop and lists the allowed props', () => {
		const allowed = allowedProps(widgetSchemas.slider).join(', ');
		const { max: _max, ...withoutMax } = slider;
		const missing = validateWidgetProps('slider', withoutMax);
		expect(!missing.ok && missing.problems).toEqual([
			{ message: `widget 'slider': prop 'max' is missing (allowed props: ${allowed})` }
		]);
		const unknown = validateWidgetProps('slider', { ...slider, colour: 'red' });
		expect(!unknown.ok && unknown.problems).toEqual([
			{
				prop: 'colour',
				message: `widget 'slider': unknown prop 'colour' (allowed props: ${allowed})`
			}
		]);
		const bad = validateWidgetProps('slider', { ...slider, max: 'lots' });
		expect(!bad.ok && bad.problems[0].prop).toBe('max');
		expect(!bad.ok && bad.problems[0].message).toMatch(
			/^widget 'slider': prop 'max': .+ \(allowed props: var, min, max/
		);
	});
});

describe('allowedProps', () => {
	it('looks through pipes and optional wrappers', () => {
		const object = z.object({ a: z.string(), b: z.number() });
		expect(allowedProps(object)).toEqual(['a', 'b']);
		expect(allowedProps(object.optional())).toEqual(['a', 'b']);
		expect(allowedProps(object.transform((v) => v).pipe(z.any()))).toEqual(['a', 'b']);
		expect(allowedProps(z.string())).toEqual([]);
	});
});
