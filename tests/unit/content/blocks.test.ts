import { describe, expect, it } from 'vitest';
import { lessonBlocks } from '../../../src/lib/content/blocks.ts';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { knownWidgets } from '../../../src/lib/content/widgetProps.ts';

const file = 'content/lessons/01-x.md';

function build(markdown: string, lang: 'en' | 'zh' = 'en') {
	return lessonBlocks(file, markdown, lang);
}

function errors(markdown: string): string[] {
	return build(markdown).errors.map(formatContentError);
}

describe('lessonBlocks', () => {
	it('splits a lesson into html, cell and widget blocks in order', () => {
		const { blocks, errors } = build(
			[
				'Intro.',
				'',
				'::slider{var=u min=0 max=1 step=0.01 default=0.5 label="Utilization"}',
				'',
				'```math',
				'P = 100 + 150 * u',
				'```',
				'',
				'Between.',
				'',
				'```math',
				'E = P * 8760',
				'```'
			].join('\n')
		);
		expect(errors).toEqual([]);
		expect(blocks.map((block) => block.kind)).toEqual(['html', 'widget', 'cell', 'html', 'cell']);
		expect(blocks[1]).toMatchObject({
			kind: 'widget',
			id: 'widget-1',
			name: 'slider',
			line: 3,
			props: { var: 'u', min: 0, max: 1, default: 0.5 }
		});
		expect(blocks[2]).toEqual({ kind: 'cell', id: 'cell-1', source: 'P = 100 + 150 * u', line: 5 });
		expect(blocks[4]).toMatchObject({ id: 'cell-2', line: 11 });
	});

	it('leaves other fenced code as code', () => {
		const { blocks } = build('```js\nlet a = 1;\n```');
		expect(blocks).toHaveLength(1);
		expect(blocks[0]).toMatchObject({ kind: 'html' });
		expect(blocks[0].kind === 'html' && blocks[0].html).toContain('language-js');
	});

	it('gives headings ids and lists depths 2 and 3 in the table of contents', () => {
		const { blocks, toc } = build(
			'## Hosts needed\n\n### By utilization\n\n#### Detail\n\n## Hosts needed'
		);
		expect(toc).toEqual([
			{ id: 'hosts-needed', text: 'Hosts needed', depth: 2 },
			{ id: 'by-utilization', text: 'By utilization', depth: 3 },
			{ id: 'hosts-needed-1', text: 'Hosts needed', depth: 2 }
		]);
		expect(blocks[0].kind === 'html' && blocks[0].html).toContain('<h4 id="detail">Detail</h4>');
	});

	it('turns :::reveal into a details block with a label', () => {
		const html = (markdown: string, lang: 'en' | 'zh' = 'en') => {
			const [block] = build(markdown, lang).blocks;
			return block.kind === 'html' ? block.html : '';
		};
		expect(html(':::reveal{label="Check"}\nThe *answer*.\n:::')).toBe(
			'<details class="reveal"><summary>Check</summary><p>The <em>answer</em>.</p></details>'
		);
		expect(html(':::reveal[Why $u$?]\nBecause.\n:::')).toMatch(
			/^<details class="reveal"><summary>Why <span class="katex">.*<\/summary><p>Because.<\/p><\/details>$/s
		);
		expect(html(':::reveal\nA.\n:::')).toContain('<summary>Show the answer</summary>');
		expect(html(':::reveal\nA.\n:::', 'zh')).toContain('<summary>显示答案</summary>');
	});

	it('reports widget mistakes at the directive or at the prop', () => {
		expect(errors('Text.\n\n::slidr{var=N}')).toEqual([
			`${file}:3:1: unknown widget 'slidr' (known: ${knownWidgets().join(', ')})`
		]);
		const [bad] = errors('::slider{var=N min=1 max=x default=1 label=L}');
		expect(bad).toMatch(/^content\/lessons\/01-x\.md:1:22: widget 'slider': prop 'max': /);
		expect(bad).toMatch(/\(allowed props: var, min, max, .*\)$/);
	});

	it('reports unknown containers and widgets or cells that are not at the top level', () => {
		expect(errors(':::hint\nx\n:::')).toEqual([
			`${file}:1:1: unknown block ':::hint' (known: reveal, predict, machine)`
		]);
		expect(errors('- item\n\n  ::slider{var=N}')).toEqual([
			`${file}:3:3: widget 'slider' must stand on its own at the top level of the lesson, not inside a list, quote or ':::reveal'`
		]);
		expect(errors(':::reveal\n```math\nx = 1\n```\n:::')[0]).toMatch(
			/^content\/lessons\/01-x\.md:2:1: a ```math cell must stand at the top level/
		);
		expect(errors(':::reveal{colour=red}\nx\n:::')).toEqual([
			`${file}:1:1: ':::reveal': unknown prop 'colour' (allowed props: label)`
		]);
	});

	it('asks for ## headings: the title comes from the front matter', () => {
		expect(errors('# Title')).toEqual([
			`${file}:1:1: heading 'Title': use ## and deeper in the lesson, the title comes from the front matter`
		]);
	});
});
