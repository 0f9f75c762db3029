/**
 * Coverage of the simulator's 95% batch-means intervals over seeds, against the analytic W of
 * M/M/c (Kleinrock 1975). For each load it prints how often the interval covered the true W, how
 * often the truth lay above or below it, how many runs carried a warning, and the misses without
 * one ("silent"): with the batch size chosen from the run, and with 20 fixed batches (the old
 * method) for comparison. Run: npx tsx scripts/des-coverage.ts [seeds] [customers]
 */
import { exponential } from '../src/lib/sim/distributions.ts';
import { simulateQueue } from '../src/lib/sim/des/queueSim.ts';
import { mmc } from '../src/lib/sim/queueing/mmc.ts';
import { unwrap } from '../src/lib/sim/result.ts';

const seeds = Number(process.argv[2] ?? 150);
const customers = Number(process.argv[3] ?? 20_000);
const cases: [number, number][] = [
	[0.5, 1],
	[0.7, 1],
	[0.9, 1],
	[0.95, 1],
	[0.95, 4]
];

for (const batches of [undefined, 20]) {
	console.log(
		batches === undefined ? 'batch size chosen from the run' : `${batches} fixed batches`
	);
	for (const [rho, c] of cases) {
		const W = unwrap(mmc({ lambda: rho * c, mu: 1, c })).W;
		let covered = 0;
		let above = 0;
		let below = 0;
		let warned = 0;
		let silent = 0;
		for (let seed = 1; seed <= seeds; seed++) {
			const r = unwrap(
				simulateQueue({
					classes: [
						{ interarrival: unwrap(exponential(rho * c)), service: unwrap(exponential(1)) }
					],
					servers: c,
					customers,
					batches,
					seed
				})
			);
			const ok = r.ci !== null && r.ci.low <= W && W <= r.ci.high;
			if (ok) covered++;
			else if (r.ci && W > r.ci.high) above++;
			else below++;
			if (r.ciWarning) warned++;
			else if (!ok) silent++;
		}
		console.log(
			`  M/M/${c} rho ${rho}: covered ${covered}/${seeds} (${((100 * covered) / seeds).toFixed(0)}%), ` +
				`truth above ${above}, below ${below}; warned ${warned}; silent misses ${silent}`
		);
	}
}
