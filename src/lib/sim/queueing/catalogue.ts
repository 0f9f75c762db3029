/**
 * The single-queue models the course compares side by side (the response-time explorer overlays
 * them, the queue simulator checks its runs against them), with time in units of the mean service
 * time (mu = 1): every model's response time is 1 when the server is idle, and the models differ
 * only by queueing. For M/M/c, rho is the utilization of each server: lambda = rho c mu.
 */
import { md1 } from './md1.ts';
import { mg1 } from './mg1.ts';
import { mm1 } from './mm1.ts';
import { mmc } from './mmc.ts';

export const QUEUE_MODELS = ['mm1', 'mmc', 'md1', 'mg1'] as const;
export type QueueModel = (typeof QUEUE_MODELS)[number];

export interface ModelParams {
	/** Servers of the M/M/c model. */
	c: number;
	/** Squared coefficient of variation of the M/G/1 service time. */
	scv: number;
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

/**
 * Kendall's notation, with the current parameter where there is one. The notation (and SCV, the
 * textbooks' abbreviation) reads the same in every language the course has, so it is no UI
 * string to translate.
 */
export function modelLabel(model: QueueModel, params: ModelParams): string {
	if (model === 'mm1') return 'M/M/1';
	if (model === 'mmc') return `M/M/${params.c}`;
	if (model === 'md1') return 'M/D/1';
	return `M/G/1, SCV ${Number(params.scv.toFixed(2))}`;
}

/** `points` utilizations evenly spaced from `from` to `to`, for drawing a model's curve. */
export function utilizationGrid(from: number, to: number, points: number): number[] {
	return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}
