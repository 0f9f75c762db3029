/**
 * Models driven by a JSON configuration file: sched, memory, placement. The file is read here
 * (the engines never touch the file system) and validated by the engine, which names the field
 * at fault.
 */
import { readFile } from 'node:fs/promises';
import { runMemory, type MemoryResult } from '../../lib/sim/memory/simulate.ts';
import { runPlacement, type PlacementResult } from '../../lib/sim/placement/placement.ts';
import { ok, type Result } from '../../lib/sim/result.ts';
import { runSched, type SchedResult } from '../../lib/sim/sched/simulate.ts';
import { formatGrid, formatNumber } from './format.ts';
import type { ModelOutput, ModelSpec } from './spec.ts';

async function readConfig(path: string): Promise<Result<unknown>> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e);
		return { ok: false, error: { param: 'config', message: `--config ${path}: ${reason}` } };
	}
	try {
		return ok(JSON.parse(text));
	} catch (e) {
		// A RangeError is the parser running out of stack or memory, not a syntax error.
		const reason =
			e instanceof RangeError
				? `too large or too deeply nested to read (${e.message})`
				: `not valid JSON (${(e as Error).message})`;
		return { ok: false, error: { param: 'config', message: `--config ${path}: ${reason}` } };
	}
}

const configParam = {
	name: 'config',
	description: 'JSON configuration file',
	kind: 'string'
} as const;

const ms = (x: number | null): string => (x === null ? '-' : formatNumber(x));

function schedText(r: SchedResult): string {
	// Nice levels exist under CFS only (Linux threads); the other policies would show zeros.
	const nice = r.policy === 'cfs';
	const head =
		`vCPU scheduling: policy ${r.policy}, ${r.pcpus} pCPUs, ${formatNumber(r.durationMs)} ms ` +
		`(steps of ${r.resolutionUs} us)\n`;
	const grid = formatGrid(
		[
			'VM',
			'vCPUs',
			'weight',
			...(nice ? ['nice'] : []),
			'cap%',
			'workload',
			'CPUs used',
			'entitled',
			'fair share',
			'steal%',
			'capped%',
			'wake p95 ms',
			'req p50/p95/p99 ms',
			'spin ms',
			'lost to LHP ms'
		],
		r.vms.map((v) => [
			v.name,
			v.vcpus,
			v.weight,
			...(nice ? [v.nice] : []),
			v.cap,
			v.workload,
			v.cpus,
			v.entitlement,
			v.fairShare,
			v.stealPercent,
			v.cappedPercent,
			ms(v.wakeLatency.p95Ms),
			v.requests ? `${ms(v.requests.p50Ms)}/${ms(v.requests.p95Ms)}/${ms(v.requests.p99Ms)}` : '-',
			v.spinMs,
			v.spinLostMs
		])
	);
	const tail =
		`Jain's fairness (CPUs used / fair share): ${formatNumber(r.jain)}\n` +
		`pCPU utilization: ${formatNumber(r.utilization)}; mean runnable vCPUs: ${formatNumber(r.meanRunnable)}; idle while a vCPU waited: ${formatNumber(r.idleWhileWaitingMs)} ms; ` +
		`context switches: ${formatNumber(r.contextSwitches)}\n` +
		`Gantt trace: ${r.gantt.segments.length} segments from ${r.gantt.fromMs} to ${r.gantt.toMs} ms (in --json)\n`;
	return head + grid + tail + asciiGantt(r);
}

/**
 * The Gantt trace as text: one row per pCPU, one column per time cell (at most 100), the letter
 * of the VM running at the middle of the cell (lower case while spinning), '.' when idle.
 */
export function asciiGantt(r: SchedResult): string {
	const { fromMs, toMs, segments } = r.gantt;
	const columns = Math.min(100, Math.max(1, Math.round(toMs - fromMs)));
	const cell = (toMs - fromMs) / columns;
	const letter = (vm: number): string => String.fromCharCode(65 + (vm % 26));
	const rows: string[] = [];
	for (let p = 0; p < r.pcpus; p++) {
		const mine = segments.filter((s) => s.pcpu === p);
		let row = '';
		for (let col = 0; col < columns; col++) {
			const t = fromMs + (col + 0.5) * cell;
			const s = mine.find((x) => x.startMs <= t && t < x.endMs);
			row += s ? (s.spinning ? letter(s.vm).toLowerCase() : letter(s.vm)) : '.';
		}
		rows.push(`pCPU ${String(p).padEnd(3)} ${row}`);
	}
	const legend = r.vms.map((vm, i) => `${letter(i)} = ${vm.name}`).join(', ');
	return (
		`Gantt ${formatNumber(fromMs)}–${formatNumber(toMs)} ms, ${formatNumber(cell)} ms per column ` +
		`(${legend}; lower case = spinning, . = idle):\n${rows.join('\n')}\n`
	);
}

