/**
 * What the build-time lesson pipeline hands to the pages: a lesson is front matter plus a list of
 * blocks. HTML blocks are already rendered (KaTeX included); cells and widgets are rendered live by
 * Svelte components in the browser (docs/architecture.md, "Data flow"). The build also runs the
 * lesson's notebook once, so cells and plots carry the `view` a page shows before mathjs loads.
 */
import type { CellView, PlotView } from '../notebook/views.ts';

/** A span of rendered HTML: paragraphs, headings, tables, typeset math. */
export interface HtmlBlock {
	kind: 'html';
	html: string;
}

/** A fenced ```math block: a mathjs cell evaluated in lesson order in one shared scope. */
export interface CellBlock {
	kind: 'cell';
	/** Stable within the lesson (`cell-1`, `cell-2`, …): keys for autosaved edits. */
	id: string;
	source: string;
	/** 1-based line of the opening fence in the Markdown file. */
	line: number;
	/** What the cell shows for the lesson as written, computed at build time. */
	view?: CellView;
}

/** A `::name{prop=value …}` leaf directive, validated against the widget's schema at build time. */
export interface WidgetBlock {
	kind: 'widget';
	/** Stable within the lesson (`widget-1`, …). */
	id: string;
	name: string;
	/** Props after validation and coercion by the widget's schema. */
	props: Record<string, unknown>;
	line: number;
	/** A plot's lines for the lesson as written, computed at build time. */
	view?: PlotView;
}

/**
 * A `:::predict{…}` container: a question, and the experiment (any blocks) it hides until the
 * student has committed a prediction.
 */
export interface PredictBlock {
	kind: 'predict';
	/** Numbered with the widgets (`widget-4`); the key of the student's saved answer. */
	id: string;
	/** Validated against the predict widget's schema. */
	props: Record<string, unknown>;
	line: number;
	blocks: Block[];
}

export type Block = HtmlBlock | CellBlock | WidgetBlock | PredictBlock;

/** Every block in document order, the blocks inside a prediction included (after it). */
export function allBlocks(blocks: Block[]): Block[] {
	return blocks.flatMap((block) =>
		block.kind === 'predict' ? [block, ...allBlocks(block.blocks)] : [block]
	);
}

export type Lang = 'en' | 'zh';

export interface TocEntry {
	id: string;
	text: string;
	depth: number;
}

export interface LessonMeta {
	slug: string;
	lang: Lang;
	title: string;
	summary: string;
	objectives: string[];
	prerequisites: string[];
	minutes: number;
	order: number;
	/** Languages this lesson exists in, always including 'en'. */
	languages: Lang[];
}

export interface Lesson extends LessonMeta {
	toc: TocEntry[];
	blocks: Block[];
}
