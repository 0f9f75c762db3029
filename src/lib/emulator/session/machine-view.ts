/**
 * What a debugger shows of the machine at one moment, as plain data: pc and its source line, mode
 * and V, the integer registers, the CSRs by group, the disassembly around pc, the UART output, the
 * newest traps, and what the last command changed. The worker sends it to the page after every
 * command; the CLI prints parts of it.
 */
import { disassemble, symbolizer } from '../isa/disassemble.ts';
import { abiNames } from '../isa/registers.ts';
import { CSR_GROUPS, type CsrGroupName } from './csr-groups.ts';
import { modeView, type DebugSession } from './debug-session.ts';
import type { SourcePlace } from './source-lines.ts';
import type { ModeView, SessionStop, StepDelta, TrapRecord } from './types.ts';

export interface DisassemblyLine {
	address: number;
	word: number;
	text: string;
	place?: SourcePlace;
	/** The label at this address, if one starts here. */
	label?: string;
	isPc: boolean;
	breakpoint: boolean;
}

export interface MachineView {
	pc: number;
	place?: SourcePlace;
	/** Steps since the program was loaded, and instructions retired (minstret). */
	position: number;
	instret: number;
	mode: ModeView;
	/** x0–x31, as unsigned numbers; names in `REGISTER_NAMES`. */
	registers: number[];
	csrs: { group: CsrGroupName; csrs: { name: string; number: number; value: number }[] }[];
	disassembly: DisassemblyLine[];
	/** The UART output kept (the newest bytes), as text. */
	output: string;
	/** Bytes the UART has sent in all, those no longer kept included. */
	outputTotal: number;
	traps: TrapRecord[];
	trapTotal: number;
	breakpoints: number[];
	stop?: SessionStop;
	delta?: StepDelta;
}

export interface ViewOptions {
	/** Instructions shown before and after pc (default 6 and 10). */
	before?: number;
	after?: number;
	/** Trap records sent (default 50). */
	traps?: number;
}

export const REGISTER_NAMES = abiNames.map((abi, i) => `x${i} ${abi}`);

export function machineView(
	session: DebugSession,
	options: ViewOptions = {}
): MachineView | undefined {
	const m = session.machine;
	const program = session.program;
	if (!m || !program) return undefined;
	const pc = m.pc;
	const { priv, virt } = m.mode;
	const registers: number[] = [];
	for (let i = 0; i < 32; i++) registers.push(m.readRegister(i) >>> 0);
	const csrs = CSR_GROUPS.map((g) => ({
		group: g.group,
		csrs: g.csrs.map((c) => ({ ...c, value: m.readCsr(c.number) ?? 0 }))
	}));
	const breakpoints = new Set(session.breakpoints);
	const name = symbolizer(program.symbols);
	const labels = new Map(program.symbols.map((s) => [s.value >>> 0, s.name]));
	const disassembly: DisassemblyLine[] = [];
	const first = (pc - 4 * (options.before ?? 6)) >>> 0;
	const count = (options.before ?? 6) + 1 + (options.after ?? 10);
	for (let i = 0; i < count; i++) {
		const address = (first + 4 * i) >>> 0;
		const word = m.readWord(address);
		if (word === undefined) continue;
		disassembly.push({
			address,
			word,
			text: disassemble(word, address, { symbol: name }),
			place: program.lines.placeOf(address),
			label: labels.get(address),
			isPc: address === pc,
			breakpoint: breakpoints.has(address)
		});
	}
	const bytes = Uint8Array.from(session.output.items());
	return {
		pc,
		place: program.lines.placeOf(pc),
		position: session.position,
		instret: m.instret,
		mode: modeView(priv, virt),
		registers,
		csrs,
		disassembly,
		output: new TextDecoder().decode(bytes),
		outputTotal: session.output.total,
		traps: session.traps.items(options.traps ?? 50),
		trapTotal: session.traps.total,
		breakpoints: [...breakpoints],
		stop: session.lastStop,
		delta: session.lastDelta
	};
}
