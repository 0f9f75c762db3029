/**
 * Mean response time against utilization for the models the explorer overlays, from the engines'
 * formulas (src/lib/sim/queueing). Times are in units of the mean service time (mu = 1), so every
 * curve starts at 1 when the server is idle and the curves differ only by queueing.
 * For M/M/c, rho is the utilization of each server: lambda = rho c mu.
 */
import { md1 } from '../../sim/queueing/md1.ts';
import { mg1 } from '../../sim/queueing/mg1.ts';
import { mm1 } from '../../sim/queueing/mm1.ts';
import { mmc } from '../../sim/queueing/mmc.ts';
import type { QueueModel } from './schema.ts';

export interface ModelParams {
	/** Servers of the M/M/c model. */
	c: number;
	/** Squared coefficient of variation of the M/G/1 service time. */
	scv: number;
}

export interface Curve {
	model: QueueModel;
	label: string;
	/** W / E[S] at each utilization; null where the queue is unstable. */
	values: (number | null)[];
}

/** Mean response time in mean service times, or null when rho is out of the stable range. */
export function responseTime(model: QueueModel, rho: number, params: ModelParams): number | null {
	// With no arrivals nobody waits: W is the service time (the formulas need lambda > 0).
	if (rho === 0) return 1;
	const result =
		model === 'mm1'
			? mm1({ lambda: rho, mu: 1 })
			: model === 'mmc'
				? mmc({ lambda: rho * params.c, mu: 1, c: params.c })
				: model === 'md1'
					? md1({ lambda: rho, mu: 1 })
					: mg1({ lambda: rho, es: 1, es2: 1 + params.scv });
	return result.ok ? result.value.W : null;
}

/** Kendall's notation for the legend, with the current parameter where there is one. */
export function modelLabel(model: QueueModel, params: ModelParams): string {
	if (model === 'mm1') return 'M/M/1';
	if (model === 'mmc') return `M/M/${params.c}`;
	if (model === 'md1') return 'M/D/1';
	return `M/G/1, SCV ${Number(params.scv.toFixed(2))}`;
}

/** `points` utilizations evenly spaced from `from` to `to`. */
export function utilizationGrid(from: number, to: number, points: number): number[] {
	return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

export function responseCurves(models: QueueModel[], params: ModelParams, rhos: number[]): Curve[] {
	return models.map((model) => ({
		model,
		label: modelLabel(model, params),
		values: rhos.map((rho) => responseTime(model, rho, params))
	}));
}
