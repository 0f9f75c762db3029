/**
 * A run of Markdown nodes to HTML at build time: formulas are typeset by KaTeX here, so the
 * prerendered page already shows them and the browser needs only KaTeX's stylesheet. Raw HTML in
 * Markdown is dropped (lessons are data, DESIGN.md §1.6).
 */
import type { RootContent } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { errorAt, type ContentError } from './errors.ts';

const toHtml = unified().use(remarkRehype).use(rehypeKatex).use(rehypeStringify);

export function renderHtml(
	file: string,
	nodes: RootContent[]
): { html: string; errors: ContentError[] } {
	const vfile = new VFile();
	const hast = toHtml.runSync({ type: 'root', children: nodes }, vfile);
	const html = toHtml.stringify(hast, vfile);
	const errors = vfile.messages
		.filter((message) => message.source === 'rehype-katex')
		.map((message) =>
			errorAt(
				file,
				message.place && 'start' in message.place ? message.place.start : message.place,
				`math: ${message.cause instanceof Error ? message.cause.message : message.reason}`
			)
		);
	return { html, errors };
}
