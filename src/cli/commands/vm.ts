/**
 * `virtlab vm --workload NAME | --kernel FILE.elf --mode native|trap|pv|hw [options]`
 *
 * Runs a guest kernel under the hypervisor in one mode, or in all of them with --compare, and
 * reports its VM exits as `perf kvm stat report` does, in model cycles. The guest's console goes
 * to stdout; the exit status is the guest's (SBI shutdown or test finisher), 124 when the budget
 * ran out, 125 when the run stopped with an error.
 *
 * `--sweep PARAM=A..B[:STEPS]` steps a workload parameter instead and runs trap mode (shadow
 * paging) and hw mode (two-stage; also with G-stage megapages and with the walk cache) at each
 * point, printing model cycles per point with the crossover marked (vmm/sweep.ts).
 */
import type { Command } from '../main.ts';
import {
	helpText,
	parseCommandLine,
	usageError,
	wholeNumber,
	type OptionSpec
} from '../options.ts';
import { readUserFile } from '../files.ts';
import { COST_PRESETS, costPreset, type CostModel } from '../../lib/emulator/vmm/cost.ts';
import { VM_MODES, runVm, type VmRun } from '../../lib/emulator/vmm/vm.ts';
import type { VmMode } from '../../lib/emulator/vmm/exit-trace.ts';
import type { KernelImage } from '../../lib/emulator/vmm/guest-memory.ts';
import { runJson } from '../../lib/emulator/vmm/report.ts';
import {
	DEFAULT_SHADOW_SYNC,
	SHADOW_SYNCS,
	type ShadowSync
} from '../../lib/emulator/vmm/shadow-paging.ts';
import { formatComparison, formatExit, formatReport } from '../vm/format.ts';
import { guestKernel, guestSourceLines, workloadNames } from '../vm/guests.ts';
import { vmBench } from '../vm/bench.ts';
import { runSweep } from '../../lib/emulator/vmm/sweep.ts';
import type { WorkloadName } from '../../lib/emulator/guests/build.ts';
import {
	formatSweep,
	formatWalk,
	parseParams,
	parseSweep,
	sweepCsv,
	sweepJson
} from '../vm/sweep.ts';

const GUEST_KERNEL_MIN_MIB = 16;

const OPTIONS: OptionSpec[] = [
	{
		name: 'workload',
		value: 'NAME',
		description: `the course's guest kernel running a workload: ${workloadNames().join(', ')}`
	},
	{
		name: 'kernel',
		value: 'FILE',
		description: 'an unmodified RV32 S-mode kernel ELF (QEMU virt boot convention)'
	},
	{
		name: 'mode',
		value: 'MODE',
		description: 'native, trap (trap-and-emulate), pv (paravirtual) or hw (hardware-assisted)'
	},
	{
		name: 'compare',
		description: 'run every mode (native, trap, hw for --kernel) and print them side by side'
	},
	{
		name: 'cost',
		value: 'PRESET',
		description: `cost preset: ${COST_PRESETS.map((p) => p.id).join(', ')} (default core2)`
	},
	{
		name: 'cost-set',
		value: 'K=V,…',
		description: 'change cost constants, e.g. vmExitRoundTrip=3000,stateRead=100'
	},
	{
		name: 'mem',
		value: 'MiB',
		description: 'guest RAM, a multiple of 4 from 4 to 2040 (default 128)'
	},
	{
		name: 'max-insns',
		value: 'N',
		description: 'budget: guest instructions, traps and exits (default 1000000000)'
	},
	{
		name: 'no-batching',
		description:
			'the paravirtual kernel sends each page-table update in its own hypercall (pv runs only)'
	},
	{ name: 'trace', value: 'exits', description: 'print one line per exit to stderr' },
	{
		name: 'shadow-sync',
		value: 'HOW',
		description: `how trap mode keeps its shadow page tables in sync: ${SHADOW_SYNCS.join(', ')} (default ${DEFAULT_SHADOW_SYNC})`
	},
	{
		name: 'tlb-entries',
		value: 'N',
		description: 'entries of the TLB, a power of two (default 64; direct-mapped)'
	},
	{
		name: 'no-tlb-tags',
		description: 'a TLB without ASID and VMID tags: every address-space switch flushes it'
	},
	{
		name: 'walk-cache',
		value: 'N',
		description:
			'a G-stage walk cache of N entries, a power of two (default none; with --sweep, 16 for hw+walk-cache)'
	},
	{ name: 'g-megapages', description: 'hw mode maps guest RAM with 4 MiB G-stage megapages' },
	{
		name: 'sweep',
		value: 'P=A..B[:S]',
		description:
			'step workload parameter P (wset: WSET, ptrate: RATE, …) from A to B (doubling, or S even steps; or A,B,…) in trap and hw modes'
	},
	{
		name: 'param',
		value: 'K=V,…',
		description: "fix the workload's other parameters for --sweep, e.g. ROUNDS=100"
	},
	{ name: 'csv', description: 'with --sweep: print CSV instead of the table' },
	{
		name: 'non-virtualizable',
		description: 'break Popek and Goldberg on purpose: one sensitive instruction stops trapping'
	},
	{ name: 'json', description: 'print one JSON object per run instead of the report' }
];
const HELP = helpText(
	'virtlab vm (--workload NAME | --kernel FILE) (--mode MODE | --compare) [options]\n       virtlab vm bench',
	'Runs a guest kernel under the hypervisor and reports its VM exits in model cycles;\n`vm bench` measures the hypervisor speed on this computer.',
	OPTIONS
);

