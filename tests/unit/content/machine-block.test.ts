import { describe, expect, it } from 'vitest';
import { lessonBlocks } from '../../../src/lib/content/blocks.ts';
import { formatContentError } from '../../../src/lib/content/errors.ts';

const file = 'content/lessons/01-x.md';

function build(markdown: string, programs: Record<string, string> = {}) {
	const result = lessonBlocks(file, markdown, 'en', undefined, programs);
	return { blocks: result.blocks, errors: result.errors.map(formatContentError) };
}

describe(':::machine and ::machine', () => {
	it('takes the program from the container’s asm block, with the other props checked', () => {
		const { blocks, errors } = build(
			[
				'Before.',
				'',
				':::machine{views="console; registers" breakpoints="2; 3" readonly}',
				'```asm',
				'_start: li a0, 1',
				'        j _start',
				'```',
				':::',
				'',
				'After.'
			].join('\n')
		);
		expect(errors).toEqual([]);
		expect(blocks.map((b) => b.kind)).toEqual(['html', 'widget', 'html']);
		expect(blocks[1]).toMatchObject({
			kind: 'widget',
			name: 'machine',
			line: 3,
			props: {
				source: '_start: li a0, 1\n        j _start',
				views: ['console', 'registers'],
				breakpoints: [2, 3],
				readonly: true,
				budget: 10_000_000
			}
		});
	});

	it('takes an example by name', () => {
		const { blocks, errors } = build('::machine{example=loops}');
		expect(errors).toEqual([]);
		expect(blocks[0]).toMatchObject({
			name: 'machine',
			props: { example: 'loops', views: ['console', 'registers', 'disassembly'] }
		});
	});

	it('says where a machine without a program, or with two, is written', () => {
		expect(build('Text.\n\n::machine{views=registers}').errors).toEqual([
			expect.stringMatching(/^content\/lessons\/01-x\.md:3:1: .*needs one program: example=NAME/)
		]);
		const both = build(':::machine{example=hello}\n```asm\nnop\n```\n:::').errors;
		expect(both).toEqual([expect.stringContaining('01-x.md:1:1')]);
		expect(both[0]).toContain('needs one program');
	});

	it('points at a wrong prop, a wrong view and a bad breakpoint', () => {
		expect(build('::machine{example=nosuch}').errors[0]).toMatch(
			/01-x\.md:1:11: .*example must be one of hello, loops/
		);
		expect(build('::machine{example=hello views="console; screen"}').errors[0]).toMatch(
			/01-x\.md:1:25: .*each view must be one of console, registers/
		);
		expect(build('::machine{example=hello breakpoints="x"}').errors[0]).toMatch(
			/01-x\.md:1:25: .*breakpoint is a line number/
		);
	});

	it('wants exactly one asm block inside the container, and no source= prop', () => {
		const prose = build(':::machine\nSome text.\n\n```asm\nnop\n```\n:::').errors;
		expect(prose).toEqual([
			expect.stringMatching(/01-x\.md:2:1: ':::machine' holds one code block/)
		]);
		const wrongFence = build(':::machine\n```python\nprint(1)\n```\n:::').errors;
		expect(wrongFence[0]).toMatch(/01-x\.md:2:1: ':::machine' holds one code block tagged asm/);
		const empty = build(':::machine\n:::').errors;
		expect(empty[0]).toMatch(/01-x\.md:1:1: ':::machine' holds one code block/);
		const source = build(':::machine{source="nop"}\n```asm\nnop\n```\n:::').errors;
		expect(source[0]).toMatch(/01-x\.md:1:12: 'machine': write the program in a ```asm code block/);
	});

	it('reads a program from the lessons’ programs folder, and names the files there when it is not one', () => {
		const programs = { 'programs/count.s': '_start: j _start\n' };
		const { blocks, errors } = build('::machine{src="programs/count.s" readonly}', programs);
		expect(errors).toEqual([]);
		expect(blocks[0]).toMatchObject({
			name: 'machine',
			props: { source: '_start: j _start\n', readonly: true }
		});
		expect(build('::machine{src="programs/nosuch.s"}', programs).errors[0]).toMatch(
			/01-x\.md:1:11: 'machine': no program 'programs\/nosuch\.s' .*there are: programs\/count\.s/
		);
		expect(
			build(':::machine{src="programs/count.s"}\n```asm\nnop\n```\n:::', programs).errors[0]
		).toMatch(/01-x\.md:1:12: ':::machine' holds its program: leave out src=/);
	});
});
