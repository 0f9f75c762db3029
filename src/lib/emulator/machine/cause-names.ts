/**
 * The names of trap causes: exception codes when mcause's Interrupt bit is 0, interrupt codes
 * (also the bit numbers in mip and mie) when it is 1 (RISC-V privileged spec, Table 3.6, with the
 * hypervisor extension's additions). The CLI, the debugger and the machine views name traps with
 * these.
 */
/** Exception codes when mcause's Interrupt bit is 0. */
export const EXCEPTION_NAMES: Readonly<Record<number, string>> = {
	0: 'instruction address misaligned',
	1: 'instruction access fault',
	2: 'illegal instruction',
	3: 'breakpoint',
	4: 'load address misaligned',
	5: 'load access fault',
	6: 'store/AMO address misaligned',
	7: 'store/AMO access fault',
	8: 'environment call from U-mode or VU-mode',
	9: 'environment call from HS-mode',
	10: 'environment call from VS-mode',
	11: 'environment call from M-mode',
	12: 'instruction page fault',
	13: 'load page fault',
	15: 'store/AMO page fault',
	20: 'instruction guest-page fault',
	21: 'load guest-page fault',
	22: 'virtual instruction',
	23: 'store/AMO guest-page fault'
};

/** Interrupt codes (mcause's Interrupt bit 1), which are also the bit numbers in mip and mie. */
export const INTERRUPT_NAMES: Readonly<Record<number, string>> = {
	1: 'supervisor software interrupt',
	2: 'virtual supervisor software interrupt',
	3: 'machine software interrupt',
	5: 'supervisor timer interrupt',
	6: 'virtual supervisor timer interrupt',
	7: 'machine timer interrupt',
	9: 'supervisor external interrupt',
	10: 'virtual supervisor external interrupt',
	11: 'machine external interrupt',
	12: 'supervisor guest external interrupt'
};

/** The name of the trap an mcause, scause or vscause value reports. */
export function trapCauseName(cause: number): string {
	const interrupt = cause >>> 31 === 1;
	const code = cause & 0x7fffffff;
	const name = interrupt ? INTERRUPT_NAMES[code] : EXCEPTION_NAMES[code];
	return name ?? `${interrupt ? 'interrupt' : 'exception'} ${code} (not defined)`;
}
