/**
 * The explorer's curves: each shown model's mean response time (in mean service times, from the
 * catalogue in src/lib/sim/queueing) over a grid of utilizations.
 */
import {
	modelLabel,
	responseTime,
	type ModelParams,
	type QueueModel
} from '../../sim/queueing/catalogue.ts';

export interface Curve {
	model: QueueModel;
	label: string;
	/** W / E[S] at each utilization; null where the queue is unstable. */
	values: (number | null)[];
}

/**
 * A model's name in the explorer. M/M/c with one server is M/M/1: it says so, rather than showing
 * a second "M/M/1" beside the real one.
 */
export function explorerLabel(model: QueueModel, params: ModelParams): string {
	if (model === 'mmc' && params.c === 1) return 'M/M/c, c = 1 (= M/M/1)';
	return modelLabel(model, params);
}

export function responseCurves(models: QueueModel[], params: ModelParams, rhos: number[]): Curve[] {
	return models.map((model) => ({
		model,
		label: explorerLabel(model, params),
		values: rhos.map((rho) => responseTime(model, rho, params))
	}));
}
