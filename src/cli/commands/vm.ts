/**
 * `virtlab vm --workload NAME | --kernel FILE.elf --mode native|trap|pv|hw [options]`
 *
 * Runs a guest kernel under the hypervisor in one mode, or in all of them with --compare, and
 * reports its VM exits as `perf kvm stat report` does, in model cycles. The guest's console goes
 * to stdout; the exit status is the guest's (SBI shutdown or test finisher), 124 when the budget
 * ran out, 125 when the run stopped with an error.
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
import { formatComparison, formatExit, formatReport } from '../vm/format.ts';
import { guestKernel, guestSourceLines, workloadNames } from '../vm/guests.ts';
import { vmBench } from '../vm/bench.ts';

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
	if (compare && mode) return '--compare runs every mode: leave out --mode';
	if (!compare && !mode) return 'which mode? --mode native|trap|pv|hw, or --compare';
	if (mode && !VM_MODES.includes(mode as VmMode))
		return `unknown mode '${mode}'; choose ${VM_MODES.join(', ')}`;
	if (kernelFile && mode === 'pv')
		return 'pv mode needs a paravirtualized guest: use --workload (an unmodified --kernel runs in native, trap or hw)';
	// Only the paravirtual kernel batches (kernel/pv.s); with --compare only its run changes.
	const batching = !line.options.has('no-batching');
	if (!batching && (kernelFile !== undefined || (!compare && mode !== 'pv')))
		return '--no-batching changes the paravirtual kernel: use it with --workload and --mode pv or --compare';
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
		batching
	};
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
			const title = o.what.kernel ?? o.what.workload!;
			if (o.json) process.stdout.write(JSON.stringify(runJson(result.run, what)) + '\n');
			else if (!o.compare)
				process.stdout.write(
					formatReport(result.run, unbatched ? `${title} (pv kernel without batching)` : title)
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
			if (!o.batching) process.stdout.write('(the pv kernel ran without batching)\n');
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
