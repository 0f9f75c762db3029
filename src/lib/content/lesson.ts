/**
 * One lesson file to a Lesson: file name → slug and language, front matter → metadata, body →
 * blocks and table of contents. Errors are returned, never thrown, so a build can list them all.
 */
import { errorAt, type ContentError, type Point } from './errors.ts';
import { lessonBlocks } from './blocks.ts';
import { parseFrontMatter, splitFrontMatter, type FrontMatter } from './frontMatter.ts';
import type { Original } from './headings.ts';
import type { Lang, Lesson, TocEntry } from './types.ts';
import { prerenderLesson } from '../notebook/prerender.ts';

export interface LessonFile {
	/** Path relative to the project root, e.g. `content/lessons/01-why-virtualize.md`. */
	path: string;
	text: string;
	/**
	 * The assembly programs a lesson may name in `::machine{src=…}`, by their path relative to the
	 * lessons' folder (`programs/count.s`), with their text.
	 */
	programs?: Readonly<Record<string, string>>;
}

export interface LessonName {
	number: number;
	slug: string;
	lang: Lang;
}

/** `01-why-virtualize.md` → lesson 1, slug `why-virtualize`, English; `.zh.md` is Chinese. */
export function parseLessonName(path: string): LessonName | undefined {
	const base = path.split('/').at(-1) ?? '';
	const match = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*?)(\.zh)?\.md$/.exec(base);
	if (!match) return undefined;
	return { number: Number(match[1]), slug: match[2], lang: match[3] ? 'zh' : 'en' };
}

export interface ParsedLesson {
	lesson?: Lesson;
	frontMatter?: FrontMatter;
	/** Positions of front matter values, for errors found when lessons are compared. */
	pointOf: (path: (string | number)[]) => Point;
	headings: TocEntry[];
	errors: ContentError[];
}

export function parseLesson(file: LessonFile, name: LessonName, original?: Original): ParsedLesson {
	const front = parseFrontMatter(file.path, file.text);
	const { body } = splitFrontMatter(file.text);
	const content = lessonBlocks(file.path, body, name.lang, original, file.programs);
	const errors = [...(front.ok ? [] : front.errors), ...content.errors];
	// The notebook runs once here, so that the page shows its values before mathjs loads.
	const notebook = prerenderLesson(content.blocks);
	for (const leak of notebook.leaks) {
		errors.push(
			errorAt(
				file.path,
				{ line: leak.cellLine, column: 1 },
				`this cell shows '${leak.name}', the answer to the prediction at line ${leak.predictLine}, before the student has predicted: move the cell inside that ':::predict'`
			)
		);
	}
	const pointOf = front.ok ? front.pointOf : () => ({ line: 1, column: 1 });
	if (!front.ok) return { pointOf, headings: content.headings, errors };
	const lesson: Lesson = {
		slug: name.slug,
		lang: name.lang,
		...front.data,
		languages: ['en'],
		toc: content.toc,
		blocks: notebook.blocks
	};
	return { lesson, frontMatter: front.data, pointOf, headings: content.headings, errors };
}

export function fileNameError(path: string): ContentError {
	return errorAt(
		path,
		{ line: 1, column: 1 },
		'a lesson file is named NN-slug.md (e.g. 01-why-virtualize.md), its Chinese translation NN-slug.zh.md'
	);
}
