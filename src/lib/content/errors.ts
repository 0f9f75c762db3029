/**
 * A mistake in a lesson file, located so that an author can jump to it:
 * `content/lessons/01-why-virtualize.md:42:1: unknown widget 'slidr' (known: slider, plot)`.
 * The pipeline collects every error of every file before failing, so one build shows them all.
 */
export interface ContentError {
	/** The file's path as the author knows it, relative to the project root. */
	file: string;
	/** 1-based line and column in that file. */
	line: number;
	column: number;
	message: string;
}

export function formatContentError(error: ContentError): string {
	return `${error.file}:${error.line}:${error.column}: ${error.message}`;
}

/** Thrown when content has errors; its message lists them all, one per line. */
export class ContentErrors extends Error {
	readonly errors: ContentError[];

	constructor(errors: ContentError[]) {
		const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
		super(`Lesson content has ${count}:\n${errors.map(formatContentError).join('\n')}`);
		this.name = 'ContentErrors';
		this.errors = errors;
		// The lines say where the mistakes are; a JavaScript stack would only bury them.
		this.stack = `${this.name}: ${this.message}`;
	}
}

/** A position in a file: unist points are 1-based in both line and column, like editors. */
export interface Point {
	line: number;
	column: number;
}

export function errorAt(file: string, point: Point | undefined, message: string): ContentError {
	return { file, line: point?.line ?? 1, column: point?.column ?? 1, message };
}
