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
