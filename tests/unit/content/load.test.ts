import { describe, expect, it } from 'vitest';
import { ContentErrors } from '../../../src/lib/content/errors.ts';
import { loadCourse, readLessonFiles, readPrograms } from '../../../src/lib/content/load.ts';

describe('readLessonFiles', () => {
	it('reads the .md files of a folder with project-relative paths, in name order', () => {
		const files = readLessonFiles(process.cwd(), 'tests/fixtures/content/lessons');
		expect(files.map((f) => f.path)).toEqual([
			'tests/fixtures/content/lessons/01-sample-lesson.md',
			'tests/fixtures/content/lessons/01-sample-lesson.zh.md',
			'tests/fixtures/content/lessons/02-second-lesson.md'
		]);
		expect(files[0].text.startsWith('---\n')).toBe(true);
	});

	it('finds no lessons in a folder that does not exist', () => {
		expect(readLessonFiles(process.cwd(), 'tests/fixtures/no-such-folder')).toEqual([]);
	});
});

describe('loadCourse', () => {
	it('returns the lessons, or throws every error at once', () => {
		expect(loadCourse(process.cwd(), 'tests/fixtures/content/lessons')).toHaveLength(3);
		expect(() => loadCourse(process.cwd(), 'tests/fixtures/content-broken/lessons')).toThrow(
			ContentErrors
		);
	});
});

describe('readPrograms', () => {
	it('reads the programs folder beside the lessons, which ::machine{src=…} names', () => {
		const folder = 'tests/fixtures/content-programs/lessons';
		const programs = readPrograms(process.cwd(), folder);
		expect(Object.keys(programs)).toEqual(['programs/count.s']);
		expect(readPrograms(process.cwd(), 'tests/fixtures/content/lessons')).toEqual({});
		const [lesson] = loadCourse(process.cwd(), folder);
		const machine = lesson.blocks.find((b) => b.kind === 'widget' && b.name === 'machine');
		expect(machine).toMatchObject({ props: { source: programs['programs/count.s'] } });
	});
});
