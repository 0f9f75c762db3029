/**
 * Runs one assembly program on the machine for the grader: assemble, load, run to a budget, and
 * keep what a check may compare (console output, exit code, registers, memory at symbols,
 * instructions retired). The same function runs the student's program and the reference solution,
 * so both are measured alike.
 */
import { assemble } from '../emulator/asm/index.ts';
import { trapCauseName } from '../emulator/machine/cause-names.ts';
import { Machine } from '../emulator/machine/machine.ts';
import type { StopReason } from '../emulator/machine/types.ts';

/** RAM for a lab program: room for code, data and stacks; small, so a run starts at once. */
export const LAB_RAM_BYTES = 2 << 20;

/** Most console bytes kept: a program printing in a loop must not fill the grader's memory. */
export const MAX_OUTPUT_BYTES = 64 * 1024;

/** A source line the assembler refused, numbered in the part of the program it came from. */
export interface AsmError {
	/** `student`: the student's code; `lab`: the parameters or the harness the lab prepends. */
	part: 'student' | 'lab';
	line: number;
	column: number;
	message: string;
}

export type AsmRun =
	| { assembled: false; errors: AsmError[] }
	| {
			assembled: true;
			stop: StopReason;
			output: string;
			/** The exit code, when the program ended through the test finisher or HTIF. */
			exitCode?: number;
			instructions: number;
			/** Traps taken (exceptions and interrupts), as the machine counts them. */
			traps: number;
			/** x0–x31 after the run. */
			registers: number[];
			/** `words` 32-bit words from `symbol`, or undefined if the program has no such symbol. */
			readWords(symbol: string, words: number): number[] | undefined;
	  };

/**
 * Assembles `prefix + student` and runs it with `budget` (instructions retired plus trap entries,
 * the machine's own budget). Diagnostics are numbered in the part they belong to, so a student
 * reads "line 12" for line 12 of what they wrote.
 */
export function runAsm(prefix: string, student: string, budget: number): AsmRun {
	const separator = prefix === '' || prefix.endsWith('\n') ? '' : '\n';
	const prefixLines = prefix === '' ? 0 : (prefix + separator).split('\n').length - 1;
	const result = assemble(prefix + separator + student, { file: 'lab.s' });
	if (!result.image) {
		const errors = result.diagnostics
			.filter((d) => d.severity === 'error')
			.map((d): AsmError => {
				const inStudent = d.file === undefined && d.line > prefixLines;
				return {
					part: inStudent ? 'student' : 'lab',
					line: inStudent ? d.line - prefixLines : d.line,
					column: d.column,
					message: d.message
				};
			});
		return { assembled: false, errors };
	}
	const image = result.image;
	const bytes: number[] = [];
	const machine = new Machine({
		ramSize: LAB_RAM_BYTES,
		uartOut: (byte) => {
			if (bytes.length < MAX_OUTPUT_BYTES) bytes.push(byte);
		}
	});
	const loaded = machine.loadImage(image);
	if (!loaded.ok) {
		return {
			assembled: false,
			errors: [{ part: 'lab', line: 1, column: 1, message: loaded.error }]
		};
	}
	const stop = machine.run({ maxInsns: budget });
	const stats = machine.stats();
	const registers = Array.from({ length: 32 }, (_, i) => machine.readRegister(i) >>> 0);
	const symbols = new Map(image.symbols.map((s) => [s.name, s.value >>> 0]));
	return {
		assembled: true,
		stop,
		output: new TextDecoder().decode(Uint8Array.from(bytes)),
		exitCode: stop.kind === 'halted' ? stop.exitCode : undefined,
		instructions: stats.instructions,
		traps: Object.values(stats.trapsByCause).reduce((sum, n) => sum + n, 0),
		registers,
		readWords(symbol, words) {
			const address = symbols.get(symbol);
			if (address === undefined) return undefined;
			return Array.from(
				{ length: words },
				(_, i) => (machine.readWord(address + 4 * i) ?? 0) >>> 0
			);
		}
	};
}

/** The name of the trap a trap loop repeats, for a message. */
export function trapName(cause: number, interrupt: boolean): string {
	return trapCauseName(interrupt ? (cause | 0x80000000) >>> 0 : cause);
}
