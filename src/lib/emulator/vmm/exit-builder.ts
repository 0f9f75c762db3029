/**
 * Builds one exit record while a handler runs: every change the handler makes to the guest's
 * registers, pc and CSRs goes through here, so the record lists each with its value before and
 * after, and a viewer can step the exit back exactly.
 */
import { csrName } from '../isa/csr.ts';
import { abiNames } from '../isa/registers.ts';
import type { Machine } from '../machine/machine.ts';
import type { TrapInfo } from '../machine/types.ts';
import type { ExitReason } from './exit-reasons.ts';
import type { ExitRecord, ExitStep, StateChange } from './exit-trace.ts';
import type { MonitorContext } from './monitor.ts';

export class ExitBuilder {
	readonly steps: ExitStep[] = [];
	readonly changes: StateChange[] = [];
	private readonly machine: Machine;

	constructor(
		private readonly ctx: MonitorContext,
		private readonly trap: TrapInfo,
		/** The trapping instruction's word, when the handler knows it. */
		public instruction = 0
	) {
		this.machine = ctx.machine;
	}

	step(step: ExitStep): void {
		this.steps.push(step);
	}

	setPc(pc: number): void {
		this.changes.push({ name: 'pc', before: this.machine.pc, after: pc >>> 0 });
		this.machine.pc = pc;
	}

	setRegister(i: number, v: number): void {
		if (i === 0) return;
		const before = this.machine.readRegister(i) >>> 0;
		this.machine.writeRegister(i, v);
		this.changes.push({ name: abiNames[i], before, after: v >>> 0 });
	}

	/** Writes a CSR of the host machine (hvip, mie, a VS CSR…) and records the change. */
	setCsr(csr: number, v: number): void {
		const before = this.machine.readCsr(csr) ?? 0;
		this.machine.writeCsr(csr, v);
		const after = this.machine.readCsr(csr) ?? 0;
		if (after !== before)
			this.changes.push({ name: csrName.get(csr) ?? `csr${csr}`, before, after });
	}

	/** Records a change of state that lives outside the machine (a virtual CSR, say). */
	change(name: string, before: number, after: number): void {
		this.changes.push({ name, before: unsigned(before), after: unsigned(after) });
	}

	/** Adds the finished record to the log. */
	finish(reason: ExitReason): ExitRecord {
		const t = this.trap;
		return this.ctx.log.add({
			seq: 0,
			mode: this.ctx.log.mode,
			reason,
			cause: t.cause,
			interrupt: t.interrupt,
			guestPc: t.pc,
			instruction: this.instruction,
			guestInstructions: this.machine.instret + this.ctx.emulatedInstructions,
			steps: this.steps,
			changes: this.changes,
			modelCycles: 0
		});
	}
}

/** A 32-bit register value as unsigned; wider values (mtimecmp, up to 2^64 − 1) stay as they are. */
function unsigned(v: number): number {
	return v < 0 && v >= -(2 ** 31) ? v >>> 0 : v;
}
