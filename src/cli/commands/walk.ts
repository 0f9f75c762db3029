/**
 * `virtlab walk [--workload NAME] [--va ADDR] [--by user|kernel] [--json]` and `virtlab walk --levels N,M [--json]`
 *
 * The page-walk visualizer's data as text. Without --levels: the course's guest kernel runs in
 * native, trap and hw mode until a user process's (or the kernel's) data access to one guest
 * virtual address has gone through (vmm/page-walk-scenario.ts), and each TLB miss of that access is printed reference
 * by reference as the hardware made it (the native table, the shadow table, the two-stage walk),
 * with the exits its faults caused. With --levels: the two-dimensional walk model
 * (mmu/two-dimensional-walk.ts) for an N-level guest table over an M-level host table, 4,4 giving
 * x86-64's 24 references. Status 0, 1 when a mode never saw the access, 2 for bad options.
 */
import type { Command } from '../main.ts';
import {
	helpText,
	parseCommandLine,
	usageError,
	wholeNumber,
	type OptionSpec
} from '../options.ts';
import { disassemble } from '../../lib/emulator/isa/disassemble.ts';
import { WORKLOADS, type WorkloadName } from '../../lib/emulator/guests/build.ts';
import type { NumberedWalk, WalkReference } from '../../lib/emulator/mmu/numbered-walk.ts';
import {
	MAX_LEVELS,
	twoDimensionalWalk,
	type ModelWalk
} from '../../lib/emulator/mmu/two-dimensional-walk.ts';
import { decodeFlags } from '../../lib/emulator/mmu/view-translation.ts';
import type { ExitRecord, ExitStep } from '../../lib/emulator/vmm/exit-trace.ts';
import {
	DEFAULT_SCENARIO_BUDGET,
	pageWalkScenario,
	type ModeWalks,
	type ScenarioMode
} from '../../lib/emulator/vmm/page-walk-scenario.ts';
import { hex } from '../../lib/widgets/machine/views/format.ts';
import { flagLetters } from '../../lib/widgets/machine/views/walk.ts';

const OPTIONS: OptionSpec[] = [
	{
		name: 'workload',
		value: 'NAME',
		description: `the workload the guest kernel runs: ${WORKLOADS.map((w) => w.name).join(', ')} (default pagetouch)`
	},
	{
		name: 'va',
		value: 'ADDR',
		description:
			'the guest virtual address to follow, 0x… or decimal (default: the first data access of a user process)'
	},
	{
		name: 'by',
		value: 'WHO',
		description: "whose accesses to follow: 'user' (a user process, the default) or 'kernel'"
	},
	{
		name: 'max-insns',
		value: 'N',
		description: `guest instructions each mode may run looking for the access (default ${DEFAULT_SCENARIO_BUDGET})`
	},
	{
		name: 'levels',
		value: 'N,M',
		description: `print the model instead: an N-level guest table over an M-level host table, each 0 to ${MAX_LEVELS} (M = 0: one dimension)`
	},
	{ name: 'json', description: 'print JSON instead of text' }
];
const HELP = helpText(
	'virtlab walk [--workload NAME] [--va ADDR] [--by user|kernel] [--json]\n       virtlab walk --levels N,M [--json]',
	'Follows one guest virtual address through the native page walk, the shadow table of\ntrap-and-emulate and the two-stage walk of the H extension, reference by reference, as the\nmachine made them; or prints the two-dimensional walk model for any N × M levels.',
	OPTIONS
);

type Options =
	| { kind: 'model'; guestLevels: number; hostLevels: number; json: boolean }
	| {
			kind: 'scenario';
			workload: WorkloadName;
			by: 'user' | 'kernel';
			va?: number;
			maxInsns: number;
			json: boolean;
	  };

function readOptions(args: string[]): Options | string | 'help' {
	const parsed = parseCommandLine(OPTIONS, args);
	if (!parsed.ok) return parsed.error;
	const line = parsed.value;
	if (line.options.has('help')) return 'help';
	if (line.positionals.length > 0) return `unexpected argument '${line.positionals[0]}'`;
	const get = (name: string) => {
		const v = line.options.get(name);
		return typeof v === 'string' ? v : undefined;
	};
	const json = line.options.has('json');
	const levels = get('levels');
	if (levels !== undefined) {
		const others = ['workload', 'va', 'by', 'max-insns'].filter((o) => line.options.has(o));
		if (others.length > 0) return `--levels prints the model: leave out --${others[0]}`;
		const parts = levels.split(',');
		if (parts.length !== 2) return `--levels wants two numbers N,M (like 4,4), not '${levels}'`;
		const [n, m] = parts.map((p) => (/^\s*\d+\s*$/.test(p) ? Number(p) : Number.NaN));
		for (const [i, v] of [n, m].entries())
			if (!(v >= 0 && v <= MAX_LEVELS))
				return `--levels: '${parts[i]}' (the ${i === 0 ? 'guest levels N' : 'host levels M'}) must be a whole number from 0 to ${MAX_LEVELS}`;
		return { kind: 'model', guestLevels: n, hostLevels: m, json };
	}
	const name = get('workload') ?? 'pagetouch';
	const workload = WORKLOADS.find((w) => w.name === name)?.name;
	if (!workload)
		return `unknown workload '${name}'; choose ${WORKLOADS.map((w) => w.name).join(', ')}`;
	const by = get('by') ?? 'user';
	if (by !== 'user' && by !== 'kernel') return `--by wants 'user' or 'kernel', not '${by}'`;
	const vaText = get('va');
	let va: number | undefined;
	if (vaText !== undefined) {
		const t = vaText.trim();
		va = /^0x[0-9a-f]{1,8}$/i.test(t) ? parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : -1;
		if (!(va >= 0 && va < 2 ** 32))
			return `--va wants an address from 0 to 0xffffffff (0x… or decimal), not '${vaText}'`;
	}
	const maxInsns = wholeNumber(
		line,
		'max-insns',
		1,
		Number.MAX_SAFE_INTEGER,
		DEFAULT_SCENARIO_BUDGET
	);
	if (typeof maxInsns !== 'number') return maxInsns.error;
	return { kind: 'scenario', workload, by, va, maxInsns, json };
}

