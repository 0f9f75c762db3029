/**
 * A lesson's Markdown body to the blocks its page renders (docs/architecture.md, "Data flow"):
 * runs of ordinary Markdown become HTML blocks, each ```math fence a cell block, each
 * `::widget{…}` a widget block.
 */
import type { RootContent } from 'mdast';
import { errorAt, type ContentError } from './errors.ts';
import { assignHeadingIds, tableOfContents, type Original } from './headings.ts';
import { parseMarkdown } from './markdown.ts';
import { renderHtml } from './render.ts';
import type { Block, Lang, TocEntry } from './types.ts';
import { knownContainers, nestedBlockErrors, revealToDetails, widgetBlock } from './directives.ts';

export interface BodyResult {
	blocks: Block[];
	toc: TocEntry[];
	/** All headings with their ids, for translations to line up with. */
	headings: TocEntry[];
	errors: ContentError[];
}

export function lessonBlocks(
	file: string,
	body: string,
	lang: Lang,
	original?: Original
): BodyResult {
	const tree = parseMarkdown(body);
	const { headings, errors } = assignHeadingIds(file, tree, original);
	const blocks: Block[] = [];
	let pending: RootContent[] = [];
	let cells = 0;
	let widgets = 0;

	const flush = () => {
		if (pending.length === 0) return;
		const rendered = renderHtml(file, pending);
		errors.push(...rendered.errors);
		blocks.push({ kind: 'html', html: rendered.html });
		pending = [];
	};

	for (const node of tree.children) {
		if (node.type === 'code' && node.lang === 'math') {
			flush();
			const line = node.position?.start.line ?? 1;
			blocks.push({ kind: 'cell', id: `cell-${++cells}`, source: node.value, line });
		} else if (node.type === 'leafDirective') {
			flush();
			const result = widgetBlock(file, body, node, `widget-${++widgets}`);
			errors.push(...result.errors);
			if (result.block) blocks.push(result.block);
		} else if (node.type === 'containerDirective') {
			if (knownContainers.includes(node.name)) errors.push(...revealToDetails(file, node, lang));
			else {
				errors.push(
					errorAt(
						file,
						node.position?.start,
						`unknown block ':::${node.name}' (known: ${knownContainers.join(', ')})`
					)
				);
			}
			pending.push(node);
		} else {
			if ('children' in node) errors.push(...nestedBlockErrors(file, node));
			pending.push(node);
		}
	}
	flush();
	return { blocks, toc: tableOfContents(headings), headings, errors };
}
