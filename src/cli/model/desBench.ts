/**
 * `virtlab model bench`: events per second of the discrete-event engine, by wall clock and by CPU
 * second, and the cost of redrawing the analytic response-time curves. Wall-clock timing lives
 * here, in the CLI, never in the engine.
 */
import type { QueueSimConfig } from '../../lib/sim/des/queueSim.ts';
import { md1 } from '../../lib/sim/queueing/md1.ts';
import { mg1 } from '../../lib/sim/queueing/mg1.ts';
import { mm1 } from '../../lib/sim/queueing/mm1.ts';
import { mmc } from '../../lib/sim/queueing/mmc.ts';
import { ok, unwrap, type Result } from '../../lib/sim/result.ts';
import { formatNumber } from './format.ts';
import { mmcConfig, runTimed } from './desRun.ts';
import type { ModelOutput } from './spec.ts';

/** Times one redraw of a response-time explorer: every model at `points` utilizations. */
function benchCurves(points = 500): {
	points: number;
	milliseconds: number;
	cpuMilliseconds: number;
} {
	let sink = 0;
	const once = (): void => {
		for (let i = 1; i <= points; i++) {
			const rho = (0.99 * i) / points;
			const a = mm1({ lambda: rho, mu: 1 });
			const b = mmc({ lambda: 16 * rho, mu: 1, c: 16 });
			const c = md1({ lambda: rho, mu: 1 });
			const d = mg1({ lambda: rho, es: 1, es2: 5 });
			if (a.ok && b.ok && c.ok && d.ok) sink += a.value.W + b.value.W + c.value.W + d.value.W;
		}
	};
	once(); // warm up the JIT
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	const repeats = 20;
	for (let r = 0; r < repeats; r++) once();
	const milliseconds = (performance.now() - start) / repeats;
	const cpu = process.cpuUsage(cpuStart);
	const cpuMilliseconds = (cpu.user + cpu.system) / 1000 / repeats;
	if (!Number.isFinite(sink)) throw new Error('unreachable: formulas returned a non-finite W');
	return { points, milliseconds, cpuMilliseconds };
}

/** Times the engine on M/M/1 and M/M/8 at rho 0.9 with `customers` each, then the analytic curves. */
export function runBench(customers: number): Result<ModelOutput> {
	const cases = [
		{ label: 'M/M/1 rho 0.9', input: { lambda: 0.9, mu: 1, c: 1 } },
		{ label: 'M/M/8 rho 0.9', input: { lambda: 7.2, mu: 1, c: 8 } }
	];
	// Both runs are validated before the first starts: a bad --customers is an error at once.
	const configs: QueueSimConfig[] = [];
	for (const { input } of cases) {
		const config = mmcConfig({ ...input, customers, seed: 7 });
		if (!config.ok) return config;
		configs.push(config.value);
	}
	// One short run first so the JIT has compiled the hot loop before we time it. Its
	// configuration is fixed and valid, so unwrap cannot throw here.
	const warmUp = { lambda: 0.9, mu: 1, c: 1, customers: 100_000, seed: 1 };
	unwrap(runTimed(unwrap(mmcConfig(warmUp))));
	const runs = cases.map(({ label }, i) => {
		const { result, seconds, cpuSeconds } = unwrap(runTimed(configs[i]));
		return {
			model: label,
			customers,
			events: result.events,
			seconds,
			eventsPerSecond: Math.round(result.events / seconds),
			cpuSeconds,
			eventsPerCpuSecond: Math.round(result.events / cpuSeconds)
		};
	});
	const curves = benchCurves();
	const text =
		runs
			.map(
				(r) =>
					`${r.model}: ${formatNumber(r.events)} events in ${r.seconds.toFixed(3)} s = ` +
					`${(r.eventsPerSecond / 1e6).toFixed(2)} million events/s ` +
					`(${(r.eventsPerCpuSecond / 1e6).toFixed(2)} million per CPU second)`
			)
			.join('\n') +
		`\nanalytic curves: ${curves.points} points each of M/M/1, M/M/16, M/D/1 and M/G/1 in ` +
		`${curves.milliseconds.toFixed(2)} ms (${curves.cpuMilliseconds.toFixed(2)} ms of CPU; ` +
		`an animation frame is 16.7 ms)\n`;
	return ok({ json: { runs, curves }, text });
}