export const command: Command = {
	summary: 'follow a guest virtual address through the native, shadow and two-stage page walks',
	async run(args) {
		const o = readOptions(args);
		if (o === 'help') {
			process.stdout.write(HELP);
			return 0;
		}
		if (typeof o === 'string') return usageError('walk', o);
		if (o.kind === 'model') {
			const model = twoDimensionalWalk(o.guestLevels, o.hostLevels);
			process.stdout.write(
				o.json ? JSON.stringify(model) + '\n' : modelLines(model).join('\n') + '\n'
			);
			return 0;
		}
		const scenario = pageWalkScenario({
			workload: o.workload,
			by: o.by,
			va: o.va,
			maxInsns: o.maxInsns
		});
		if (!scenario.ok) {
			process.stderr.write(`virtlab walk: ${o.workload}: ${scenario.error}\n`);
			return 1;
		}
		if (o.json) process.stdout.write(JSON.stringify(scenario) + '\n');
		else {
			const lines = [
				`guest virtual address ${hex(scenario.va)}: a ${scenario.access} by ${o.by === 'user' ? 'a user process' : 'the guest kernel'} of workload ${scenario.workload}${o.va === undefined ? ' (its first data access with paging on)' : ''}`,
				`  ${fieldsText(scenario.modes.find((m) => m.events.length > 0)?.events)}`
			];
			for (const mode of scenario.modes) lines.push('', ...modeLines(mode, o.maxInsns));
			process.stdout.write(lines.join('\n') + '\n');
		}
		return scenario.modes.every((m) => m.found) ? 0 : 1;
	}
};

// ---- the model ------------------------------------------------------------------------------

/** The model as text: the count and its formula, each reference in order, the grid of numbers. */
export function modelLines(model: ModelWalk): string[] {
	const { guestLevels: n, hostLevels: m, tableReferences } = model;
	const lines = [
		`${n}-level guest table over ${m === 0 ? 'no host table' : `a ${m}-level host table`}: ${tableReferences} table references on a TLB miss, then the data`,
		`  n·m + n + m = ${n}·${m} + ${n} + ${m} = ${tableReferences}`
	];
	for (const r of model.references) {
		const what =
			r.kind === 'data'
				? 'the data access'
				: r.kind === 'guest'
					? `guest level ${r.guestLevel} PTE`
					: `host level ${r.hostLevel} PTE, translating ${r.guestLevel === null ? 'the final guest physical address' : `guest level ${r.guestLevel}'s table address`}`;
		lines.push(`  ${String(r.number).padStart(3)}. ${what}`);
	}
	lines.push('', ...gridLines(n, m, model.references));
	return lines;
}

/**
 * The (n+1) × (m+1) grid of Bhargava et al.: rows the guest levels top down and the final guest
 * physical address, columns the host levels and the guest PTE (or data); each cell the number of
 * its reference, '·' for one the walk did not make.
 */
function gridLines(
	n: number,
	m: number,
	references: readonly { row: number; column: number; number: number }[]
): string[] {
	const cell = new Map(references.map((r) => [`${r.row},${r.column}`, String(r.number)]));
	const columns = [
		...Array.from({ length: m }, (_, c) => `host ${m - 1 - c}`),
		n > 0 || m > 0 ? 'guest PTE / data' : 'data'
	];
	const rows = [...Array.from({ length: n }, (_, r) => `guest level ${n - 1 - r}`), 'data address'];
	const width = Math.max(...rows.map((r) => r.length));
	const pad = (text: string, i: number) => text.padStart(columns[i].length + 2);
	return [
		`  ${''.padEnd(width)}${columns.map((c, i) => pad(c, i)).join('')}`,
		...rows.map(
			(name, r) =>
				`  ${name.padEnd(width)}${columns.map((_, i) => pad(cell.get(`${r},${i}`) ?? '·', i)).join('')}`
		)
	];
}

