/**
 * The course as the pages see it (server side only, so the Markdown pipeline never reaches the
 * browser). The build reads the lessons once; `vite dev` re-reads them on every request so an
 * author sees an edit at once.
 */
import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { ContentErrors } from '$lib/content/errors.ts';
import { loadCourse } from '$lib/content/load.ts';
import type { Lesson } from '$lib/content/types.ts';

let cached: Lesson[] | undefined;

/** Mistakes in lessons show on the page too (as an expected error, so the message is kept). */
function load(): Lesson[] {
	try {
		return loadCourse(process.cwd());
	} catch (cause) {
		if (cause instanceof ContentErrors) error(500, cause.message);
		throw cause;
	}
}

/** Every lesson in every language, in course order. */
export function courseLessons(): Lesson[] {
	if (dev) return load();
	cached ??= load();
	return cached;
}
