/**
 * The CSRs VirtLab's machine implements: each number defined once, under its name in the
 * specification (Privileged Architecture, Volume II 20211203, §2.2 Tables 2.2–2.6, and §9.2 for
 * the hypervisor and virtual-supervisor CSRs; the counters of Volume I chapter 10).
 * The machine names them through `Csr` and `CsrFamily` (machine/csr-file.ts), the assembler and the
 * disassembler through `csrNumber` and `csrName`. Numbers that objdump names but the machine does
 * not implement live in csr-objdump.ts.
 *
 * A CSR's number also carries its access rules (§2.1): bits 11:10 are 3 for a read-only CSR, and
 * bits 9:8 give the lowest privilege that may access it (0 U, 1 S, 2 HS, 3 M).
 */
export const Csr = {
	// Unprivileged counters and timers: read-only shadows of the machine counters (Table 2.2)
	cycle: 0xc00,
	time: 0xc01,
	instret: 0xc02,
	cycleh: 0xc80,
	timeh: 0xc81,
	instreth: 0xc82,
	// Supervisor (Table 2.3)
	sstatus: 0x100,
	sie: 0x104,
	stvec: 0x105,
	scounteren: 0x106,
	senvcfg: 0x10a,
	sscratch: 0x140,
	sepc: 0x141,
	scause: 0x142,
	stval: 0x143,
	sip: 0x144,
	satp: 0x180,
	// Hypervisor (Table 2.4)
	hstatus: 0x600,
	hedeleg: 0x602,
	hideleg: 0x603,
	hie: 0x604,
	htimedelta: 0x605,
	hcounteren: 0x606,
	hgeie: 0x607,
	henvcfg: 0x60a,
	htimedeltah: 0x615,
	henvcfgh: 0x61a,
	htval: 0x643,
	hip: 0x644,
	hvip: 0x645,
	htinst: 0x64a,
	hgatp: 0x680,
	hgeip: 0xe12,
	// Virtual supervisor (Table 2.4): each is its supervisor CSR's number plus 0x100 (§9.2.11)
	vsstatus: 0x200,
	vsie: 0x204,
	vstvec: 0x205,
	vsscratch: 0x240,
	vsepc: 0x241,
	vscause: 0x242,
	vstval: 0x243,
	vsip: 0x244,
	vsatp: 0x280,
	// Machine information (Table 2.5)
	mvendorid: 0xf11,
	marchid: 0xf12,
	mimpid: 0xf13,
	mhartid: 0xf14,
	mconfigptr: 0xf15,
	// Machine trap setup and handling, configuration (Table 2.5)
	mstatus: 0x300,
	misa: 0x301,
	medeleg: 0x302,
	mideleg: 0x303,
	mie: 0x304,
	mtvec: 0x305,
	mcounteren: 0x306,
	menvcfg: 0x30a,
	mstatush: 0x310,
	menvcfgh: 0x31a,
	mscratch: 0x340,
	mepc: 0x341,
	mcause: 0x342,
	mtval: 0x343,
	mip: 0x344,
	mtinst: 0x34a,
	mtval2: 0x34b,
	// Machine counters (Table 2.6)
	mcycle: 0xb00,
	minstret: 0xb02,
	mcycleh: 0xb80,
	minstreth: 0xb82,
	mcountinhibit: 0x320
} as const;

export type CsrName = keyof typeof Csr;

/**
 * A numbered family (§2.2): the CSRs `${prefix}${i}${suffix}` for i from `first` to `last`, whose
 * numbers are `base + i` (so hpmcounter3 is cycle + 3, and mhpmevent3 is mcountinhibit + 3).
 */
export interface CsrFamily {
	readonly prefix: string;
	readonly suffix: string;
	readonly first: number;
	readonly last: number;
	readonly base: number;
}

export const CsrFamily = {
	pmpcfg: { prefix: 'pmpcfg', suffix: '', first: 0, last: 15, base: 0x3a0 },
	pmpaddr: { prefix: 'pmpaddr', suffix: '', first: 0, last: 63, base: 0x3b0 },
	hpmcounter: { prefix: 'hpmcounter', suffix: '', first: 3, last: 31, base: Csr.cycle },
	hpmcounterh: { prefix: 'hpmcounter', suffix: 'h', first: 3, last: 31, base: Csr.cycleh },
	mhpmcounter: { prefix: 'mhpmcounter', suffix: '', first: 3, last: 31, base: Csr.mcycle },
	mhpmcounterh: { prefix: 'mhpmcounter', suffix: 'h', first: 3, last: 31, base: Csr.mcycleh },
	mhpmevent: { prefix: 'mhpmevent', suffix: '', first: 3, last: 31, base: Csr.mcountinhibit }
} as const satisfies Record<string, CsrFamily>;

/** The index i of `csr` in `family`, or -1 when it is not a member. */
export function familyIndex(csr: number, family: CsrFamily): number {
	const i = csr - family.base;
	return i >= family.first && i <= family.last ? i : -1;
}

const named = new Map<string, number>(Object.entries(Csr));
for (const f of Object.values(CsrFamily) as CsrFamily[])
	for (let i = f.first; i <= f.last; i++) named.set(`${f.prefix}${i}${f.suffix}`, f.base + i);

/** Every implemented CSR by name, and by number. */
export const csrNumber: ReadonlyMap<string, number> = named;
export const csrName: ReadonlyMap<number, string> = new Map(
	[...named].map(([name, n]) => [n, name])
);
