/**
 * CSR numbers and names (Privileged Architecture, Volume II 20211203, §2.2 Tables 2.2–2.6, and §9.2
 * for the hypervisor CSRs). Shared by the assembler (names in `csrr t0, mstatus`), the disassembler
 * and the machine.
 */
const named: Record<string, number> = {
	// Unprivileged counters and timers (read-only shadows)
	cycle: 0xc00,
	time: 0xc01,
	instret: 0xc02,
	cycleh: 0xc80,
	timeh: 0xc81,
	instreth: 0xc82,
	// Supervisor
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
	// Hypervisor
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
	// Virtual supervisor
	vsstatus: 0x200,
	vsie: 0x204,
	vstvec: 0x205,
	vsscratch: 0x240,
	vsepc: 0x241,
	vscause: 0x242,
	vstval: 0x243,
	vsip: 0x244,
	vsatp: 0x280,
	// Machine information
	mvendorid: 0xf11,
	marchid: 0xf12,
	mimpid: 0xf13,
	mhartid: 0xf14,
	mconfigptr: 0xf15,
	// Machine trap setup and handling
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
	mcountinhibit: 0x320,
	mscratch: 0x340,
	mepc: 0x341,
	mcause: 0x342,
	mtval: 0x343,
	mip: 0x344,
	mtinst: 0x34a,
	mtval2: 0x34b,
	// Machine counters
	mcycle: 0xb00,
	minstret: 0xb02,
	mcycleh: 0xb80,
	minstreth: 0xb82
};

// Numbered families: pmpcfg0–15, pmpaddr0–63, hpmcounter3–31(h), mhpmcounter3–31(h), mhpmevent3–31.
for (let i = 0; i < 16; i++) named[`pmpcfg${i}`] = 0x3a0 + i;
for (let i = 0; i < 64; i++) named[`pmpaddr${i}`] = 0x3b0 + i;
for (let i = 3; i < 32; i++) {
	named[`hpmcounter${i}`] = 0xc00 + i;
	named[`hpmcounter${i}h`] = 0xc80 + i;
	named[`mhpmcounter${i}`] = 0xb00 + i;
	named[`mhpmcounter${i}h`] = 0xb80 + i;
	named[`mhpmevent${i}`] = 0x320 + i;
}

export const csrNumber: ReadonlyMap<string, number> = new Map(Object.entries(named));
export const csrName: ReadonlyMap<number, string> = new Map(
	Object.entries(named).map(([name, n]) => [n, name])
);
