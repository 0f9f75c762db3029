/**
 * `virtlab debug prog.s|prog.elf [--script FILE | -e COMMANDS] [--mem MiB] [--firmware]`
 *
 * Runs a debugging session (src/lib/emulator/session) from a small script of commands: from a
 * file, from -e (`-e "break loop; continue; regs"`), or else from standard input. After each
 * command it prints where the program is (`[12] 0x8000001c main.s:8  auipc ra,0x0`) and any UART
 * output the command produced. Every operation of the playground is here: step, step over, step
 * out, run to a location, continue, step back, breakpoints, UART input, reset, and the views
 * (registers, CSRs, disassembly, traps, memory with its page walk, the TLB). With --firmware the
 * program is a kernel booted behind SBI firmware in S-mode, as the playground's guest kernel
 * example is (src/lib/emulator/session/firmware.ts); its firmware calls show among the traps.
 * Exit code: 0 when every command ran, 1 at the first bad command (reported as FILE:LINE:COLUMN),
 * 2 for a bad command line or a program that does not load.
 */
import { basename, dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Command } from '../main.ts';
import {
	helpText,
	parseCommandLine,
	usageError,
	wholeNumber,
	type OptionSpec
} from '../options.ts';
import { formatDiagnostic, includeFrom, readUserFile } from '../files.ts';
import { causeName } from './run-format.ts';
import {
	COMMANDS,
	commandName,
	commandsHelp,
	inputBytes,
	parseScript,
	type ScriptCommand
} from './debug-script.ts';
import { addressError, dumpLines, parseMemoryArgs } from './debug-memory.ts';
import { tlbLines } from './debug-tlb.ts';
import { walkLines } from './debug-walk.ts';
import {
	DebugSession,
	type Command as SessionCommand
} from '../../lib/emulator/session/debug-session.ts';
import { machineView, REGISTER_NAMES } from '../../lib/emulator/session/machine-view.ts';
import { parseLocation, resolveLocation } from '../../lib/emulator/session/locations.ts';
import type { ProgramInput } from '../../lib/emulator/session/program.ts';
import type { TrapRecord } from '../../lib/emulator/session/types.ts';
import { describeStop } from '../../lib/emulator/session/stop-text.ts';
import { FIRMWARE_DEFAULT_RAM } from '../../lib/emulator/session/firmware.ts';
import { memoryView } from '../../lib/emulator/session/memory-view.ts';
import { tlbView } from '../../lib/emulator/session/tlb-view.ts';
import { parseAddress } from '../../lib/widgets/machine/views/address.ts';
import { PRIV_M } from '../../lib/emulator/machine/constants.ts';

const OPTIONS: OptionSpec[] = [
	{ name: 'script', value: 'FILE', description: 'read the commands from FILE' },
	{ name: 'exec', value: 'COMMANDS', short: 'e', description: "the commands, separated by ';'" },
	{ name: 'mem', value: 'MiB', description: 'RAM size, 1 to 64 (default 4; 16 with --firmware)' },
	{
		name: 'firmware',
		description:
			'boot the program in S-mode behind SBI firmware (a0 = 0, a1 = a device tree), as QEMU virt with OpenSBI does'
	}
];
const HELP =
	helpText(
		'virtlab debug prog.s|prog.elf [--script FILE | -e COMMANDS] [options]',
		'Debugs a program with a script of commands (standard input when neither --script nor -e).',
		OPTIONS
	) +
	'\ncommands:\n' +
	commandsHelp();

const DEFAULT_BUDGET = 100_000_000;

/** Where a trap went: a mode, or the firmware and what it did (`M (firmware: sbi_set_timer)`). */
function trapTarget(t: TrapRecord): string {
	return t.firmware === undefined ? t.to : `${t.to} (firmware: ${t.firmware})`;
}
const hex = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

function programInput(file: string): ProgramInput | string {
	const read = readUserFile(file);
	if (!read.ok) return read.error;
	const bytes = read.bytes;
	if (
		bytes.length >= 4 &&
		bytes[0] === 0x7f &&
		bytes[1] === 0x45 &&
		bytes[2] === 0x4c &&
		bytes[3] === 0x46
	)
		return { kind: 'elf', bytes };
	if (!/\.[sS]$/.test(file)) return `${file}: neither an ELF file nor an assembly source (.s)`;
	// Lines are named by the file's own name, as a user types them: `break p.s:12`.
	return {
		kind: 'source',
		text: new TextDecoder().decode(bytes),
		file: basename(file),
		include: includeFrom(dirname(file))
	};
}

/** Runs one script against a session, writing to `out`; the error of the first bad command. */
class ScriptRunner {
	private shownOutput = 0;

	constructor(
		private readonly session: DebugSession,
		private readonly out: (text: string) => void
	) {}