interface Options {
	modes: VmMode[];
	kernel: KernelImage;
	what: { workload?: string; kernel?: string };
	cost: CostModel;
	ramSize: number;
	maxInsns: number;
	trace: boolean;
	json: boolean;
	nonVirtualizable: boolean;
	compare: boolean;
	/** False with --no-batching: the pv kernel's PTE updates go out one hypercall each. */
	batching: boolean;
	/** --shadow-sync: trap mode's shadow synchronisation, when chosen. */
	shadowSync?: ShadowSync;
	tlb: { tlbEntries?: number; tlbTags?: boolean; walkCacheEntries?: number };
	gStageMegapages: boolean;
	sweep?: { parameter: string; values: number[]; params: Record<string, number>; csv: boolean };
}

const COST_KEYS = Object.keys(COST_PRESETS[0]).filter(
	(k) => typeof (COST_PRESETS[0] as never)[k] === 'number'
);

function readCost(preset: string | undefined, set: string | undefined): CostModel | string {
	const base = costPreset(preset ?? 'core2');
	if (!base)
		return `unknown cost preset '${preset}'; choose ${COST_PRESETS.map((p) => p.id).join(', ')}`;
	const model: CostModel = { ...base };
	for (const pair of set ? set.split(',') : []) {
		const [key, raw] = pair.split('=');
		if (!COST_KEYS.includes(key))
			return `--cost-set: unknown constant '${key}'; choose ${COST_KEYS.join(', ')}`;
		const v = Number(raw);
		if (raw === undefined || raw.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1e9)
			return `--cost-set: ${key} wants a number from 0 to 1e9, not '${raw ?? ''}'`;
		(model as unknown as Record<string, number>)[key] = v;
	}
	return model;
}

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
	const workload = get('workload');
	const kernelFile = get('kernel');
	if ((workload === undefined) === (kernelFile === undefined))
		return 'give either --workload NAME or --kernel FILE';
	const compare = line.options.has('compare');
	const mode = get('mode');
	const sweepText = get('sweep');
	let sweep: Options['sweep'];
	if (sweepText !== undefined) {
		if (workload === undefined) return '--sweep steps a workload parameter: use --workload';
		if (compare || mode)
			return '--sweep runs trap and hw modes itself: leave out --mode and --compare';
		const parsed = parseSweep(sweepText);
		if (typeof parsed === 'string') return parsed;
		const params = parseParams(get('param'));
		if (typeof params === 'string') return params;
		sweep = { ...parsed, params, csv: line.options.has('csv') };
	} else if (line.options.has('param') || line.options.has('csv'))
		return '--param and --csv go with --sweep';
	if (compare && mode) return '--compare runs every mode: leave out --mode';
	if (!compare && !mode && !sweep) return 'which mode? --mode native|trap|pv|hw, or --compare';
	if (mode && !VM_MODES.includes(mode as VmMode))
		return `unknown mode '${mode}'; choose ${VM_MODES.join(', ')}`;
	if (kernelFile && mode === 'pv')
		return 'pv mode needs a paravirtualized guest: use --workload (an unmodified --kernel runs in native, trap or hw)';
	// Only the paravirtual kernel batches (kernel/pv.s); with --compare only its run changes.
	const batching = !line.options.has('no-batching');
	if (!batching && (kernelFile !== undefined || (!compare && mode !== 'pv')))
		return '--no-batching changes the paravirtual kernel: use it with --workload and --mode pv or --compare';
	// Only trap mode has shadow tables; with --compare only its run changes.
	const shadowSync = get('shadow-sync') as ShadowSync | undefined;
	if (shadowSync !== undefined && !SHADOW_SYNCS.includes(shadowSync))
		return `unknown --shadow-sync '${shadowSync}'; choose ${SHADOW_SYNCS.join(', ')}`;
	if (shadowSync !== undefined && !compare && !sweep && mode !== 'trap')
		return '--shadow-sync changes how trap mode keeps its shadow page tables: use it with --mode trap or --compare';
	const cost = readCost(get('cost'), get('cost-set'));
	if (typeof cost === 'string') return cost;
	const mem = wholeNumber(line, 'mem', 4, 2040, 128);
	if (typeof mem !== 'number') return mem.error;
	if (mem % 4 !== 0) return `--mem wants a multiple of 4 MiB, not ${mem}`;
	// The course's kernel keeps its page pool in the first 8 MiB and the device tree above it.
	if (workload !== undefined && mem < GUEST_KERNEL_MIN_MIB)
		return `the course's guest kernel needs --mem ${GUEST_KERNEL_MIN_MIB} or more, not ${mem}`;
	const maxInsns = wholeNumber(line, 'max-insns', 1, Number.MAX_SAFE_INTEGER, 1e9);
	if (typeof maxInsns !== 'number') return maxInsns.error;
	const trace = get('trace');
	if (trace !== undefined && trace !== 'exits') return `--trace wants 'exits', not '${trace}'`;
	const powerOfTwo = (name: string, min: number) => {
		if (!line.options.has(name)) return undefined;
		const v = wholeNumber(line, name, min, 65536, 0);
		if (typeof v !== 'number') return v.error;
		return v === 0 || (v & (v - 1)) === 0 ? v : `--${name} wants a power of two, not ${v}`;
	};
	const tlbEntries = powerOfTwo('tlb-entries', 1);
	if (typeof tlbEntries === 'string') return tlbEntries;
	const walkCacheEntries = powerOfTwo('walk-cache', 0);
	if (typeof walkCacheEntries === 'string') return walkCacheEntries;
	let kernel: KernelImage;
	if (kernelFile) {
		const read = readUserFile(kernelFile);
		if (!read.ok) return read.error;
		const b = read.bytes;
		if (!(b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46))
			return `${kernelFile}: not an ELF file (a kernel is an RV32 ELF executable)`;
		kernel = { elf: b };
	} else {
		const built = guestKernel(workload!, false);
		if (typeof built === 'string') return built;
		kernel = built;
	}
	const modes: VmMode[] = compare
		? kernelFile
			? ['native', 'trap', 'hw']
			: [...VM_MODES]
		: [mode as VmMode];
	return {
		modes,
		kernel,
		what: kernelFile ? { kernel: kernelFile } : { workload },
		cost,
		ramSize: mem << 20,
		maxInsns,
		trace: trace === 'exits',
		json: line.options.has('json'),
		nonVirtualizable: line.options.has('non-virtualizable'),
		compare,
		batching,
		shadowSync,
		tlb: {
			tlbEntries,
			tlbTags: line.options.has('no-tlb-tags') ? false : undefined,
			walkCacheEntries
		},
		gStageMegapages: line.options.has('g-megapages'),
		sweep
	};
}

