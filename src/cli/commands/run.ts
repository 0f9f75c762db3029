/**
 * `virtlab run prog.s|prog.elf [--mem MiB] [--max-insns N] [--trace traps|mmu] [--stats] [--json]`
 *
 * Runs a program on the emulated machine: the UART goes to stdout, the process exits with the
 * program's exit code (finisher or HTIF); a spent budget or a machine error exits non-zero with a
 * one-line reason on stderr. --stats prints, and --json writes as one object, the instructions
 * executed, wall seconds, MIPS, traps by cause and the TLB hit rate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from '../main.ts';
import { Machine } from '../../lib/emulator/machine/machine.ts';
import type { StopReason, TraceEvent } from '../../lib/emulator/machine/types.ts';
import { describeStop, formatTraceEvent } from './run-format.ts';

const USAGE = `usage: virtlab run prog.s|prog.elf [--mem MiB] [--max-insns N] [--trace traps|mmu] [--stats] [--json]
  --mem MiB        RAM size (default 128, as QEMU virt)
  --max-insns N    instruction budget (default 10000000000)
  --trace traps    print every trap to stderr; --trace mmu also TLB misses and page-walk reads
  --stats          print instructions, seconds, MIPS, traps by cause, TLB hit rate to stderr
  --json           write those figures as one JSON object to stdout after the program's output
`;

interface Options {
	file: string;
	memMiB: number;
	maxInsns: number;
	trace?: 'traps' | 'mmu';
	stats: boolean;
	json: boolean;
}

function parseArgs(args: string[]): Options | string {
	const o: Partial<Options> = { memMiB: 128, maxInsns: 10_000_000_000, stats: false, json: false };
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		const value = () => args[++i];
		if (a === '--mem') {
			const v = Number(value());
			if (!Number.isInteger(v) || v < 1 || v > 2048)
				return '--mem wants a whole number of MiB, 1 to 2048';
			o.memMiB = v;
		} else if (a === '--max-insns') {
			const v = Number(value());
			if (!Number.isInteger(v) || v < 1) return '--max-insns wants a positive whole number';
			o.maxInsns = v;
		} else if (a === '--trace') {
			const v = value();
			if (v !== 'traps' && v !== 'mmu') return `--trace wants 'traps' or 'mmu', not '${v ?? ''}'`;
			o.trace = v;
		} else if (a === '--stats') o.stats = true;
		else if (a === '--json') o.json = true;
		else if (a.startsWith('-')) return `unknown option '${a}'`;
		else if (o.file) return `only one program, got '${o.file}' and '${a}'`;
		else o.file = a;
	}
	if (!o.file) return 'which program? give a .s or .elf file';
	return o as Options;
}

/** Loads a program into the machine; returns an error line or undefined. */
async function load(m: Machine, file: string): Promise<string | undefined> {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		return `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
	}
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
	const include = (name: string) => {
		const path = join(dirname(file), name);
		return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
	};
	const result = asm.assemble(new TextDecoder().decode(bytes), { file, include });
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	for (const d of result.diagnostics)
		process.stderr.write(`${d.file ?? file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`);
	if (!result.image || errors.length > 0) return `${file}: ${errors.length} assembly error(s)`;
	const r = m.loadImage(result.image);
	return r.ok ? undefined : `${file}: ${r.error}`;
}

export const command: Command = {
	summary: 'run a RISC-V program (.s or .elf) on the emulated machine',
	async run(args) {
		if (args.includes('--help') || args.includes('-h')) {
			process.stdout.write(USAGE);
			return 0;
		}
		const o = parseArgs(args);
		if (typeof o === 'string') {
			process.stderr.write(`virtlab run: ${o}\n${USAGE}`);
			return 2;
		}
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
		// Run in slices so a long program still streams its UART output.
		for (;;) {
			const before = m.instret;
			stop = m.run({ maxInsns: Math.min(left, 50_000_000) });
			left -= m.instret - before;
			flush();
			if (stop.kind !== 'budget' || left <= 0) break;
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
		process.stderr.write(`virtlab run: ${describeStop(stop, m.pc, o.maxInsns)}\n`);
		return stop.kind === 'budget' ? 124 : 125;
	}
};
