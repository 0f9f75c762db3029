import { describe, expect, it } from 'vitest';
import { widgetSchemas } from '../../../src/lib/widgets/schemas.ts';

const { slider, plot, predict } = widgetSchemas;

function problems(result: { success: boolean; error?: { issues: { message: string }[] } }) {
	return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe('slider props', () => {
	it('coerces string attributes', () => {
		expect(
			slider.parse({ var: 'N', min: '1', max: '200', step: '1', default: '40', label: 'Servers' })
		).toEqual({
			var: 'N',
			min: 1,
			max: 200,
			step: 1,
			default: 40,
			label: 'Servers',
			display: 'number'
		});
	});

	it('rejects unknown props, bad names, inverted ranges and defaults outside them', () => {
		const base = { var: 'N', min: '1', max: '10', default: '5', label: 'N' };
		expect(slider.safeParse({ ...base, colour: 'red' }).success).toBe(false);
		expect(problems(slider.safeParse({ ...base, var: '2x' }))).toEqual([
			'must be a variable name (letters, digits, _)'
		]);
		expect(problems(slider.safeParse({ ...base, min: '10', max: '1' }))).toContain(
			'max must be greater than min'
		);
		expect(problems(slider.safeParse({ ...base, default: '50' }))).toEqual([
			'default must lie between min (1) and max (10)'
		]);
	});
});

describe('plot props', () => {
	const base = { x: 'u', from: '0.05', to: '0.95' };

	it('splits semicolon lists and reads bare flags as true', () => {
		const props = plot.parse({
			...base,
			y: 'hosts; power / 1000',
			labels: 'Hosts; Power',
			logy: ''
		});
		expect(props.y).toEqual(['hosts', 'power / 1000']);
		expect(props.labels).toEqual(['Hosts', 'Power']);
		expect(props.logy).toBe(true);
		expect(props.logx).toBe(false);
		expect(props.points).toBe(101);
		expect(props.curve).toBe('linear');
	});

	it('draws steps when asked, and names the allowed curves otherwise', () => {
		expect(plot.parse({ ...base, y: 'hosts', curve: 'step' }).curve).toBe('step');
		expect(problems(plot.safeParse({ ...base, y: 'hosts', curve: 'stairs' }))).toEqual([
			'curve must be one of linear, step'
		]);
	});

	it('checks expression syntax, label counts, formats and log ranges at build time', () => {
		expect(problems(plot.safeParse({ ...base, y: 'hosts +* 2' }))[0]).toMatch(
			/^is not a mathjs expression: Value expected/
		);
		expect(problems(plot.safeParse({ ...base, y: 'a; b', labels: 'A' }))).toEqual([
			'has 1 labels for 2 y expressions'
		]);
		expect(problems(plot.safeParse({ ...base, y: 'a', xformat: 'nonsense%%' }))).toHaveLength(1);
		expect(problems(plot.safeParse({ ...base, from: '0', y: 'a', logx: 'true' }))).toEqual([
			'logx needs from > 0'
		]);
		expect(problems(plot.safeParse({ ...base, y: ' ; ' }))).toEqual([
			'needs at least one expression'
		]);
	});
});

describe('predict props', () => {
	it('parses the given variables and defaults the tolerance', () => {
		expect(predict.parse({ expr: 'hosts', label: 'How many?', given: 'N=40; u=0.15' })).toEqual({
			expr: 'hosts',
			label: 'How many?',
			given: { N: 40, u: 0.15 },
			tolerance: 0.05,
			atol: 0
		});
	});

	it('rejects given values that are not name=number', () => {
		expect(problems(predict.safeParse({ expr: 'a', label: 'q', given: 'N=forty' }))).toEqual([
			'"N=forty" is not of the form name=number'
		]);
	});
});
