/**
 * Markdown to a syntax tree (mdast): CommonMark plus GFM tables, `$…$` / `$$…$$` math and
 * remark-directive's `::widget{…}` and `:::reveal` blocks.
 *
 * remark-directive also reads `:name` inside a sentence as a text directive, which would swallow
 * `a0:zero`, `mstatus:MIE` or `sstatus:SIE`. Lessons have no text directives, so every one is put
 * back as the literal text the author wrote.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkMath);

/** Parses `source`; text directives come back as the text they were written as. */
export function parseMarkdown(source: string): Root {
	const tree = parser.parse(source);
	restoreTextDirectives(tree, source);
	return tree;
}

function restoreTextDirectives(node: Parent, source: string): void {
	node.children = node.children.map((child): RootContent => {
		if (child.type === 'textDirective') {
			const start = child.position?.start.offset;
			const end = child.position?.end.offset;
			const value = start !== undefined && end !== undefined ? source.slice(start, end) : '';
			return { type: 'text', value, position: child.position };
		}
		if ('children' in child) restoreTextDirectives(child, source);
		return child;
	}) as typeof node.children;
}

/** The plain text of a node, as a table of contents shows a heading. */
export function plainText(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node) return node.children.map((child) => plainText(child)).join('');
	return '';
}
