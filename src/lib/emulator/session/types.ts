/**
 * The debugging session's public data. Everything is plain data (numbers, strings, arrays, plain
 * objects), so it crosses to a page from a Web Worker by structured clone unchanged.
 */
import type { TrapSite } from '../machine/types.ts';
import type { SourcePlace } from './source-lines.ts';

/** Where the hart is: privilege (0 U, 1 S, 3 M) and V, and their name (with the H extension, S-mode is HS). */
export interface ModeView {
	priv: number;
	virt: boolean;
	name: 'U' | 'HS' | 'VS' | 'VU' | 'M';
}

/** A trap the hart entered, for the trap log. */
export interface TrapRecord {
	/** The session position before the trap entry (which is itself one step). */
	position: number;
	cause: number;
	interrupt: boolean;
	tval: number;
	/** The pc the trap was raised at. */
	pc: number;
	from: ModeView;
	/** The mode that received it (Volume II §3.1.8 medeleg/mideleg, §9.4.2 hedeleg/hideleg). */
	to: 'M' | 'HS' | 'VS';
	/**
	 * In a session with firmware, a trap to M-mode is answered by the firmware (host code) in one
	 * step instead of being entered: what it did, the SBI call's name (`sbi_set_timer`,
	 * `console_putchar`, …) or `timer` for the machine timer.
	 */
	firmware?: string;
}

/** Why a session command ended. */
export type SessionStop =
	/** The command did what it was asked: n steps, a return, the cursor line reached. */
	| { kind: 'done' }
	/** A batch ended with the command unfinished (for a caller that checks for pause in between). */
	| { kind: 'running' }
	| { kind: 'paused' }
	| { kind: 'breakpoint'; pc: number }
	| { kind: 'halted'; exitCode: number }
	/** The command's instruction budget was spent: a runaway program, or a return that never came. */
	| { kind: 'budget'; budget: number }
	/** Step back reached the program's start. */
	| { kind: 'start' }
	| { kind: 'trapLoop'; first: TrapSite; repeating: TrapSite }
	| { kind: 'machineError'; message: string };

/** What the last command changed: for highlighting the registers and CSRs that moved. */
export interface StepDelta {
	/** Steps the command took (negative for step back). */
	steps: number;
	/** Indices 1–31 of the integer registers whose value changed. */
	registers: number[];
	/** Names of the CSRs (csr-groups.ts) whose value changed. */
	csrs: string[];
	/** Traps entered during the command, oldest first (for one step, at most one). */
	traps: TrapRecord[];
	/** The source line of the new pc, when the program has a source map there. */
	place?: SourcePlace;
}