	private where(): string {
		const v = machineView(this.session, { before: 0, after: 0 })!;
		const place = v.place ? ` ${v.place.file}:${v.place.line}` : '';
		const insn = v.disassembly[0] ? `  ${v.disassembly[0].text.replace('\t', ' ')}` : '';
		return `[${v.position}] ${hex(v.pc)} ${v.mode.name}${place}${insn}`;
	}

	/** Prints the stop, where the program is, the traps and the UART output of the command. */
	private report(stop: ReturnType<DebugSession['step']>): void {
		const s = this.session;
		const m = s.machine!;
		if (stop.kind !== 'done') this.out(`${describeStop(stop, m.pc)}\n`);
		for (const t of s.lastDelta?.traps ?? [])
			this.out(
				`  trap: ${causeName(t.cause, t.interrupt)} at ${hex(t.pc)}, ${t.from.name} -> ${trapTarget(t)}\n`
			);
		this.out(`${this.where()}\n`);
		const total = s.output.total;
		if (total < this.shownOutput) this.shownOutput = total; // went back: output was undone
		if (total > this.shownOutput) {
			const fresh = s.output.items(total - this.shownOutput);
			this.out(`  uart: ${JSON.stringify(new TextDecoder().decode(Uint8Array.from(fresh)))}\n`);
			this.shownOutput = total;
		}
	}

	/** `mem ADDR [N] [virtual]`: the bytes, and for a virtual address the page walk first. */
	private memory(args: readonly string[]): string | undefined {
		const s = this.session;
		const m = s.machine!;
		const wanted = parseMemoryArgs(args);
		if (typeof wanted === 'string') return wanted;
		const { space } = wanted;
		// pc is no x register, but `x pc` is how one looks at the code: offered after the labels,
		// so a label named pc still wins.
		const symbols = [...s.program!.symbols, { name: 'pc', value: m.pc }];
		const registers = Array.from({ length: 32 }, (_, i) => m.readRegister(i) >>> 0);
		const names = { symbols, registers };
		const parsed = parseAddress(wanted.address, space, names);
		if (!parsed.ok) return addressError(parsed, wanted.address, space);
		const r = memoryView(m, { address: parsed.address, length: wanted.length, space });
		if (!r.ok) return r.error;
		if (r.view.translation) {
			// translateForView shows M-mode's memory as its supervisor sees it (M never translates).
			if (m.mode.priv === PRIV_M)
				this.out('(the hart is in M-mode, which does not translate: this is what HS-mode sees)\n');
			for (const line of walkLines(r.view.translation)) this.out(line + '\n');
		}
		for (const line of dumpLines(r.view.address, r.view.bytes)) this.out(line + '\n');
		return undefined;
	}

