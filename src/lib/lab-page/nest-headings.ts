/**
 * A Markdown document placed under a heading of a page (the instructor page's "How to write a
 * lab", an h2): its title (the h1) is dropped, as the page has its own, and every other heading
 * moves down one level without ever skipping one, so a screen reader's outline of the page stays
 * whole (WCAG 1.3.1; axe's `heading-order`), even where the document itself skips a level.
 */
import type { RootContent } from 'mdast';

export function nestHeadings(nodes: RootContent[], under: number): RootContent[] {
	let previous = under;
	return nodes.flatMap((node): RootContent[] => {
		if (node.type !== 'heading') return [node];
		if (node.depth === 1) return [];
		const depth = Math.min(6, node.depth + under - 1, previous + 1) as typeof node.depth;
		previous = depth;
		return [{ ...node, depth }];
	});
}
