import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lib/content/load.ts';
import {
	findLesson,
	lessonEntries,
	lessonPath,
	lessonsFor,
	neighbours
} from '../../../src/lib/content/queries.ts';

// sample-lesson exists in English and Chinese, second-lesson only in English.
const lessons = loadCourse(process.cwd(), 'tests/fixtures/content/lessons');

describe('course queries', () => {
	it('find a lesson only in a language it exists in', () => {
		expect(findLesson(lessons, 'sample-lesson', 'zh')?.title).toBe('示例课程');
		expect(findLesson(lessons, 'second-lesson', 'zh')).toBeUndefined();
		expect(findLesson(lessons, 'nope', 'en')).toBeUndefined();
	});

	it('read the course in a language, falling back to English where there is no translation', () => {
		expect(lessonsFor(lessons, 'en').map((l) => `${l.slug}/${l.lang}`)).toEqual([
			'sample-lesson/en',
			'second-lesson/en'
		]);
		expect(lessonsFor(lessons, 'zh').map((l) => `${l.slug}/${l.lang}`)).toEqual([
			'sample-lesson/zh',
			'second-lesson/en'
		]);
	});

	it('give each lesson page its path and neighbours', () => {
		expect(lessonsFor(lessons, 'zh').map(lessonPath)).toEqual([
			'/zh/lessons/sample-lesson/',
			'/lessons/second-lesson/'
		]);
		const { previous, next, number } = neighbours(lessons, 'sample-lesson', 'zh');
		expect([previous, next?.slug, next?.lang, number]).toEqual([
			undefined,
			'second-lesson',
			'en',
			1
		]);
		expect(neighbours(lessons, 'second-lesson', 'en').previous?.slug).toBe('sample-lesson');
	});

	it('list every page to prerender', () => {
		expect(lessonEntries(lessons)).toEqual([
			{ slug: 'sample-lesson' },
			{ lang: 'zh', slug: 'sample-lesson' },
			{ slug: 'second-lesson' }
		]);
	});
});
