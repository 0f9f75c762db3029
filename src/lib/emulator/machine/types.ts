/**
 * Public types of the machine: configuration, host hooks, stop reasons and trace events.
 */

/** Why `run` returned. Every outcome of running guest code is one of these; nothing throws. */
export type StopReason =
	| { kind: 'halted'; exitCode: number }
	| { kind: 'budget' }
	| { kind: 'breakpoint'; pc: number }
	| { kind: 'hostTrap'; trap: TrapInfo }
	/**
	 * Traps entered again and again with no instruction retiring in between (a trap vector that
	 * faults, say): the machine could never leave the loop. `first` is the trap that led into it,
	 * `repeating` the one that repeats (raised at the trap vector itself).
	 */
	| { kind: 'trapLoop'; first: TrapSite; repeating: TrapSite }
	| { kind: 'machineError'; message: string };

/** Where a trap was raised: its cause, the pc it was raised at, and what xtval received. */
export interface TrapSite {
	cause: number;
	interrupt: boolean;
	pc: number;
	tval: number;
}

/** A trap as the hart saw it: what the CSRs would receive. Addresses are unsigned numbers. */
export interface TrapInfo {
	cause: number;
	interrupt: boolean;
	/** Value for xtval: faulting address, instruction bits, or 0. */
	tval: number;
	/** Value for htval/mtval2: the guest physical address shifted right by 2, or 0. */
	htval: number;
	/** Value for htinst/mtinst: transformed instruction, pseudoinstruction, or 0. */
	htinst: number;
	/** Whether tval holds a guest virtual address (hstatus.GVA / mstatush.GVA). */
	gva: boolean;
	/** pc of the trapping instruction (or of the next instruction, for interrupts). */
	pc: number;
	/** Mode the trap was taken from. */
	priv: number;
	virt: boolean;
}

export type TraceEvent =
	| {
			kind: 'trap';
			trap: TrapInfo;
			/** Mode that received the trap: 'M', 'HS', 'VS', or 'host' when handed to the host. */
			target: 'M' | 'HS' | 'VS' | 'host';
			instret: number;
	  }
	| {
			kind: 'tlbMiss';
			va: number;
			access: 'fetch' | 'load' | 'store';
			virt: boolean;
	  }
	| {
			kind: 'walk';
			/** S: Sv32 with V=0; VS: the guest's Sv32 at V=1; G: the G-stage Sv32x4. */
			stage: 'S' | 'VS' | 'G';
			level: number;
			/** Physical (or, for VS, guest physical) address of the PTE read. */
			pteAddr: number;
			pte: number;
	  };

export interface TraceOptions {
	traps?: boolean;
	mmu?: boolean;
	sink: (event: TraceEvent) => void;
}

export interface MachineConfig {
	/** RAM size in bytes (a multiple of 4096, at most 2 GiB). Default 128 MiB, as QEMU virt. */
	ramSize?: number;
	/** Architectural TLB entries (power of two). Default 64. */
	tlbEntries?: number;
	/**
	 * TLB entries tagged with ASID and VMID (default true). False models a TLB without them: a
	 * write that changes satp or vsatp flushes that regime's non-global entries, one that changes
	 * hgatp every V=1 entry and the walk cache.
	 */
	tlbTags?: boolean;
	/**
	 * Entries of the G-stage walk cache (mmu/walk-cache.ts), a power of two; default 0 (none).
	 */
	walkCacheEntries?: number;
	/** Instructions per tick of mtime. Default 100 (a 1 GHz model core and QEMU's 10 MHz timebase). */
	timeDivisor?: number;
	/** Hand traps that would enter HS-mode to the host instead of vectoring (hypervisor use). */
	hostTrapsHS?: boolean;
	/** Hand traps that would enter M-mode to the host instead of vectoring (firmware in the host). */
	hostTrapsM?: boolean;
	/** UART transmit: one byte at a time. */
	uartOut?: (byte: number) => void;
	trace?: TraceOptions;
}

export interface RunOptions {
	/** The budget: instructions retired plus trap entries, a whole number from 0 to 2^53 − 1. */
	maxInsns: number;
}
