/**
 * Reads the lesson files from disk (Node only: the build, the dev server, unit tests). Pages reach
 * it through $lib/server/course.ts, so nothing of the Markdown pipeline ships to the browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCourse, type CourseResult } from './course.ts';
import { ContentErrors } from './errors.ts';
import type { LessonFile } from './lesson.ts';

/**
 * The folder of lesson files, relative to the project root. VIRTLAB_LESSONS points the build at
 * another folder (e.g. tests/fixtures/content/lessons) to try the pages on test lessons.
 */
export const lessonsFolder = process.env.VIRTLAB_LESSONS || 'content/lessons';

/** The `.s` files of `<folder>/programs`, by their path relative to the folder (`programs/x.s`). */
export function readPrograms(root: string, folder = lessonsFolder): Record<string, string> {
	const dir = join(root, folder, 'programs');
	if (!existsSync(dir)) return {};
	return Object.fromEntries(
		readdirSync(dir)
			.filter((name) => name.endsWith('.s'))
			.sort()
			.map((name) => [`programs/${name}`, readFileSync(join(dir, name), 'utf8')])
	);
}

/**
 * Every `.md` file in `<root>/<folder>`, with paths relative to `root` as authors see them, each
 * with the programs its `::machine{src=…}` may name.
 */
export function readLessonFiles(root: string, folder = lessonsFolder): LessonFile[] {
	const dir = join(root, folder);
	if (!existsSync(dir)) return [];
	const programs = readPrograms(root, folder);
	return readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => ({
			path: `${folder}/${name}`,
			text: readFileSync(join(dir, name), 'utf8'),
			programs
		}));
}

export function checkCourse(root: string, folder = lessonsFolder): CourseResult {
	return buildCourse(readLessonFiles(root, folder));
}

/** The course's lessons; throws ContentErrors listing every mistake in every file. */
export function loadCourse(root: string, folder = lessonsFolder): CourseResult['lessons'] {
	const { lessons, errors } = checkCourse(root, folder);
	if (errors.length > 0) throw new ContentErrors(errors);
	return lessons;
}