/** `--sweep`: the table, CSV or JSON; exit status 0, or 125 when a point fails. */
function sweepCommand(o: Options): number {
	const s = o.sweep!;
	const result = runSweep({
		workload: o.what.workload as WorkloadName,
		parameter: s.parameter,
		values: s.values,
		params: s.params,
		shadowSync: o.shadowSync,
		cost: o.cost,
		ramSize: o.ramSize,
		maxInsns: o.maxInsns,
		...o.tlb
	});
	if (!result.ok) {
		process.stderr.write(`virtlab vm: --sweep: ${result.error}
`);
		return STATUS_ERROR;
	}
	if (o.json) process.stdout.write(JSON.stringify(sweepJson(result.sweep)) + '\n');
	else process.stdout.write(s.csv ? sweepCsv(result.sweep) : formatSweep(result.sweep));
	return 0;
}

const STATUS_BUDGET = 124;
const STATUS_ERROR = 125;

export const command: Command = {
	summary: 'run a guest kernel under the hypervisor (native, trap, pv, hw) and report its VM exits',
	async run(args) {
		if (args[0] === 'bench') {
			if (args.length > 1) return usageError('vm', `'vm bench' takes no options, got '${args[1]}'`);
			return vmBench(VM_MODES);
		}
		const o = readOptions(args);
		if (o === 'help') {
			process.stdout.write(HELP);
			return 0;
		}
		if (typeof o === 'string') return usageError('vm', o);
		if (o.sweep) return sweepCommand(o);
		const runs: VmRun[] = [];
		for (const mode of o.modes) {
			const kernel =
				mode === 'pv' && o.what.workload
					? guestKernel(o.what.workload, true, 1, o.batching)
					: o.kernel;
			if (typeof kernel === 'string') return usageError('vm', kernel);
			const stream = !o.json && !o.compare;
			const sourceAt =
				o.trace && o.what.workload
					? guestSourceLines(o.what.workload, mode === 'pv', o.batching)
					: undefined;
			const result = runVm({
				clock: () => performance.now(),
				mode,
				kernel,
				ramSize: o.ramSize,
				maxInsns: o.maxInsns,
				cost: o.cost,
				nonVirtualizable: o.nonVirtualizable,
				shadowSync: mode === 'trap' ? o.shadowSync : undefined,
				...o.tlb,
				gStageMegapages: o.gStageMegapages,
				consoleOut: stream ? (b) => process.stdout.write(Uint8Array.of(b)) : undefined,
				onExit: o.trace ? (e) => process.stderr.write(formatExit(e, sourceAt) + '\n') : undefined
			});
			if (!result.ok) {
				process.stderr.write(`virtlab vm: ${o.what.kernel ?? o.what.workload}: ${result.error}\n`);
				return 2;
			}
			runs.push(result.run);
			// The report says when the pv kernel ran without batching: its counts depend on it.
			const unbatched = mode === 'pv' && !o.batching;
			const what = unbatched ? { ...o.what, batching: false } : o.what;
			// A trap-mode report says how its shadows were kept in sync: its counts depend on it.
			const synced = mode === 'trap' ? (o.shadowSync ?? DEFAULT_SHADOW_SYNC) : undefined;
			const title =
				(o.what.kernel ?? o.what.workload!) +
				(synced && o.shadowSync ? ` (shadow tables: ${synced})` : '');
			if (o.json)
				process.stdout.write(
					JSON.stringify({ ...runJson(result.run, what), ...(synced && { shadowSync: synced }) }) +
						'\n'
				);
			else if (!o.compare)
				process.stdout.write(
					formatReport(result.run, unbatched ? `${title} (pv kernel without batching)` : title) +
						formatWalk(result.run.walk)
				);
		}
		if (o.compare && !o.json) {
			const outputs = new Set(runs.map((r) => new TextDecoder().decode(r.output)));
			const [first] = outputs;
			process.stdout.write(first);
			process.stdout.write(
				outputs.size === 1
					? `\n(the guest printed the same ${runs[0].output.length} bytes in every mode)\n`
					: `\nWARNING: the guest's output differs between modes (${[...outputs].length} different outputs)\n`
			);
			process.stdout.write(formatComparison(runs));
			for (const r of runs) process.stdout.write(`${r.mode.padEnd(6)}  ${formatWalk(r.walk)}`);
			if (!o.batching) process.stdout.write('(the pv kernel ran without batching)\n');
			if (o.shadowSync)
				process.stdout.write(`(trap mode kept its shadow tables in sync by ${o.shadowSync})\n`);
		}
		const worst = runs.find((r) => r.outcome.kind !== 'exit') ?? runs[0];
		if (worst.outcome.kind === 'budget') return STATUS_BUDGET;
		if (worst.outcome.kind === 'error') {
			process.stderr.write(`virtlab vm: ${worst.mode}: ${worst.outcome.message}\n`);
			return STATUS_ERROR;
		}
		return worst.outcome.exitCode;
	}
};
