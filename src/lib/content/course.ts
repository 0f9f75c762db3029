/**
 * All lesson files to the course: every lesson in every language, in course order, and every error
 * found in any file. Besides each file's own checks, lessons are checked against each other:
 * unique slugs and order, prerequisites that exist, translations that match their original.
 */
import { errorAt, type ContentError } from './errors.ts';
import {
	fileNameError,
	parseLesson,
	parseLessonName,
	type LessonFile,
	type LessonName,
	type ParsedLesson
} from './lesson.ts';
import type { Lang, Lesson } from './types.ts';

export interface CourseResult {
	/** Lessons in all languages, sorted by `order`, originals before their translations. */
	lessons: Lesson[];
	errors: ContentError[];
}

interface NamedFile {
	file: LessonFile;
	name: LessonName;
}

interface Parsed {
	file: LessonFile;
	parsed: ParsedLesson;
}

const start = { line: 1, column: 1 };

export function buildCourse(files: LessonFile[]): CourseResult {
	const errors: ContentError[] = [];
	const named = files.flatMap((file): NamedFile[] => {
		const name = parseLessonName(file.path);
		if (!name) errors.push(fileNameError(file.path));
		return name ? [{ file, name }] : [];
	});
	const originals = parseOriginals(
		named.filter((n) => n.name.lang === 'en'),
		errors
	);
	checkPrerequisites(originals, errors);
	const translations = parseTranslations(
		named.filter((n) => n.name.lang !== 'en'),
		originals,
		errors
	);

	const lessons = [...originals.values()].flatMap(({ parsed }) => parsed.lesson ?? []);
	for (const lesson of lessons) {
		const versions = translations.filter((t) => t.slug === lesson.slug);
		const languages: Lang[] = ['en', ...versions.map((t) => t.lang)];
		for (const version of [lesson, ...versions]) version.languages = languages;
	}
	const all = [...lessons, ...translations].sort(
		(a, b) => a.order - b.order || Number(a.lang !== 'en') - Number(b.lang !== 'en')
	);
	return { lessons: all, errors };
}

/** English lessons by slug; a slug or an order used twice is an error. */
function parseOriginals(files: NamedFile[], errors: ContentError[]): Map<string, Parsed> {
	const originals = new Map<string, Parsed>();
	const orders = new Map<number, string>();
	for (const { file, name } of files) {
		const parsed = parseLesson(file, name);
		errors.push(...parsed.errors);
		const twin = originals.get(name.slug);
		if (twin) {
			errors.push(
				errorAt(file.path, start, `slug '${name.slug}' is also used by ${twin.file.path}`)
			);
			continue;
		}
		originals.set(name.slug, { file, parsed });
		const order = parsed.frontMatter?.order;
		if (order === undefined) continue;
		const other = orders.get(order);
		if (other) {
			errors.push(
				errorAt(file.path, parsed.pointOf(['order']), `order ${order} is also used by ${other}`)
			);
		} else orders.set(order, file.path);
	}
	return originals;
}

function checkPrerequisites(originals: Map<string, Parsed>, errors: ContentError[]): void {
	const known = [...originals.keys()].join(', ');
	for (const { file, parsed } of originals.values()) {
		parsed.frontMatter?.prerequisites.forEach((slug, index) => {
			if (originals.has(slug)) return;
			errors.push(
				errorAt(
					file.path,
					parsed.pointOf(['prerequisites', index]),
					`prerequisite '${slug}' is not a lesson (known: ${known})`
				)
			);
		});
	}
}

/** Translations, each parsed against its original so that its sections take the same ids. */
function parseTranslations(
	files: NamedFile[],
	originals: Map<string, Parsed>,
	errors: ContentError[]
): Lesson[] {
	return files.flatMap(({ file, name }) => {
		const original = originals.get(name.slug);
		if (!original) {
			const expected = file.path.replace(/\.zh\.md$/, '.md');
			errors.push(
				errorAt(
					file.path,
					start,
					`a translation of '${name.slug}', which has no English original (${expected})`
				)
			);
			return [];
		}
		const headings = original.parsed.headings;
		const parsed = parseLesson(file, name, { file: original.file.path, headings });
		errors.push(...parsed.errors, ...translationMismatches(file.path, parsed, original.parsed));
		return parsed.lesson ?? [];
	});
}

/** A translation shares its original's place in the course: same order and prerequisites. */
function translationMismatches(
	path: string,
	translation: ParsedLesson,
	original: ParsedLesson
): ContentError[] {
	const mine = translation.frontMatter;
	const theirs = original.frontMatter;
	if (!mine || !theirs) return [];
	const errors: ContentError[] = [];
	if (mine.order !== theirs.order) {
		errors.push(
			errorAt(
				path,
				translation.pointOf(['order']),
				`order ${mine.order} differs from the original's (${theirs.order})`
			)
		);
	}
	if (mine.prerequisites.join() !== theirs.prerequisites.join()) {
		errors.push(
			errorAt(
				path,
				translation.pointOf(['prerequisites']),
				`prerequisites [${mine.prerequisites.join(', ')}] differ from the original's [${theirs.prerequisites.join(', ')}]`
			)
		);
	}
	return errors;
}
