import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../../src/lib/content/course.ts';
import type { LessonFile } from '../../../src/lib/content/lesson.ts';
import { loadCourse, readLessonFiles } from '../../../src/lib/content/load.ts';
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

/** A lesson file beside the fixtures, with one section, as a translation's headings must match. */
function lessonFile(name: string, title: string, order: number, prerequisites = '[]'): LessonFile {
	const front = `title: ${title}\nsummary: S\nobjectives: [do a thing]\nprerequisites: ${prerequisites}\nminutes: 5\norder: ${order}`;
	return {
		path: `tests/fixtures/content/lessons/${name}`,
		text: `---\n${front}\n---\n\n## Section\n\nText.\n`
	};
}

function courseOf(files: LessonFile[]) {
	const { lessons, errors } = buildCourse(files);
	expect(errors).toEqual([]);
	return lessons;
}

/** Each Chinese lesson's pager links as `slug/lang`, previous then next. */
function chinesePagers(course: ReturnType<typeof courseOf>): string[][] {
	return course
		.filter((lesson) => lesson.lang === 'zh')
		.map((lesson) => {
			const { previous, next } = neighbours(course, lesson.slug, 'zh');
			return [lesson.slug, ...[previous, next].map((n) => (n ? `${n.slug}/${n.lang}` : '-'))];
		});
}

// The pager and the prerequisites tag a link 英文版 when the lesson it leads to is not in the page's
// language (LessonPager.svelte, LessonIntro.svelte). Which version a link leads to is decided here:
// a Chinese page links to a neighbour's Chinese version, or to its English original when it has
// none. The e2e test can only see the tag while some real lesson is untranslated; these cases keep
// it tested whatever content/lessons holds.
describe('links from a Chinese lesson to its neighbours', () => {
	const fixtures = readLessonFiles(process.cwd(), 'tests/fixtures/content/lessons');
	const third = [
		lessonFile('03-third-lesson.md', 'A third lesson', 3),
		lessonFile('03-third-lesson.zh.md', '第三课', 3)
	];

	it('lead to the English original, to be tagged, when the next lesson has no Chinese version', () => {
		const course = courseOf(fixtures);
		const { next } = neighbours(course, 'sample-lesson', 'zh');
		expect(next && [next.slug, next.lang, next.title, lessonPath(next)]).toEqual([
			'second-lesson',
			'en',
			'A second lesson',
			'/lessons/second-lesson/'
		]);
	});

	it('lead to the English original when the previous lesson has no Chinese version', () => {
		expect(chinesePagers(courseOf([...fixtures, ...third]))).toEqual([
			['sample-lesson', '-', 'second-lesson/en'],
			['third-lesson', 'second-lesson/en', '-']
		]);
	});

	it('stay in Chinese, with nothing to tag, once every lesson is translated', () => {
		const second = lessonFile('02-second-lesson.zh.md', '第二课', 2, '[sample-lesson]');
		const course = courseOf([...fixtures, second, ...third]);
		expect(chinesePagers(course)).toEqual([
			['sample-lesson', '-', 'second-lesson/zh'],
			['second-lesson', 'sample-lesson/zh', 'third-lesson/zh'],
			['third-lesson', 'second-lesson/zh', '-']
		]);
		expect(lessonsFor(course, 'zh').every((lesson) => lesson.lang === 'zh')).toBe(true);
	});
});
