/**
 * `virtlab vm --sweep PARAM=A..B[:STEPS]`: reading the range, and printing a sweep (vmm/sweep.ts)
 * as a table with the crossover marked, as CSV, or as JSON. Also the one line of page-walk
 * figures `virtlab vm` prints under its report.
 */
import {
	sweepValues,
	type Crossover,
	type SweepPoint,
	type SweepResult
} from '../../lib/emulator/vmm/sweep.ts';
import { walkReferences, type WalkStats } from '../../lib/emulator/vmm/walk-stats.ts';

const group = (n: number) => Math.round(n).toLocaleString('en-US');
const MAX_POINTS = 64;

/** `wset=4..512`, `rate=0..8:5` or `wset=16,64,256`: the parameter (upper case) and its values. */
export function parseSweep(text: string): { parameter: string; values: number[] } | string {
	const eq = text.indexOf('=');
	if (eq <= 0) return `--sweep wants PARAM=A..B[:STEPS] or PARAM=A,B,…, not '${text}'`;
	const parameter = text.slice(0, eq).trim().toUpperCase();
	const spec = text.slice(eq + 1).trim();
	const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);
	let values: number[];
	const range = /^(\d+)\.\.(\d+)(?::(\d+))?$/.exec(spec);
	if (range) {
		const [from, to] = [Number(range[1]), Number(range[2])];
		const steps = range[3] === undefined ? undefined : Number(range[3]);
		if (to < from) return `--sweep ${parameter}: the range ${spec} runs backwards`;
		if (steps !== undefined && (steps < 1 || steps > MAX_POINTS))
			return `--sweep ${parameter}: steps must be from 1 to ${MAX_POINTS}, not ${steps}`;
		values = sweepValues(from, to, steps);
	} else {
		values = spec.split(',').map(whole);
		if (values.some((v) => !Number.isSafeInteger(v)))
			return `--sweep ${parameter}: '${spec}' is not A..B[:STEPS] or a list of whole numbers`;
	}
	if (values.length > MAX_POINTS) return `--sweep: at most ${MAX_POINTS} points`;
	return { parameter, values };
}

/** `K=V,…` for `--param`: workload parameters by upper-case name. */
export function parseParams(text: string | undefined): Record<string, number> | string {
	const params: Record<string, number> = {};
	for (const pair of text ? text.split(',') : []) {
		const [key, raw] = pair.split('=');
		const v = Number(raw);
		if (!key || raw === undefined || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v))
			return `--param wants NAME=whole number, …, not '${pair}'`;
		params[key.trim().toUpperCase()] = v;
	}
	return params;
}

const HEADER = [
	'value',
	'variant',
	'guest instructions',
	'exits',
	'walk references',
	'model cycles'
];

function cells(p: SweepPoint): string[] {
	return [
		String(p.value),
		p.variant,
		String(p.guestInstructions),
		String(p.exits),
		String(p.walkReferences),
		String(p.modelCycles)
	];
}

function describeCrossover(c: Crossover, parameter: string): string {
	const name = (m: 'trap' | 'hw') => (m === 'trap' ? 'trap (shadow)' : c.variant);
	return `${c.variant}: ${name(c.before)} cheaper up to ${parameter}=${c.previous}, ${name(c.after)} from ${parameter}=${c.value}`;
}

/** The sweep as a table, one row per point and variant, the crossover marked with `<-`. */
export function formatSweep(s: SweepResult): string {
	const rows = s.points.map((p) => {
		const row = cells(p).map((c, i) => (i >= 2 ? group(Number(c)) : c));
		const mark =
			(p.variant === 'trap' || p.variant === 'hw') &&
			s.crossovers.some((c) => c.variant === 'hw' && c.value === p.value);
		return [...row, mark ? '<- crossover' : ''];
	});
	const header = [s.parameter, ...HEADER.slice(1), ''];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (r: string[]) =>
		r
			.map((c, i) => (i === 1 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
			.join('  ')
			.trimEnd();
	const out = [`${s.workload}: ${s.parameter} swept over ${s.values.join(', ')}`, line(header)];
	rows.forEach((r, i) => {
		if (i > 0 && s.points[i].value !== s.points[i - 1].value) out.push('');
		out.push(line(r));
	});
	out.push('');
	if (!s.crossover) out.push('no crossover between trap (shadow) and hw in this range');
	for (const c of s.crossovers) out.push(`crossover ${describeCrossover(c, s.parameter)}`);
	out.push('(model cycles from the cost preset, not measurements of this computer)');
	return out.join('\n') + '\n';
}

/** The sweep as CSV: a header, then one line per point and variant. */
export function sweepCsv(s: SweepResult): string {
	const header = [s.parameter.toLowerCase(), 'variant', 'guest_instructions', 'exits'];
	header.push('walk_references', 'model_cycles', 'crossover');
	const lines = s.points.map((p) => {
		const at = s.crossovers.some((c) => c.variant === 'hw' && c.value === p.value);
		return [...cells(p), at && (p.variant === 'trap' || p.variant === 'hw') ? 'yes' : ''].join(',');
	});
	return [header.join(','), ...lines].join('\n') + '\n';
}

/** The object `--sweep --json` prints. */
export function sweepJson(s: SweepResult) {
	return {
		workload: s.workload,
		parameter: s.parameter,
		values: s.values,
		variants: s.variants,
		points: s.points.map((p) => ({
			value: p.value,
			variant: p.variant,
			guestInstructions: p.guestInstructions,
			exits: p.exits,
			exitCycles: p.exitCycles,
			walk: p.walk,
			walkReferences: p.walkReferences,
			modelCycles: p.modelCycles
		})),
		crossover: s.crossover,
		crossovers: s.crossovers
	};
}

/** One line of a run's page walks: misses, references by stage, per miss, their model cycles. */
export function formatWalk(walk: WalkStats): string {
	const r = walk.references;
	const stages = (['S', 'VS', 'G'] as const)
		.filter((k) => r[k] > 0)
		.map((k) => `${k} ${group(r[k])}`)
		.join(', ');
	return (
		`TLB misses ${group(walk.misses)}  walk references ${group(walkReferences(walk))}` +
		(stages ? ` (${stages})` : '') +
		(walk.perMiss !== null ? `  per miss ${walk.perMiss.toFixed(2)}` : '') +
		`  walk cycles ${group(walk.cycles)}\n`
	);
}
