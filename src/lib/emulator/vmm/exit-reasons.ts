/**
 * Why the guest stopped and the monitor ran: every VM exit has one of these reasons. Each names the
 * RISC-V event (the trap cause that reached the monitor) and its closest x86 analogue, the name a
 * student meets in `perf kvm stat` or the Intel SDM (Vol. 3C, Appendix C, "VMX basic exit reasons").
 */
export const EXIT_REASONS = {
	sbi: {
		riscv: 'ECALL to the SBI firmware',
		x86: 'VMCALL (a hypercall to the firmware interface)'
	},
	hypercall: {
		riscv: 'ECALL with the VirtLab extension (paravirtual hypercall)',
		x86: 'Xen hypercall (VMCALL / int 0x82)'
	},
	guestPageFault: {
		riscv: 'guest-page fault (G-stage translation missing)',
		x86: 'EPT violation'
	},
	mmio: {
		riscv: 'load or store to a device page (emulated MMIO)',
		x86: 'EPT misconfiguration / MMIO access'
	},
	timer: {
		riscv: 'machine timer interrupt while the guest ran',
		x86: 'external interrupt'
	},
	wfi: {
		riscv: 'WFI (wait for interrupt)',
		x86: 'HLT'
	},
	csrAccess: {
		riscv: 'CSR access from the deprivileged kernel (illegal / virtual instruction)',
		x86: 'CR access / RDMSR / WRMSR'
	},
	sret: {
		riscv: 'SRET from the deprivileged kernel',
		x86: 'IRET under a software VMM (trapped and emulated)'
	},
	sfence: {
		riscv: 'SFENCE.VMA from the deprivileged kernel',
		x86: 'INVLPG'
	},
	hiddenPageFault: {
		riscv: 'page fault on a missing shadow entry (hidden from the guest)',
		x86: '#PF exit with shadow paging (hidden fault)'
	},
	pageTableWrite: {
		riscv: 'store to a write-protected guest page table',
		x86: '#PF exit on a write-protected guest page table'
	},
	guestTrap: {
		riscv: 'trap of the guest itself, reflected into the guest kernel',
		x86: 'exception exit reflected to the guest (e.g. #PF, INT 0x80)'
	}
} as const satisfies Record<string, { riscv: string; x86: string }>;

export type ExitReason = keyof typeof EXIT_REASONS;
