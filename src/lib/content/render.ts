/**
 * A run of Markdown nodes to HTML at build time: formulas are typeset by KaTeX here, so the
 * prerendered page already shows them and the browser needs only KaTeX's stylesheet. Raw HTML in
 * Markdown is dropped (lessons are data: docs/architecture.md, "Boundaries, and why").
 */
import type { Element, Root } from 'hast';
import type { RootContent } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { errorAt, type ContentError } from './errors.ts';

/**
 * A display formula wider than the page scrolls sideways (app.css); a keyboard user can only
 * scroll it if it can take focus, so every display formula is a tab stop (WCAG 2.1.1).
 */
function focusableDisplayMath() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			const classes = node.properties.className;
			if (Array.isArray(classes) && classes.includes('katex-display')) node.properties.tabIndex = 0;
		});
	};
}

const toHtml = unified()
	.use(remarkRehype)
	.use(rehypeKatex)
	.use(focusableDisplayMath)
	.use(rehypeStringify);

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
