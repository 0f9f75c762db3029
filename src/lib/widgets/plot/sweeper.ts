/**
 * A plot's sweep, remembered between runs. A run changes whenever any slider moves, but a plot's
 * lines depend only on the cells and the sliders other than its x; the sweeper re-sweeps only when
 * those changed, and otherwise updates just the values at the current x (the marker's dots).
 *
 * While a slider is being dragged (`sliding`), a re-sweep that the moving slider makes necessary
 * takes only every few samples (engine.ts, plotViewWhileSliding), so that the plot keeps up with the
 * slider; once the slider rests, the plot sweeps every sample again.
 *
 * A plot outside the window (`onScreen` false) is left as it was while a slider is dragged: no one
 * sees it, and on a long lesson the slider's own cells and plots then have the frame to themselves.
 * It catches up as soon as it comes into view, or when the slider rests.
 */
import type { Engine } from '../../notebook/notebook.svelte.ts';
import type { Run } from '../../notebook/program.ts';
import type { PlotView } from '../../notebook/views.ts';

export interface PlotRequest {
	x: string;
	xs: number[];
	expressions: string[];
}

/** The lines, and the samples they were computed at (all of the request's, or a coarse subset). */
export interface SweptView extends PlotView {
	xs: number[];
}

export class PlotSweeper {
	#key = '';
	#program: unknown = null;
	#last: SweptView | null = null;

	/** A plot with no points yet (no build-time view, engine still loading). */
	empty(expressions: string[], xs: number[]): SweptView {
		return {
			xs,
			series: expressions.map(() => ({ values: xs.map(() => null) })),
			current: expressions.map(() => null),
			done: xs.length
		};
	}

	/** `otherVars` identifies the values of every slider but x (the caller serialises them). */
	view(
		engine: Engine,
		run: Run,
		request: PlotRequest,
		otherVars: string,
		sliding = false,
		onScreen = true
	): SweptView {
		if (sliding && !onScreen && this.#last) return this.#last;
		const key = JSON.stringify([otherVars, request.x, request.xs, request.expressions]);
		const unchanged = this.#last && key === this.#key && run.program === this.#program;
		// A coarse sweep is kept while the slider moves and redone in full once it rests.
		const coarse = this.#last && this.#last.xs !== request.xs;
		if (this.#last && unchanged && !(coarse && !sliding)) {
			const current = engine.currentValues(run, request.expressions, this.#last.series);
			return { ...this.#last, current };
		}
		this.#last = sliding
			? engine.plotViewWhileSliding(run, request)
			: { ...engine.plotView(run, request), xs: request.xs };
		this.#key = key;
		this.#program = run.program;
		return this.#last;
	}
}