// ---- the scenario ---------------------------------------------------------------------------

const MODE_TITLES: Record<ScenarioMode, string> = {
	native: 'native: the hardware walks the guest’s own Sv32 table',
	trap: 'trap: the hardware walks the monitor’s shadow table, which the monitor fills on hidden page faults',
	hw: 'hw: the two-stage walk, the guest’s VS-stage table over the monitor’s G-stage table'
};

function modeLines(mode: ModeWalks, budget: number): string[] {
	const lines = [MODE_TITLES[mode.mode]];
	for (const e of mode.events) {
		if (e.kind === 'exit') lines.push(...exitLines(e.exit));
		else {
			const w = e.walk;
			lines.push(
				`  TLB miss at guest instruction ${group(e.guestInstructions)}: ${plural(w.references.filter((r) => r.kind !== 'data').length, 'table reference')}, ${outcomeText(w)}${e.traceAgrees ? '' : '  (THE HART’S TRACE DIFFERS)'}`
			);
			for (const r of w.references) lines.push(referenceLine(r));
			if (w.hostLevels > 0 && w.outcome.ok)
				lines.push(...gridLines(w.guestLevels, w.hostLevels, w.references).map((l) => '   ' + l));
		}
	}
	if (!mode.found)
		lines.push(`  the access did not go through within ${group(budget)} guest instructions`);
	return lines;
}

function outcomeText(w: NumberedWalk): string {
	const o = w.outcome;
	if (o.ok)
		return `then the data at physical ${hex(o.pa)}${o.gpa !== undefined ? ` (guest physical ${hex(o.gpa)})` : ''}`;
	return `then ${o.causeName} (cause ${o.cause})${o.gpa !== undefined ? ` at guest physical ${hex(o.gpa)}` : ''}`;
}

const PURPOSE: Record<NonNullable<WalkReference['purpose']>, string> = {
	'vs-pte': 'a VS-stage PTE’s address',
	'vs-pte-write': 'the VS-stage leaf again, to write its A/D bits',
	data: 'the data’s address'
};

function referenceLine(r: WalkReference): string {
	const number = `    ${String(r.number).padStart(2)}.`;
	const field = `${r.indexedBy.field.name} ${hexShort(r.indexedBy.field.value)} of ${r.indexedBy.address === 'va' ? 'the va' : `gpa ${hex(r.indexedBy.value)}`}`;
	if (r.kind === 'data') return `${number} data       at ${hex(r.address)}  ${field}`;
	const pte = r.pte!;
	const at =
		r.physical !== r.address ? `${hex(r.address)} (physical ${hex(r.physical)})` : hex(r.address);
	const why = r.purpose ? `, translating ${PURPOSE[r.purpose]}` : '';
	return `${number} ${`${r.stage} level ${r.level}`.padEnd(11)}PTE at ${at} = ${hex(pte.raw)} ${flagLetters(pte.flags)} ${pte.kind}  ${field}${why}`;
}

function exitLines(e: ExitRecord): string[] {
	return [
		`  exit #${e.seq} ${e.reason} at guest pc ${hex(e.guestPc)}, ${group(e.modelCycles)} model cycles:`,
		...e.steps.map((s) => `       ${stepText(s)}`)
	];
}

function stepText(s: ExitStep): string {
	switch (s.kind) {
		case 'readGuestTable':
			return `read the guest's level ${s.level} PTE at guest physical ${hex(s.gpa)} = ${hex(s.pte)} ${flagLetters(decodeFlags(s.pte))}`;
		case 'installEntry':
			return `install a ${s.table} entry, level ${s.level}, for ${hex(s.address)}: ${hex(s.pte)} ${flagLetters(decodeFlags(s.pte))}`;
		case 'writeState':
			return `write ${s.name}: ${hex(s.before)} → ${hex(s.after)}`;
		case 'readState':
			return `read ${s.name} = ${hex(s.value)}`;
		case 'dropEntries':
			return `drop ${s.count} ${s.table} entries (${s.why})`;
		case 'decode':
			return `decode ${disassemble(s.instruction).replace(/\t/g, ' ')}`;
		case 'inject':
			return `inject ${s.what}`;
		case 'device':
			return `${s.device}+${s.offset} ${s.write ? 'write' : 'read'} ${hex(s.value)}`;
		case 'firmware':
			return `firmware ${s.call}`;
		case 'idle':
			return `idle ${group(s.cycles)} cycles`;
	}
}

function fieldsText(events: ModeWalks['events'] | undefined): string {
	const walk = events?.find((e) => e.kind === 'walk');
	if (!walk || walk.kind !== 'walk') return '';
	return walk.walk.fields
		.map((f) => `${f.name} ${hexShort(f.value)} (bits ${f.high}:${f.low})`)
		.join('  ');
}

const hexShort = (v: number) => `0x${v.toString(16)}`;
const group = (n: number) => Math.round(n).toLocaleString('en-US');
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
