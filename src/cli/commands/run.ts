/**
 * `virtlab run prog.s|prog.elf [--mem MiB] [--max-insns N] [--trace traps|mmu] [--stats] [--json]`
 *
 * Runs a program on the emulated machine: the UART goes to stdout, the process exits with the
 * program's exit code (finisher or HTIF); a spent budget or a machine error exits non-zero with a
 * one-line reason on stderr. --stats prints, and --json writes as one object, the instructions
 * executed, wall seconds, MIPS, traps by cause and the TLB hit rate.
 */
import { dirname } from 'node:path';
import type { Command } from '../main.ts';
import {
	helpText,
	parseCommandLine,
	usageError,
	wholeNumber,
	type CommandLine,
	type OptionSpec
} from '../options.ts';
import { formatDiagnostic, includeFrom, readUserFile } from '../files.ts';
import { Machine } from '../../lib/emulator/machine/machine.ts';
import type { StopReason, TraceEvent } from '../../lib/emulator/machine/types.ts';
import { describeStop, formatTraceEvent } from './run-format.ts';

const OPTIONS: OptionSpec[] = [
	{ name: 'mem', value: 'MiB', description: 'RAM size, 1 to 2048 (default 128, as QEMU virt)' },
	{
		name: 'max-insns',
		value: 'N',
		description:
			'budget: instructions retired plus trap entries, 1 to 2^53 - 1 (default 10000000000)'
	},
	{
		name: 'trace',
		value: 'traps|mmu',
		description: 'print every trap to stderr; mmu also TLB misses and page-walk reads'
	},
	{
		name: 'stats',
		description: 'print instructions, seconds, MIPS, traps, TLB hit rate to stderr'
	},
	{ name: 'json', description: "write those figures as one JSON object after the program's output" }
];
const HELP = helpText(
	'virtlab run prog.s|prog.elf [options]',
	'Runs a program on the emulated QEMU-virt machine until it exits, or the budget is spent.',
	OPTIONS
);

interface Options {
	file: string;
	memMiB: number;
	maxInsns: number;
	trace?: 'traps' | 'mmu';
	stats: boolean;
	json: boolean;
}

function readOptions(line: CommandLine): Options | string {
	const memMiB = wholeNumber(line, 'mem', 1, 2048, 128);
	if (typeof memMiB !== 'number') return memMiB.error;
	const maxInsns = wholeNumber(line, 'max-insns', 1, Number.MAX_SAFE_INTEGER, 10_000_000_000);
	if (typeof maxInsns !== 'number') return maxInsns.error;
	const trace = line.options.get('trace');
	if (trace !== undefined && trace !== 'traps' && trace !== 'mmu')
		return `--trace wants 'traps' or 'mmu', not '${trace}'`;
	const [file, extra] = line.positionals;
	if (file === undefined) return 'which program? give a .s or .elf file';
	if (extra !== undefined) return `only one program, got '${file}' and '${extra}'`;
	return {
		file,
		memMiB,
		maxInsns,
		trace,
		stats: line.options.has('stats'),
		json: line.options.has('json')
	};
}

/** Loads a program into the machine; returns an error line or undefined. */
async function load(m: Machine, file: string): Promise<string | undefined> {
	const read = readUserFile(file);
	if (!read.ok) return read.error;
	const bytes = read.bytes;
	const isElf = bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c;
	if (isElf) {
		const r = m.loadElf(bytes);
		return r.ok ? undefined : `${file}: ${r.error}`;
	}
	if (!file.endsWith('.s') && !file.endsWith('.S'))
		return `${file}: neither an ELF file nor an assembly source (.s)`;
	let asm: typeof import('../../lib/emulator/asm/index.ts');
	try {
		asm = await import('../../lib/emulator/asm/index.ts');
	} catch {
		return `${file}: the assembler is not available in this build; assemble with GNU as and run the .elf`;
	}
	const result = asm.assemble(new TextDecoder().decode(bytes), {
		file,
		include: includeFrom(dirname(file))
	});
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(file, d) + '\n');
	if (!result.image || errors.length > 0) return `${file}: ${errors.length} assembly error(s)`;
	const r = m.loadImage(result.image);
	return r.ok ? undefined : `${file}: ${r.error}`;
}

export const command: Command = {
	summary: 'run a RISC-V program (.s or .elf) on the emulated machine',
	async run(args) {
		const line = parseCommandLine(OPTIONS, args);
		if (!line.ok) return usageError('run', line.error);
		if (line.value.options.has('help')) {
			process.stdout.write(HELP);
			return 0;
		}
		const o = readOptions(line.value);
		if (typeof o === 'string') return usageError('run', o);
		const out: number[] = [];
		const flush = () => {
			if (out.length) process.stdout.write(Uint8Array.from(out));
			out.length = 0;
		};
		const m = new Machine({
			ramSize: o.memMiB * 1024 * 1024,
			uartOut: (b) => {
				out.push(b);
				if (b === 10 || out.length >= 4096) flush();
			},
			trace: o.trace
				? {
						traps: true,
						mmu: o.trace === 'mmu',
						sink: (e: TraceEvent) => process.stderr.write(formatTraceEvent(e) + '\n')
					}
				: undefined
		});
		const error = await load(m, o.file);
		if (error) {
			process.stderr.write(`virtlab run: ${error}\n`);
			return 2;
		}
		const start = process.hrtime.bigint();
		let stop: StopReason;
		let left = o.maxInsns;
		// Run in slices so a long program still streams its UART output. A 'budget' stop means the
		// slice was spent, on instructions or on trap entries alike.
		for (;;) {
			const slice = Math.min(left, 50_000_000);
			stop = m.run({ maxInsns: slice });
			flush();
			if (stop.kind !== 'budget') break;
			left -= slice;
			if (left <= 0) break;
		}
		const seconds = Number(process.hrtime.bigint() - start) / 1e9;
		const stats = m.stats();
		const summary = {
			exitCode: stop.kind === 'halted' ? stop.exitCode : null,
			stop: stop.kind,
			instructions: stats.instructions,
			seconds: Number(seconds.toFixed(6)),
			mips: Number((stats.instructions / seconds / 1e6).toFixed(2)),
			trapsByCause: stats.trapsByCause,
			tlbHitRate: stats.tlbHitRate
		};
		if (o.stats) {
			process.stderr.write(
				`instructions ${summary.instructions}  seconds ${summary.seconds}  MIPS ${summary.mips}\n` +
					`traps by cause ${JSON.stringify(summary.trapsByCause)}  TLB hit rate ${summary.tlbHitRate === null ? 'n/a (no translation)' : (summary.tlbHitRate * 100).toFixed(2) + '%'}\n`
			);
		}
		if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
		if (stop.kind === 'halted') return stop.exitCode;
		process.stderr.write(`virtlab run: ${describeStop(stop, m.pc, o.maxInsns, stats)}\n`);
		return stop.kind === 'budget' ? 124 : 125;
	}
};
