/** The x values a plot samples: known without mathjs, so a plot can be drawn before it loads. */

/** Evenly spaced samples from `from` to `to`; geometric spacing for a log axis. */
export function samples(from: number, to: number, points: number, log = false): number[] {
	const xs: number[] = [];
	for (let i = 0; i < points; i++) {
		const t = points === 1 ? 0 : i / (points - 1);
		xs.push(log ? from * Math.pow(to / from, t) : from + (to - from) * t);
	}
	return xs;
}

/**
 * At most this many samples are swept while a slider moves (`coarseSamples`): few enough that a
 * lesson with several re-swept plots redraws within one frame (scripts/latency.js measured why
 * virtualize at p95 22 ms with 31 samples, 15 ms with 16, on two cores), enough to show the shape.
 */
export const COARSE_POINTS = 16;

/**
 * Every k-th sample, the first and the last always among them, so that at most `most` remain: what
 * a plot sweeps while a slider is being dragged, to keep up with it. The full set follows when the
 * slider rests (Notebook.sliding); the coarse curve has the same ends and passes through the same
 * points as the full one wherever it has a sample.
 */
export function coarseSamples(xs: number[], most = COARSE_POINTS): number[] {
	if (xs.length <= most) return xs;
	const k = Math.ceil((xs.length - 1) / (most - 1));
	const out = xs.filter((_, i) => i % k === 0);
	if (out.at(-1) !== xs.at(-1)) out.push(xs.at(-1)!);
	return out;
}
