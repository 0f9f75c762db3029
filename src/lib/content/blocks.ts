/**
 * A lesson's Markdown body to the blocks its page renders (docs/architecture.md, "Data flow"):
 * runs of ordinary Markdown become HTML blocks, each ```math fence a cell block, each
 * `::widget{…}` a widget block, and each `:::predict{…}` container a predict block holding the
 * blocks of the experiment it hides until the student has predicted.
 */
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { errorAt, type ContentError } from './errors.ts';
import { assignHeadingIds, tableOfContents, type Original } from './headings.ts';
import { parseMarkdown } from './markdown.ts';
import { renderHtml } from './render.ts';
import { resolveSliderRepeats } from './sliderRepeats.ts';
import type { Block, Lang, TocEntry } from './types.ts';
import {
	knownContainers,
	machineBlock,
	nestedBlockErrors,
	predictBlock,
	revealToDetails,
	widgetBlock
} from './directives.ts';

export interface BodyResult {
	blocks: Block[];
	toc: TocEntry[];
	/** All headings with their ids, for translations to line up with. */
	headings: TocEntry[];
	errors: ContentError[];
}

/** Numbers cells and widgets in document order across the whole lesson, predictions included. */
interface Counters {
	cells: number;
	widgets: number;
}

/** What every block of one lesson file is converted with. */
interface Source {
	file: string;
	body: string;
	lang: Lang;
	programs: Readonly<Record<string, string>>;
}

function toBlocks(
	source: Source,
	nodes: RootContent[],
	counters: Counters,
	errors: ContentError[]
): Block[] {
	const { file, body } = source;
	const blocks: Block[] = [];
	let pending: RootContent[] = [];

	const flush = () => {
		if (pending.length === 0) return;
		const rendered = renderHtml(file, pending);
		errors.push(...rendered.errors);
		blocks.push({ kind: 'html', html: rendered.html });
		pending = [];
	};

	const predict = (node: ContainerDirective) => {
		flush();
		const id = `widget-${++counters.widgets}`;
		const result = predictBlock(file, body, node, id);
		errors.push(...result.errors);
		const inner = toBlocks(source, result.children, counters, errors);
		if (result.block) blocks.push({ ...result.block, blocks: inner });
	};

	for (const node of nodes) {
		if (node.type === 'code' && node.lang === 'math') {
			flush();
			const line = node.position?.start.line ?? 1;
			blocks.push({ kind: 'cell', id: `cell-${++counters.cells}`, source: node.value, line });
		} else if (
			(node.type === 'leafDirective' || node.type === 'containerDirective') &&
			node.name === 'machine'
		) {
			flush();
			const result = machineBlock(
				file,
				body,
				node,
				`widget-${++counters.widgets}`,
				source.programs
			);
			errors.push(...result.errors);
			if (result.block) blocks.push(result.block);
		} else if (node.type === 'leafDirective') {
			flush();
			const result = widgetBlock(file, body, node, `widget-${++counters.widgets}`);
			errors.push(...result.errors);
			if (result.block) blocks.push(result.block);
		} else if (node.type === 'containerDirective' && node.name === 'predict') {
			predict(node);
		} else if (node.type === 'containerDirective') {
			if (knownContainers.includes(node.name))
				errors.push(...revealToDetails(file, node, source.lang));
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
	return blocks;
}

export function lessonBlocks(
	file: string,
	body: string,
	lang: Lang,
	original?: Original,
	programs: Readonly<Record<string, string>> = {}
): BodyResult {
	const tree = parseMarkdown(body);
	const { headings, errors } = assignHeadingIds(file, tree, original);
	const source = { file, body, lang, programs };
	const blocks = toBlocks(source, tree.children, { cells: 0, widgets: 0 }, errors);
	errors.push(...resolveSliderRepeats(file, blocks));
	return { blocks, toc: tableOfContents(headings), headings, errors };
}
