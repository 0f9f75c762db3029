import { describe, expect, it } from 'vitest';
import { lessonBlocks } from '../../../src/lib/content/blocks.ts';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { allBlocks, type WidgetBlock } from '../../../src/lib/content/types.ts';
import { sliderDefinitions } from '../../../src/lib/notebook/sliders.ts';

const file = 'content/lessons/01-x.md';
const declaration =
	'::slider{var=idleShare min=0 max=1 step=0.05 default=0.5 label="Idle share" display=percent}';

function build(lines: string[]) {
	const { blocks, errors } = lessonBlocks(file, lines.join('\n'), 'en');
	const sliders = allBlocks(blocks).filter(
		(block): block is WidgetBlock => block.kind === 'widget' && block.name === 'slider'
	);
	return { blocks, sliders, errors: errors.map(formatContentError) };
}

describe('a slider shown again', () => {
	it('takes the props of its declaration, inside an experiment too, with an id of its own', () => {
		const { blocks, sliders, errors } = build([
			declaration,
			'',
			':::predict{expr="x" label="x?"}',
			'',
			'::slider{var=idleShare}',
			'',
			':::'
		]);
		expect(errors).toEqual([]);
		expect(sliders).toHaveLength(2);
		expect(sliders[1].props).toEqual(sliders[0].props);
		expect(sliders[1].props).toMatchObject({
			label: 'Idle share',
			default: 0.5,
			display: 'percent'
		});
		expect(sliders[1].id).not.toBe(sliders[0].id);
		// One variable, set once before the cells run.
		expect(sliderDefinitions(blocks).map((slider) => slider.var)).toEqual(['idleShare']);
	});

	it('may come before its declaration', () => {
		const { sliders, errors } = build(['::slider{var=idleShare}', '', declaration]);
		expect(errors).toEqual([]);
		expect(sliders[0].props).toEqual(sliders[1].props);
	});

	it('is an error, with its line, when the lesson declares no such slider', () => {
		const { errors } = build([declaration, '', 'Text.', '', '::slider{var=idle}']);
		expect(errors).toEqual([
			`${file}:5:1: ::slider{var=idle} shows a slider again, but the lesson declares no slider 'idle': declare it once with min, max, default and label`
		]);
	});

	it('names a variable: anything else is an error at the prop', () => {
		const { errors } = build(['Text.', '', '::slider{var=2x}']);
		expect(errors).toEqual([
			`${file}:3:10: widget 'slider': prop 'var': must be a variable name (letters, digits, _)`
		]);
	});

	it('is the only way to show a slider twice: a second declaration is an error', () => {
		const { errors } = build([declaration, '', declaration.replace('default=0.5', 'default=0.2')]);
		expect(errors).toEqual([
			`${file}:3:1: slider 'idleShare' is declared twice (first at line 1): to show it again, write ::slider{var=idleShare}`
		]);
	});

	it('with any prop besides var is a declaration, checked as one', () => {
		const { errors } = build([declaration, '', '::slider{var=idleShare label="Again"}']);
		expect(errors.join('\n')).toContain("widget 'slider': prop 'min' is missing");
	});
});
