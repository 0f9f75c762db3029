/**
 * A plot's sweep, remembered between runs. A run changes whenever any slider moves, but a plot's
 * lines depend only on the cells and the sliders other than its x; the sweeper re-sweeps only when
 * those changed, and otherwise updates just the values at the current x (the marker's dots).
 */
import type { Engine } from '../../notebook/notebook.svelte.ts';
import type { Run } from '../../notebook/program.ts';
import type { PlotView } from '../../notebook/views.ts';

export interface PlotRequest {
	x: string;
	xs: number[];
	expressions: string[];
}

export class PlotSweeper {
	#key = '';
	#program: unknown = null;
	#last: PlotView | null = null;

	/** A plot with no points yet (no build-time view, engine still loading). */
	empty(expressions: string[], xs: number[]): PlotView {
		return {
			series: expressions.map(() => ({ values: xs.map(() => null) })),
			current: expressions.map(() => null),
			done: xs.length
		};
	}

	/** `otherVars` identifies the values of every slider but x (the caller serialises them). */
	view(engine: Engine, run: Run, request: PlotRequest, otherVars: string): PlotView {
		const key = JSON.stringify([otherVars, request.x, request.xs, request.expressions]);
		if (this.#last && key === this.#key && run.program === this.#program) {
			const current = engine.currentValues(run, request.expressions, this.#last.series);
			return { ...this.#last, current };
		}
		this.#last = engine.plotView(run, request);
		this.#key = key;
		this.#program = run.program;
		return this.#last;
	}
}
