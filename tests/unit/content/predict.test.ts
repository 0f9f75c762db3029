/**
 * `:::predict{…}` hides an experiment until the student has predicted: the build turns it into a
 * predict block holding the experiment's blocks, checks its props with file:line:col errors, and
 * refuses a cell outside it that already shows its answer.
 */
import { describe, expect, it } from 'vitest';
import { lessonBlocks } from '../../../src/lib/content/blocks.ts';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { parseLesson } from '../../../src/lib/content/lesson.ts';

const file = 'content/lessons/01-x.md';

function build(markdown: string) {
	const result = lessonBlocks(file, markdown, 'en');
	return { blocks: result.blocks, errors: result.errors.map(formatContentError) };
}

const front = [
	'---',
	'title: T',
	'summary: S',
	'objectives: [O]',
	'minutes: 1',
	'order: 1',
	'---',
	''
].join('\n');

describe(':::predict', () => {
	it('holds the blocks of its experiment, numbered with the rest of the lesson', () => {
		const { blocks, errors } = build(
			[
				'::slider{var=u min=0 max=1 default=0.5 label=U}',
				'',
				':::predict{expr="hosts" label="How many hosts?" unit="hosts" tolerance=0}',
				'First the hosts.',
				'',
				'```math',
				'hosts = ceil(10 * u)',
				'```',
				':::',
				'',
				'```math',
				'after = hosts + 1',
				'```'
			].join('\n')
		);
		expect(errors).toEqual([]);
		expect(blocks.map((b) => b.kind)).toEqual(['widget', 'predict', 'cell']);
		const predict = blocks[1];
		expect(predict).toMatchObject({
			kind: 'predict',
			id: 'widget-2',
			line: 3,
			props: { expr: 'hosts', label: 'How many hosts?', tolerance: 0, atol: 0 }
		});
		expect(predict.kind === 'predict' && predict.blocks.map((b) => b.kind)).toEqual([
			'html',
			'cell'
		]);
		expect(blocks[2]).toMatchObject({ id: 'cell-2' });
	});

	it('reports a leaf ::predict, an empty container and a bad prop at their positions', () => {
		expect(build('Text.\n\n::predict{expr=a label=A}').errors).toEqual([
			`${file}:3:1: '::predict' is a container now: write ':::predict{…}', then the experiment it hides until the student has predicted, then ':::' (docs/writing-lessons.md)`
		]);
		expect(build(':::predict{expr=a label=A}\n:::').errors).toEqual([
			`${file}:1:1: ':::predict' is empty: put the experiment it hides (cells, widgets, text) between ':::predict{…}' and ':::'`
		]);
		const [bad] = build(':::predict{expr=a label=A tolerance=2}\nText.\n:::').errors;
		expect(bad).toMatch(/^content\/lessons\/01-x\.md:1:27: ':::predict': prop 'tolerance': /);
	});

	it('may hold a :::reveal, but may not sit inside one', () => {
		expect(build(':::predict{expr=a label=A}\n::::reveal\nWhy.\n::::\n:::').errors).toEqual([]);
		expect(build('::::reveal\n:::predict{expr=a label=A}\nx\n:::\n::::').errors).toEqual([
			`${file}:2:1: ':::predict' cannot be nested inside another block`
		]);
	});

	it('fails the build when a cell outside the prediction already shows its answer', () => {
		const text = [
			front,
			'```math',
			'hosts = 14',
			'```',
			'',
			':::predict{expr="hosts" label="How many?" tolerance=0}',
			'```math',
			'more = hosts + 1',
			'```',
			':::'
		].join('\n');
		const { errors } = parseLesson({ path: file, text }, { number: 1, slug: 'x', lang: 'en' });
		expect(errors.map(formatContentError)).toEqual([
			`${file}:9:1: this cell shows 'hosts', the answer to the prediction at line 13, before the student has predicted: move the cell inside that ':::predict'`
		]);
	});
});
