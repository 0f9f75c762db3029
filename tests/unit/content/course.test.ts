import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../../src/lib/content/course.ts';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { readLessonFiles } from '../../../src/lib/content/load.ts';
import type { LessonFile } from '../../../src/lib/content/lesson.ts';

const fixtures = readLessonFiles(process.cwd(), 'tests/fixtures/content/lessons');

function lesson(path: string, front: Record<string, string>, body = '## Section\n'): LessonFile {
	const fields = {
		title: 'T',
		summary: 'S',
		objectives: '[do a thing]',
		minutes: '10',
		order: '1',
		...front
	};
	const yaml = Object.entries(fields)
		.map(([key, value]) => `${key}: ${value}`)
		.join('\n');
	return { path: `content/lessons/${path}`, text: `---\n${yaml}\n---\n\n${body}` };
}

function errors(files: LessonFile[]): string[] {
	return buildCourse(files).errors.map(formatContentError);
}

describe('buildCourse on the test lessons', () => {
	const { lessons, errors } = buildCourse(fixtures);

	it('builds every lesson in every language without errors', () => {
		expect(errors).toEqual([]);
		expect(lessons.map((l) => `${l.slug}/${l.lang}`)).toEqual([
			'sample-lesson/en',
			'sample-lesson/zh',
			'second-lesson/en'
		]);
	});

	it('records which languages each lesson exists in', () => {
		expect(lessons.map((l) => l.languages)).toEqual([['en', 'zh'], ['en', 'zh'], ['en']]);
	});

	it('gives a translation the same section ids as its original', () => {
		const [en, zh] = lessons;
		expect(zh.toc.map((e) => e.id)).toEqual(en.toc.map((e) => e.id));
		expect(zh.toc[0].text).toBe('资源利用率');
	});

	it('prerenders formulas and keeps text with colons literal', () => {
		const html = lessons[0].blocks.flatMap((b) => (b.kind === 'html' ? [b.html] : [])).join('');
		expect(html).toContain('class="katex"');
		expect(html).toContain('a0:zero, mstatus:MIE or a time like 10:30');
	});
});

describe('buildCourse checks lessons against each other', () => {
	it('sorts by order', () => {
		const { lessons } = buildCourse([
			lesson('01-b.md', { order: '2' }),
			lesson('02-a.md', { order: '1' })
		]);
		expect(lessons.map((l) => l.slug)).toEqual(['a', 'b']);
	});

	it('reports bad file names, repeated orders and unknown prerequisites', () => {
		expect(
			errors([
				lesson('intro.md', {}),
				lesson('01-a.md', { prerequisites: '[a, nope]' }),
				lesson('02-b.md', {})
			])
		).toEqual([
			'content/lessons/intro.md:1:1: a lesson file is named NN-slug.md (e.g. 01-why-virtualize.md), its Chinese translation NN-slug.zh.md',
			'content/lessons/02-b.md:6:8: order 1 is also used by content/lessons/01-a.md',
			"content/lessons/01-a.md:7:20: prerequisite 'nope' is not a lesson (known: a, b)"
		]);
	});

	it('reports two files with one slug', () => {
		expect(errors([lesson('01-a.md', {}), lesson('02-a.md', { order: '2' })])).toEqual([
			"content/lessons/02-a.md:1:1: slug 'a' is also used by content/lessons/01-a.md"
		]);
	});

	it('reports a translation without an original, or out of step with it', () => {
		expect(errors([lesson('01-a.zh.md', {})])).toEqual([
			"content/lessons/01-a.zh.md:1:1: a translation of 'a', which has no English original (content/lessons/01-a.md)"
		]);
		expect(errors([lesson('01-a.md', {}), lesson('01-a.zh.md', { order: '3' })])).toEqual([
			"content/lessons/01-a.zh.md:6:8: order 3 differs from the original's (1)"
		]);
		const b = lesson('02-b.md', { order: '2' });
		expect(
			errors([lesson('01-a.md', {}), b, lesson('02-b.zh.md', { order: '2', prerequisites: '[a]' })])
		).toEqual(["content/lessons/02-b.zh.md:7:16: prerequisites [a] differ from the original's []"]);
	});

	it('collects the errors of every file', () => {
		const all = errors([
			lesson('01-a.md', {}, '::nope\n'),
			lesson('02-b.md', { order: '2' }, '::slider{var=x min=0 default=0 label=L}\n')
		]);
		expect(all).toHaveLength(2);
		expect(all[0]).toMatch(/^content\/lessons\/01-a\.md:9:1: unknown widget 'nope'/);
		expect(all[1]).toMatch(
			/^content\/lessons\/02-b\.md:9:1: widget 'slider': prop 'max' is missing/
		);
	});
});
