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

export function responseCurves(models: QueueModel[], params: ModelParams, rhos: number[]): Curve[] {
	return models.map((model) => ({
		model,
		label: modelLabel(model, params),
		values: rhos.map((rho) => responseTime(model, rho, params))
	}));
}