function memoryText(r: MemoryResult): string {
	const device =
		r.swapDeviceCapacityPerSecond === null
			? 'swap-ins are instant (latency 0)'
			: `the swap device serves at most ${formatNumber(r.swapDeviceCapacityPerSecond)} swap-ins/s ` +
				`(one at a time); VMs that ask for more wait, and slow down`;
	const head =
		`memory overcommit (model): page sharing scans ${formatNumber(r.scanPagesPerSecond)} pages/s ` +
		`(${formatNumber(r.scanMBPerSecond)} MiB/s of ${r.pageSizeKB} KiB pages); ${device}\n`;
	const rows = r.series
		.filter(
			(_, i) => i % Math.max(1, Math.ceil(r.series.length / 12)) === 0 || i === r.series.length - 1
		)
		.map((s) => [
			s.t,
			s.demandMB,
			s.usedMB,
			s.sharedMB,
			s.balloonMB,
			s.swappedMB,
			s.swapInsPerSecond,
			s.swapDeviceUtilization
		]);
	const series = formatGrid(
		[
			't s',
			'demand MiB',
			'used MiB',
			'shared MiB',
			'balloon MiB',
			'swapped MiB',
			'swap-ins/s',
			'device busy'
		],
		rows
	);
	const vms = formatGrid(
		[
			'VM',
			'memory MiB',
			'shares',
			'swap-ins',
			'mean slowdown',
			'max slowdown',
			'final balloon MiB',
			'final swapped MiB'
		],
		r.vms.map((v) => [
			v.name,
			v.memoryMB,
			v.shares,
			Math.round(v.swapIns),
			v.meanSlowdown,
			v.maxSlowdown,
			v.final.balloonMB,
			v.final.swappedMB
		])
	);
	return head + series + '\n' + vms;
}

function placementText(r: PlacementResult): string {
	const head = `VM placement: ${r.vms.length} VMs; no placement can use fewer than ${r.lowerBound} hosts\n`;
	return (
		head +
		formatGrid(
			[
				'algorithm',
				'hosts',
				'VMs/host',
				'CPU util',
				'memory util',
				'P(overload)',
				'95% CI (Wilson)',
				'unplaced'
			],
			r.results.map((a) => [
				a.algorithm,
				a.hostsUsed,
				a.consolidationRatio,
				a.cpuUtilization,
				a.memoryUtilization,
				a.overload.anyHost,
				`[${formatNumber(a.overload.anyHostCi[0])}, ${formatNumber(a.overload.anyHostCi[1])}]`,
				a.unplaced.length
			])
		)
	);
}

function configModel<T>(
	name: string,
	summary: string,
	run: (config: unknown) => Result<T>,
	text: (r: T) => string
): ModelSpec {
	return {
		name,
		summary,
		params: [configParam],
		async run(v): Promise<Result<ModelOutput>> {
			const config = await readConfig(v.config as string);
			if (!config.ok) return config;
			const r = run(config.value);
			if (!r.ok) {
				return {
					ok: false,
					error: { param: r.error.param, message: `${v.config}: ${r.error.message}` }
				};
			}
			return ok({ json: r.value, text: text(r.value) });
		}
	};
}

export const configModels: ModelSpec[] = [
	configModel(
		'sched',
		'vCPU scheduling on pCPUs (rr, credit, credit2, cfs, co-scheduling); see examples/models/sched.json',
		runSched,
		schedText
	),
	configModel(
		'memory',
		'memory overcommit: ballooning, page sharing, host swapping, idle memory tax; see examples/models/memory.json',
		runMemory,
		memoryText
	),
	configModel(
		'placement',
		'VM placement by first/best/worst fit (decreasing) and overload risk; see examples/models/placement.json',
		runPlacement,
		placementText
	)
];
