/**
 * The labs as the pages see them (server side only, as the lessons in course.ts: the Markdown
 * pipeline never reaches the browser). The build reads them once; `vite dev` re-reads them on
 * every request so an author sees an edit at once. The instructor page's guide is
 * docs/writing-labs.md (or its Chinese translation) through the same pipeline: one source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { ContentErrors } from '$lib/content/errors.ts';
import { loadLabs } from '$lib/content/labLoad.ts';
import { parseMarkdown } from '$lib/content/markdown.ts';
import { renderHtml } from '$lib/content/render.ts';
import type { Lang } from '$lib/i18n/index.ts';
import { nestHeadings } from '$lib/lab-page/nest-headings.ts';
import type { Lab } from '$lib/labs/types.ts';

/** The guide for lab authors, relative to the project root; `.zh.md` beside it is its translation. */
export const writingLabsGuide = 'docs/writing-labs.md';

let cached: Lab[] | undefined;

/** Mistakes in lab files show on the page too (as an expected error, so the message is kept). */
function load(): Lab[] {
	try {
		return loadLabs(process.cwd());
	} catch (cause) {
		if (cause instanceof ContentErrors) error(500, cause.message);
		throw cause;
	}
}

/** Every lab in every language, in file order. */
export function courseLabs(): Lab[] {
	if (dev) return load();
	cached ??= load();
	return cached;
}

/** The guide an instructor reads in `lang`: its translation where there is one, else the English. */
export interface Guide {
	path: string;
	lang: Lang;
	html: string;
}

/**
 * docs/writing-labs.md (or its `.zh.md` translation) as HTML, its first heading left out (the page
 * has its own) and the rest moved one level down, under the page's "How to write a lab" heading,
 * with no level skipped.
 */
export function writingLabsGuideFor(lang: Lang): Guide {
	const translated = writingLabsGuide.replace(/\.md$/, `.${lang}.md`);
	const [path, guideLang]: [string, Lang] =
		lang !== 'en' && existsSync(join(process.cwd(), translated))
			? [translated, lang]
			: [writingLabsGuide, 'en'];
	const text = readFileSync(join(process.cwd(), path), 'utf8');
	const nodes = nestHeadings(parseMarkdown(text).children, 2);
	const { html, errors } = renderHtml(path, nodes);
	if (errors.length > 0) throw new ContentErrors(errors);
	return { path, lang: guideLang, html };
}
