/**
 * At build time, runs each lesson's notebook once as written (slider defaults, original cells) and
 * attaches what the page shows: each cell's view and each plot's lines. The prerendered page then
 * shows every value and every plot before the browser has loaded mathjs (docs/architecture.md,
 * "Weight"); the engine takes over, with the same functions, on the student's first interaction.
 *
 * It also finds predictions whose answer is already on screen: a cell outside a `:::predict` that
 * shows the very name and value the prediction asks for gives the answer away, and the build
 * reports it (lesson.ts) so that the author moves the cell inside the prediction.
 */
import { allBlocks, type Block, type CellBlock, type PredictBlock } from '../content/types.ts';
import type { PlotProps } from '../widgets/plot/schema.ts';
import type { PredictProps } from '../widgets/predict/schema.ts';
import { cellView, compileCells, modelAnswer, plotView, runProgram, type Run } from './engine.ts';
import { samples } from './samples.ts';
import { sliderDefaults, sliderDefinitions } from './sliders.ts';
import { plotNumber } from './sweep.ts';

/** A cell that shows the answer of a prediction it is not hidden by. */
export interface Leak {
	cellLine: number;
	predictLine: number;
	name: string;
}

function withViews(blocks: Block[], run: Run): Block[] {
	return blocks.map((block): Block => {
		if (block.kind === 'cell') return { ...block, view: cellView(run.cells.get(block.id)) };
		if (block.kind === 'predict') return { ...block, blocks: withViews(block.blocks, run) };
		if (block.kind === 'widget' && block.name === 'plot') {
			const p = block.props as PlotProps;
			const request = {
				x: p.x,
				xs: samples(p.from, p.to, p.points, p.logx),
				expressions: [...p.y, ...(p.y2 ?? [])]
			};
			return { ...block, view: plotView(run, request, Infinity) };
		}
		return block;
	});
}

function leaksOf(predict: PredictBlock, everyCell: CellBlock[], run: Run): Leak[] {
	const { expr, given } = predict.props as PredictProps;
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(expr)) return [];
	const answer = modelAnswer(run, expr, given);
	if (answer.value === null) return [];
	const hidden = new Set(allBlocks(predict.blocks));
	const same = (value: unknown) => {
		const n = plotNumber(value);
		return n !== null && Math.abs(n - answer.value) <= 1e-9 * Math.max(1, Math.abs(n));
	};
	return everyCell
		.filter((cell) => !hidden.has(cell))
		.filter((cell) =>
			run.cells.get(cell.id)?.values.some((shown) => shown.name === expr && same(shown.value))
		)
		.map((cell) => ({ cellLine: cell.line, predictLine: predict.line, name: expr }));
}

export function prerenderLesson(blocks: Block[]): { blocks: Block[]; leaks: Leak[] } {
	const every = allBlocks(blocks);
	const cells = every.filter((block): block is CellBlock => block.kind === 'cell');
	const program = compileCells(cells);
	const run = runProgram(program, sliderDefaults(sliderDefinitions(every)));
	const leaks = every
		.filter((block): block is PredictBlock => block.kind === 'predict')
		.flatMap((predict) => leaksOf(predict, cells, run));
	return { blocks: withViews(blocks, run), leaks };
}
