/**
 * Architectural constants: exception causes, interrupt bits, status fields and the memory map.
 * Sources: Privileged Architecture (Volume II, 20211203) §3.1.6 (mstatus), §3.1.9 (mip/mie),
 * Table 3.6 (mcause), §9.2 (hypervisor CSRs), §9.4.1 (mstatush MPV/GVA), and QEMU's `virt` board.
 */

/** Exception causes (Table 3.6, and Table 9.6 for the hypervisor). */
export const Cause = {
	instructionMisaligned: 0,
	instructionAccessFault: 1,
	illegalInstruction: 2,
	breakpoint: 3,
	loadMisaligned: 4,
	loadAccessFault: 5,
	storeMisaligned: 6,
	storeAccessFault: 7,
	ecallFromU: 8,
	ecallFromHS: 9,
	ecallFromVS: 10,
	ecallFromM: 11,
	instructionPageFault: 12,
	loadPageFault: 13,
	storePageFault: 15,
	instructionGuestPageFault: 20,
	loadGuestPageFault: 21,
	virtualInstruction: 22,
	storeGuestPageFault: 23
} as const;

/** Interrupt numbers = bit positions in mip/mie (§3.1.9, §9.2.3). */
export const Irq = {
	SSI: 1,
	VSSI: 2,
	MSI: 3,
	STI: 5,
	VSTI: 6,
	MTI: 7,
	SEI: 9,
	VSEI: 10,
	MEI: 11,
	SGEI: 12
} as const;

/** Causes whose tval holds a faulting address (so GVA says whether it is a guest virtual one). */
export const ADDRESS_CAUSES =
	(1 << 0) |
	(1 << 1) |
	(1 << 4) |
	(1 << 5) |
	(1 << 6) |
	(1 << 7) |
	(1 << 12) |
	(1 << 13) |
	(1 << 15) |
	(1 << 20) |
	(1 << 21) |
	(1 << 23);

/** Interrupt priority, highest first (§3.1.9 and §9.2.3: MEI MSI MTI SEI SSI STI SGEI VSEI VSSI VSTI). */
export const IRQ_PRIORITY = [11, 3, 7, 9, 1, 5, 12, 10, 2, 6] as const;

/** Privilege levels. */
export const PRIV_U = 0;
export const PRIV_S = 1;
export const PRIV_M = 3;

// mstatus fields (§3.1.6).
export const MSTATUS_SIE = 1 << 1;
export const MSTATUS_MIE = 1 << 3;
export const MSTATUS_SPIE = 1 << 5;
export const MSTATUS_MPIE = 1 << 7;
export const MSTATUS_SPP = 1 << 8;
export const MSTATUS_MPP_SHIFT = 11;
export const MSTATUS_MPP = 3 << 11;
export const MSTATUS_MPRV = 1 << 17;
export const MSTATUS_SUM = 1 << 18;
export const MSTATUS_MXR = 1 << 19;
export const MSTATUS_TVM = 1 << 20;
export const MSTATUS_TW = 1 << 21;
export const MSTATUS_TSR = 1 << 22;
/** The mstatus bits this hart implements as writable (no F/V/X state, little-endian only). */
export const MSTATUS_WRITABLE =
	MSTATUS_SIE |
	MSTATUS_MIE |
	MSTATUS_SPIE |
	MSTATUS_MPIE |
	MSTATUS_SPP |
	MSTATUS_MPP |
	MSTATUS_MPRV |
	MSTATUS_SUM |
	MSTATUS_MXR |
	MSTATUS_TVM |
	MSTATUS_TW |
	MSTATUS_TSR;
/** sstatus is a restricted view of mstatus (§4.1.1); vsstatus has the same layout (§9.2.11). */
export const SSTATUS_MASK = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR;

// mstatush fields for RV32 with H (§9.4.1): MPV is mstatus bit 39, GVA bit 38.
export const MSTATUSH_GVA = 1 << 6;
export const MSTATUSH_MPV = 1 << 7;

// hstatus fields (§9.2.1).
export const HSTATUS_GVA = 1 << 6;
export const HSTATUS_SPV = 1 << 7;
export const HSTATUS_SPVP = 1 << 8;
export const HSTATUS_HU = 1 << 9;
export const HSTATUS_VTVM = 1 << 20;
export const HSTATUS_VTW = 1 << 21;
export const HSTATUS_VTSR = 1 << 22;
export const HSTATUS_WRITABLE =
	HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR;

/** Interrupt bits S-mode may see through sip/sie when delegated (SSI, STI, SEI). */
export const S_IRQS = 0x222;
/** VS-level interrupt bits (VSSI, VSTI, VSEI), always delegated to HS by mideleg (§9.4.2). */
export const VS_IRQS = 0x444;
/** mie bits implemented. */
export const MIE_WRITABLE = 0x1eee;
/** medeleg: every exception but ecall from M (§3.1.8); hedeleg cannot delegate 9–10, 20–23 (§9.2.2). */
export const MEDELEG_WRITABLE = 0x00f0b7ff;
export const HEDELEG_WRITABLE = 0x0000b1ff;

/** misa: MXL=1 (RV32), extensions A, H, I, M, S, U (§3.1.1). */
export const MISA = (1 << 30) | (1 << 0) | (1 << 7) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20);

// QEMU `virt` memory map (hw/riscv/virt.c).
export const FINISHER_BASE = 0x00100000;
export const CLINT_BASE = 0x02000000;
export const UART_BASE = 0x10000000;
export const RAM_BASE = 0x80000000;
