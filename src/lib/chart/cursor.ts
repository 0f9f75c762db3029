/**
 * Reading a chart sample by sample: the sample nearest the pointer, and the sample a key moves
 * to, as a slider does (WAI-ARIA slider pattern: arrows step, Page Up/Down jump, Home/End ends).
 */
import type { Scale } from './scales.ts';

/** The index of the sample nearest to pixel `px`. */
export function nearestIndex(xs: number[], x: Scale, px: number): number {
	let best = 0;
	let bestDistance = Infinity;
	xs.forEach((xv, i) => {
		const distance = Math.abs(x(xv) - px);
		if (distance < bestDistance) {
			best = i;
			bestDistance = distance;
		}
	});
	return best;
}

/**
 * The index `key` moves to from `index` among `count` samples, or null if the key does not move
 * the cursor (so the caller leaves the key alone). A page is a tenth of the samples.
 */
export function indexAfterKey(key: string, index: number, count: number): number | null {
	const page = Math.max(1, Math.round(count / 10));
	const moves: Record<string, number> = {
		ArrowLeft: index - 1,
		ArrowDown: index - 1,
		ArrowRight: index + 1,
		ArrowUp: index + 1,
		PageDown: index - page,
		PageUp: index + page,
		Home: 0,
		End: count - 1
	};
	if (!(key in moves)) return null;
	return Math.min(count - 1, Math.max(0, moves[key]));
}
