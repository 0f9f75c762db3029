/**
 * The cost model: how many model cycles an exit and each step of its handler cost. Nothing here is
 * measured on the host running VirtLab: the figures are published measurements of real processors
 * (docs/sources.md, "VM exits") or model choices, and every one can be changed.
 *
 * An exit costs its round trip (leave the guest, enter the monitor, return) plus its handler's
 * steps. Trap and pv modes leave the guest by an ordinary trap to a software monitor; hw mode by a
 * hardware VM exit, whose price the first VT-x generations made famous (Adams & Agesen 2006).
 */
import type { ExitStep } from './exit-trace.ts';

export interface CostModel {
	/** Short id used on the command line and in the UI. */
	id: string;
	label: string;
	/** Where the defaults come from. */
	source: string;
	/** A hardware VM exit plus the VM entry back (hw mode). */
	vmExitRoundTrip: number;
	/** A trap from the deprivileged guest into the software monitor and back (trap and pv modes). */
	trapRoundTrip: number;
	/** A firmware call in native mode: ECALL to M-mode and MRET back. */
	firmwareCall: number;
	/** Reading one field of the guest's saved state (VMCS/VMCB read; the virtual CSR file). */
	stateRead: number;
	/** Writing one field of it (VMCS/VMCB write). */
	stateWrite: number;
	/**
	 * One memory reference: the monitor reading a guest PTE, or the hardware's walker reading a
	 * page-table entry on a TLB miss (walk-stats.ts), whoever makes it.
	 */
	memoryReference: number;
	/** Writing a shadow or G-stage entry, with the bookkeeping around it (model choice). */
	tableUpdate: number;
	/** Decoding the guest instruction to emulate it (model choice). */
	decode: number;
	/** Emulating a device register access (model choice). */
	deviceAccess: number;
}

/**
 * The model choices shared by every preset: costs no paper isolates, set to plausible orders of
 * magnitude for a 2000s–2020s core and labelled as choices wherever they are shown.
 */
const MODEL_CHOICES = {
	firmwareCall: 889, // a trap round trip on the Pentium 4 (divzero, Adams & Agesen 2006)
	memoryReference: 20,
	tableUpdate: 60,
	decode: 40,
	deviceAccess: 200
};

export const COST_PRESETS: readonly CostModel[] = [
	{
		id: 'p4',
		label: 'Pentium 4 672, first VT-x',
		source:
			'Adams & Agesen, ASPLOS 2006, Table 1 (VM entry 2,409; page-fault VM exit 1,931; VMCB read 178, write 171) and §6 (divzero 889 natively)',
		vmExitRoundTrip: 1931 + 2409,
		trapRoundTrip: 889,
		stateRead: 178,
		stateWrite: 171,
		...MODEL_CHOICES
	},
	{
		id: 'core2',
		label: 'Core 2 Duo, VT-x',
		source:
			'Adams & Agesen, ASPLOS 2006, Table 1 (VM entry 937; page-fault VM exit 1,186; VMCB read 52, write 44); trap round trip as the Pentium 4 (assumption)',
		vmExitRoundTrip: 1186 + 937,
		trapRoundTrip: 889,
		stateRead: 52,
		stateWrite: 44,
		...MODEL_CHOICES
	},
	{
		id: 'kvm',
		label: 'Skylake-SP server core under KVM',
		source:
			'W. Li, KVM patch 2020 (VMCALL round trip about 1,530–1,560, here 1,545); state access and trap round trip as the Core 2 (assumption)',
		vmExitRoundTrip: 1545,
		trapRoundTrip: 889,
		stateRead: 52,
		stateWrite: 44,
		...MODEL_CHOICES
	}
];

export const DEFAULT_COST_PRESET = 'core2';

/** The preset with this id, or undefined. */
export function costPreset(id: string): CostModel | undefined {
	return COST_PRESETS.find((p) => p.id === id);
}

/** Model cycles of one handler step. */
export function stepCost(step: ExitStep, model: CostModel): number {
	switch (step.kind) {
		case 'readState':
			return model.stateRead;
		case 'writeState':
			return model.stateWrite;
		case 'readGuestTable':
			return model.memoryReference;
		case 'installEntry':
		case 'dropEntries':
			return model.tableUpdate;
		case 'decode':
			return model.decode;
		case 'device':
			return model.deviceAccess;
		case 'inject':
			// Injecting writes the guest's trap state: cause, epc, tval, status (four writes).
			return 4 * model.stateWrite;
		case 'firmware':
		case 'idle':
			return 0;
	}
}

/** The cost of leaving the guest and coming back, by mode. */
export function roundTripCost(mode: 'native' | 'trap' | 'pv' | 'hw', model: CostModel): number {
	if (mode === 'hw') return model.vmExitRoundTrip;
	if (mode === 'native') return model.firmwareCall;
	return model.trapRoundTrip;
}
