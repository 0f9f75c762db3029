/**
 * What the queue simulator says in words: each event as it is stepped through, the state of the
 * run, and the charts' descriptions for screen readers. Pure functions of the language and the
 * numbers, so tests read them without a browser.
 */
import { t, type Lang } from '../../i18n/index.ts';
import { formatNumber } from '../../notebook/format.ts';
import type { QueueEvent } from '../../sim/des/queueSim.ts';
import type { SimPoint } from './chart.ts';

const percent = (rho: number) => Math.round(rho * 100);

/** Customers deleted as warm-up before measuring (the engine's default: the first 10 %). */
export const warmupOf = (total: number) => Math.floor(total / 10);

/** One simulation event, for the live region: who arrived or left, and how many wait. */
export function describeEvent(lang: Lang, event: QueueEvent, waiting: number): string {
	const time = formatNumber(event.time);
	if (event.type === 'arrival') {
		return event.server >= 0
			? t(lang, 'queueSim.arrivalServed', { time, server: event.server + 1 })
			: t(lang, 'queueSim.arrivalQueued', { time, waiting });
	}
	if (event.type === 'departure') {
		return t(lang, 'queueSim.departure', {
			time,
			server: event.server + 1,
			response: formatNumber(event.responseTime),
			waiting
		});
	}
	return '';
}

export interface RunState {
	label: string;
	rho: number;
	/** Customers served so far and in all. */
	done: number;
	total: number;
	/** The measured mean response time (null before the warm-up is over) and its interval. */
	W: number | null;
	ci: { low: number; high: number } | null;
	/** The formula's W; null when the queue is unstable. */
	formulaW: number | null;
}

/** The run so far against the formula, for the read-out under the charts. */
export function summary(lang: Lang, run: RunState): string {
	const formula = run.formulaW === null ? t(lang, 'queueSim.unstable') : formatNumber(run.formulaW);
	const measured =
		run.W === null
			? t(lang, 'queueSim.noMeasured', { warmup: warmupOf(run.total) })
			: run.ci
				? t(lang, 'queueSim.simulatedWithCi', {
						w: formatNumber(run.W),
						low: formatNumber(run.ci.low),
						high: formatNumber(run.ci.high)
					})
				: t(lang, 'queueSim.simulated', { w: formatNumber(run.W) });
	return t(lang, 'queueSim.summary', {
		label: run.label,
		rho: percent(run.rho),
		done: run.done,
		total: run.total,
		measured,
		formula
	});
}

/** The curve chart's description: the formula, and every finished run (with its seed and interval). */
export function curveAlt(lang: Lang, label: string, runs: SimPoint[]): string {
	if (runs.length === 0) return t(lang, 'queueSim.curveAlt', { label, n: 0 });
	const described = runs.map((r) =>
		r.low !== null && r.high !== null
			? t(lang, 'queueSim.runWithCi', {
					rho: percent(r.rho),
					seed: r.seed,
					w: formatNumber(r.W),
					low: formatNumber(r.low),
					high: formatNumber(r.high)
				})
			: t(lang, 'queueSim.run', { rho: percent(r.rho), seed: r.seed, w: formatNumber(r.W) })
	);
	return t(lang, 'queueSim.curveAltRuns', {
		label,
		n: runs.length,
		runs: described.join(t(lang, 'queueSim.listJoin'))
	});
}

/** The histogram's description: how many response times, and their mean. */
export function histogramAlt(lang: Lang, departures: number, mean: number | null): string {
	return mean === null
		? t(lang, 'queueSim.histAlt', { n: departures })
		: t(lang, 'queueSim.histAltMean', { n: departures, mean: formatNumber(mean) });
}