	/** Runs one command; an error message when it cannot. */
	run(c: ScriptCommand): string | undefined {
		const s = this.session;
		const program = s.program!;
		const count = (fallback: number): number | string => {
			if (c.args.length === 0) return fallback;
			const n = Number(c.args[0]);
			return Number.isSafeInteger(n) && n >= 0 ? n : `'${c.args[0]}' is not a whole number`;
		};
		const resolve = (text: string): number[] | string => {
			const where = parseLocation(text, program.lines.files[0] ?? '');
			if ('error' in where) return where.error;
			const r = resolveLocation(program, where);
			return r.ok ? r.addresses : r.error;
		};
		const go = (command: SessionCommand, budget = DEFAULT_BUDGET) => {
			this.report(s.run(command, budget));
			return undefined;
		};
		switch (commandName(c.name)) {
			case 'step': {
				const n = count(1);
				if (typeof n === 'string') return n;
				return go({ kind: 'step', count: n }, Math.max(1, n));
			}
			case 'over':
				return go({ kind: 'stepOver' });
			case 'out':
				return go({ kind: 'stepOut' });
			case 'continue': {
				const n = count(DEFAULT_BUDGET);
				if (typeof n === 'string') return n;
				return go({ kind: 'continue' }, Math.max(1, n));
			}
			case 'until': {
				if (c.args.length !== 1) return 'until wants one location';
				const addresses = resolve(c.args[0]);
				if (typeof addresses === 'string') return addresses;
				return go({ kind: 'runTo', addresses });
			}
			case 'back': {
				const n = count(1);
				if (typeof n === 'string') return n;
				this.report(s.back(n));
				return undefined;
			}
			case 'break': {
				if (c.args.length === 0) return 'break wants a location';
				const all = new Set(s.breakpoints);
				for (const text of c.args) {
					const addresses = resolve(text);
					if (typeof addresses === 'string') return addresses;
					for (const a of addresses) all.add(a);
					this.out(`breakpoint ${text} at ${addresses.map(hex).join(', ')}\n`);
				}
				s.setBreakpoints(all);
				return undefined;
			}
			case 'delete':
				s.setBreakpoints([]);
				return undefined;
			case 'input':
				s.input(inputBytes(c.rest));
				return undefined;
			case 'reset':
				s.reset();
				this.shownOutput = 0;
				this.out(`${this.where()}\n`);
				return undefined;
			case 'regs': {
				const v = machineView(s)!;
				const cells = v.registers.map((r, i) => `${REGISTER_NAMES[i].padEnd(8)} ${hex(r)}`);
				for (let i = 0; i < 32; i += 4) this.out(cells.slice(i, i + 4).join('   ') + '\n');
				this.out(`pc       ${hex(v.pc)}   mode ${v.mode.name}\n`);
				return undefined;
			}
			case 'csrs': {
				const wanted = c.args[0];
				const groups = machineView(s)!.csrs.filter((g) => !wanted || g.group.startsWith(wanted));
				if (groups.length === 0) return `no CSR group '${wanted}'`;
				for (const g of groups) {
					this.out(`${g.group}:\n`);
					for (const csr of g.csrs) this.out(`  ${csr.name.padEnd(12)} ${hex(csr.value)}\n`);
				}
				return undefined;
			}
			case 'list':
				for (const d of machineView(s)!.disassembly) {
					const mark = `${d.isPc ? '=>' : '  '}${d.breakpoint ? '*' : ' '}`;
					const label = d.label ? `<${d.label}> ` : '';
					const place = d.place ? `  # ${d.place.file}:${d.place.line}` : '';
					this.out(`${mark} ${hex(d.address)}  ${label}${d.text.replace('\t', ' ')}${place}\n`);
				}
				return undefined;
			case 'output':
				this.out(machineView(s)!.output);
				return undefined;
			case 'traps':
				for (const t of s.traps.items(50))
					this.out(
						`[${t.position}] ${causeName(t.cause, t.interrupt)} at ${hex(t.pc)} tval ${hex(t.tval)}, ${t.from.name} -> ${trapTarget(t)}\n`
					);
				return undefined;
			case 'mem':
				return this.memory(c.args);
			case 'tlb':
				for (const line of tlbLines(tlbView(s.machine!))) this.out(line + '\n');
				return undefined;
			default:
				return `unknown command '${c.name}' (commands: ${Object.keys(COMMANDS).join(', ')})`;
		}
	}
}

export const command: Command = {
	summary: 'debug a RISC-V program with a script: step, back, break, continue, regs, …',
	async run(args) {
		const line = parseCommandLine(OPTIONS, args);
		if (!line.ok) return usageError('debug', line.error);
		const o = line.value;
		if (o.options.has('help')) {
			process.stdout.write(HELP);
			return 0;
		}
		const firmware = o.options.has('firmware');
		const memMiB = wholeNumber(o, 'mem', 1, 64, firmware ? FIRMWARE_DEFAULT_RAM >> 20 : 4);
		if (typeof memMiB !== 'number') return usageError('debug', memMiB.error);
		const [file, extra] = o.positionals;
		if (file === undefined) return usageError('debug', 'which program? give a .s or .elf file');
		if (extra !== undefined)
			return usageError('debug', `only one program, got '${file}' and '${extra}'`);
		const scriptFile = o.options.get('script');
		const inline = o.options.get('exec');
		if (scriptFile !== undefined && inline !== undefined)
			return usageError('debug', 'give the commands with --script or --exec (-e), not both');
		let scriptName = '<stdin>';
		let text: string;
		if (typeof inline === 'string') {
			scriptName = '-e';
			text = inline;
		} else if (typeof scriptFile === 'string') {
			const read = readUserFile(scriptFile);
			if (!read.ok) return usageError('debug', read.error);
			scriptName = scriptFile;
			text = new TextDecoder().decode(read.bytes);
		} else text = readFileSync(0, 'utf8');

		const input = programInput(file);
		if (typeof input === 'string') {
			process.stderr.write(`virtlab debug: ${input}\n`);
			return 2;
		}
		const session = new DebugSession({ ramSize: memMiB * 1024 * 1024, firmware });
		const loaded = session.load(input);
		const diagnostics = loaded.ok ? loaded.program.diagnostics : loaded.diagnostics;
		for (const d of diagnostics) process.stderr.write(formatDiagnostic(file, d) + '\n');
		if (!loaded.ok) {
			process.stderr.write(`virtlab debug: ${file}: ${loaded.error}\n`);
			return 2;
		}
		const runner = new ScriptRunner(session, (t) => process.stdout.write(t));
		for (const c of parseScript(text)) {
			process.stdout.write(`> ${c.name}${c.rest ? ' ' + c.rest : ''}\n`);
			const error = runner.run(c);
			if (error) {
				process.stderr.write(`${scriptName}:${c.line}:${c.column}: ${error}\n`);
				return 1;
			}
		}
		return 0;
	}
};
