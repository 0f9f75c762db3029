/** A session stop as one English line, for the CLI and as a fallback text in the playground. */
import type { SessionStop } from './types.ts';

const hex = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

export function describeStop(stop: SessionStop, pc: number): string {
	switch (stop.kind) {
		case 'done':
			return `stopped at ${hex(pc)}`;
		case 'running':
			return `running, at ${hex(pc)}`;
		case 'paused':
			return `paused at ${hex(pc)}`;
		case 'breakpoint':
			return `breakpoint at ${hex(stop.pc)}`;
		case 'halted':
			return `the program ended with exit code ${stop.exitCode}`;
		case 'budget':
			return `stopped after ${stop.budget} steps at ${hex(pc)}: the program may be in an endless loop (run again to go on)`;
		case 'start':
			return `at the start of the program, ${hex(pc)}`;
		case 'trapLoop':
			return `trap loop: cause ${stop.repeating.cause} at ${hex(stop.repeating.pc)} again and again without an instruction retiring (is the trap vector set?)`;
		case 'machineError':
			return stop.message;
	}
}
