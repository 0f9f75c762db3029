/**
 * Heading ids and the table of contents. An original lesson slugs its own headings. A translation
 * takes the ids of the original's headings in order, so `#hosts-needed` names the same section in
 * both languages and the language switch keeps the reader's place; a translation whose sections do
 * not line up with the original's is therefore an error.
 */
import type { Heading, Root } from 'mdast';
import { errorAt, type ContentError } from './errors.ts';
import { plainText } from './markdown.ts';
import { createSlugger } from './slug.ts';
import type { TocEntry } from './types.ts';

/** Every heading of a lesson, in order (the TOC shows depths 2 and 3). */
export type HeadingList = TocEntry[];

export interface Original {
	/** The original's file, named in errors. */
	file: string;
	headings: HeadingList;
}

export function assignHeadingIds(
	file: string,
	tree: Root,
	original?: Original
): { headings: HeadingList; errors: ContentError[] } {
	const slug = createSlugger();
	const headings: HeadingList = [];
	const errors: ContentError[] = [];
	const all = collectHeadings(tree);
	all.forEach((heading, index) => {
		const text = plainText(heading);
		if (heading.depth === 1) {
			errors.push(
				errorAt(
					file,
					heading.position?.start,
					`heading '${text}': use ## and deeper in the lesson, the title comes from the front matter`
				)
			);
		}
		let id = slug(text);
		if (original) {
			const counterpart = original.headings[index];
			if (counterpart && counterpart.depth === heading.depth) id = counterpart.id;
			else {
				errors.push(
					errorAt(
						file,
						heading.position?.start,
						`heading '${text}' (level ${heading.depth}) does not match the heading at the same place in ${original.file}: a translation keeps the original's sections, so that the language switch keeps the reader's place`
					)
				);
			}
		}
		heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
		headings.push({ id, text, depth: heading.depth });
	});
	if (original && all.length < original.headings.length) {
		const missing = original.headings[all.length];
		errors.push(
			errorAt(
				file,
				all.at(-1)?.position?.end,
				`has ${all.length} headings where ${original.file} has ${original.headings.length}: '${missing.text}' has no translation`
			)
		);
	}
	return { headings, errors };
}

export function tableOfContents(headings: HeadingList): TocEntry[] {
	return headings.filter((heading) => heading.depth === 2 || heading.depth === 3);
}

function collectHeadings(tree: Root): Heading[] {
	const found: Heading[] = [];
	const walk = (node: Root | Root['children'][number]): void => {
		if (node.type === 'heading') found.push(node);
		if ('children' in node)
			for (const child of node.children) walk(child as Root['children'][number]);
	};
	walk(tree);
	return found;
}
