/**
 * The exit trace: what the monitor did at each VM exit, recorded as it happened. A record names the
 * reason, where the guest was, the handler's steps in order and the registers and CSRs it changed,
 * so that a viewer can replay the exit forwards and backwards without running anything again.
 *
 * The tally (exits and model cycles by reason, as `perf kvm stat report` shows them) is always
 * kept; the records themselves only when asked for, because a long run makes millions of them.
 */
import type { ExitReason } from './exit-reasons.ts';
import { roundTripCost, stepCost, type CostModel } from './cost.ts';

export type VmMode = 'native' | 'trap' | 'pv' | 'hw';

/** One step of an exit handler, in the order the monitor took it. */
export type ExitStep =
	/** Read a field of the guest's saved state: a virtual CSR, or a VS CSR in hw mode. */
	| { kind: 'readState'; name: string; value: number }
	/** Wrote one: an emulated CSR write, the guest pc, a returned register. */
	| { kind: 'writeState'; name: string; before: number; after: number }
	/** Read a guest page-table entry (guest physical address of the PTE, its value). */
	| { kind: 'readGuestTable'; gpa: number; pte: number; level: number }
	/**
	 * Installed an entry: in a table the monitor owns (G-stage, shadow), or, validated, in one of
	 * the paravirtual guest's own tables ('guest'; `address` is then the PTE's host address).
	 */
	| {
			kind: 'installEntry';
			table: 'G-stage' | 'shadow' | 'guest';
			address: number;
			pte: number;
			level: number;
	  }
	/** Dropped entries of a monitor table (a flush or a resynchronisation). */
	| { kind: 'dropEntries'; table: 'G-stage' | 'shadow'; count: number; why: string }
	/** Decoded the guest instruction to emulate it (a viewer disassembles it for display). */
	| { kind: 'decode'; instruction: number }
	/** Emulated a device register access. */
	| { kind: 'device'; device: string; offset: number; write: boolean; value: number }
	/** Injected an interrupt or exception into the guest. */
	| { kind: 'inject'; what: string }
	/** Answered a firmware (SBI) call. */
	| { kind: 'firmware'; call: string }
	/** Let time pass until the timer fires, for a guest waiting in WFI (cycles idled). */
	| { kind: 'idle'; cycles: number };

/** A register or CSR whose value the exit changed. */
export interface StateChange {
	name: string;
	before: number;
	after: number;
}

export interface ExitRecord {
	/** 1, 2, 3, … in the order the exits happened. */
	seq: number;
	mode: VmMode;
	reason: ExitReason;
	/** The trap cause that reached the monitor (mcause/scause encoding without the interrupt bit). */
	cause: number;
	interrupt: boolean;
	/** Guest virtual pc of the instruction that exited (or the next one, for an interrupt). */
	guestPc: number;
	/** That instruction's word, when the monitor read it (0 otherwise). */
	instruction: number;
	/** Guest instructions completed before the exit: the guest's progress, for aligning modes. */
	guestInstructions: number;
	steps: ExitStep[];
	changes: StateChange[];
	/** Model cycles of the round trip and every step. */
	modelCycles: number;
}

export interface ReasonTally {
	count: number;
	modelCycles: { min: number; max: number; total: number };
}

/** Records exits and keeps the tally. */
export class ExitLog {
	readonly records: ExitRecord[] = [];
	readonly byReason = new Map<ExitReason, ReasonTally>();
	count = 0;
	/** Model cycles of all exits (and, in native mode, of the firmware calls). */
	modelCycles = 0;
	/** Native mode's SBI calls and timer interrupts: handled by firmware, counted, not exits. */
	firmwareCalls = 0;

	constructor(
		readonly mode: VmMode,
		readonly costModel: CostModel,
		/** Keep every record (for the exit stepper), or only the tally. */
		readonly keepRecords: boolean,
		/** Called with each record as it is made (`virtlab vm --trace exits`). */
		private readonly onExit?: (record: ExitRecord) => void
	) {}

	/** Counts a firmware call of native mode (an ECALL to M-mode and back, or its timer). */
	firmwareCall(): void {
		this.firmwareCalls++;
		this.modelCycles += this.costModel.firmwareCall;
	}

	/** The model cycles of an exit with these steps. */
	cost(steps: readonly ExitStep[]): number {
		let cycles = roundTripCost(this.mode, this.costModel);
		for (const s of steps) cycles += stepCost(s, this.costModel);
		return cycles;
	}

	/** Numbers, costs and tallies a finished record (filling `seq` and `modelCycles`), keeps it if asked. */
	add(record: ExitRecord): ExitRecord {
		const modelCycles = this.cost(record.steps);
		record.seq = ++this.count;
		record.modelCycles = modelCycles;
		this.modelCycles += modelCycles;
		const tally = this.byReason.get(record.reason);
		if (tally) {
			tally.count++;
			tally.modelCycles.total += modelCycles;
			if (modelCycles < tally.modelCycles.min) tally.modelCycles.min = modelCycles;
			if (modelCycles > tally.modelCycles.max) tally.modelCycles.max = modelCycles;
		} else {
			this.byReason.set(record.reason, {
				count: 1,
				modelCycles: { min: modelCycles, max: modelCycles, total: modelCycles }
			});
		}
		if (this.keepRecords) this.records.push(record);
		this.onExit?.(record);
		return record;
	}
}
