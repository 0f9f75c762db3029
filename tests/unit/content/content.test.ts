/**
 * The real lessons under content/: every directive, formula and front matter is valid, so a broken
 * lesson fails `npm test` as well as `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { checkCourse } from '../../../src/lib/content/load.ts';

describe('content/lessons', () => {
	const { lessons, errors } = checkCourse(process.cwd(), 'content/lessons');

	it('has no errors', () => {
		expect(errors.map(formatContentError)).toEqual([]);
	});

	it('has at least one lesson, each with a table of contents and typeset formulas', () => {
		expect(lessons.length).toBeGreaterThan(0);
		for (const lesson of lessons) {
			expect(lesson.toc.length, lesson.slug).toBeGreaterThan(0);
			const html = lesson.blocks.flatMap((b) => (b.kind === 'html' ? [b.html] : [])).join('');
			expect(html, `${lesson.slug} (${lesson.lang})`).toContain('class="katex"');
		}
	});

	it('has every translation lined up with an English original', () => {
		for (const lesson of lessons.filter((l) => l.lang !== 'en')) {
			const original = lessons.find((l) => l.slug === lesson.slug && l.lang === 'en');
			expect(
				original?.toc.map((e) => e.id),
				lesson.slug
			).toEqual(lesson.toc.map((e) => e.id));
		}
	});
});
