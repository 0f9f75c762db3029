/**
 * What the bits of the CSRs the machine views show mean: the field tables of The RISC-V
 * Instruction Set Manual, Volume II (20211203), for RV32, written once for the editor's hover and
 * the CSR view. `decodeCsr(name, value)` splits a value into its fields with a word on each;
 * `csrAccess(number)` reads who may access a CSR from its number (§2.1); `trapCauseName` names an
 * mcause/scause value (Table 3.6, with the hypervisor's causes).
 *
 * Sections: mstatus and mstatush §3.1.6, misa §3.1.1, mtvec §3.1.7, medeleg/mideleg §3.1.8,
 * mip/mie §3.1.9, mcause §3.1.15; sstatus §4.1.1, stvec §4.1.2, sip/sie §4.1.3, scause §4.1.8,
 * satp §4.1.11; the hypervisor extension's chapter for hstatus, hedeleg/hideleg, hvip/hip/hie,
 * hgatp and the VS CSRs (vsstatus is laid out as sstatus, vsatp as satp, vsip/vsie as sip/sie).
 */
import { Csr } from '../../emulator/isa/csr.ts';
import {
	EXCEPTION_NAMES,
	INTERRUPT_NAMES,
	trapCauseName
} from '../../emulator/machine/cause-names.ts';

/** One field of a CSR: bits hi..lo, what it is for, and a word for each value when that helps. */
export interface CsrField {
	readonly name: string;
	readonly hi: number;
	readonly lo: number;
	readonly doc: string;
	/** The meaning of a value of the field; `csr` is the whole register, for fields read together. */
	readonly meaning: (value: number, csr: number) => string;
}

/** A field of a particular value, as the views show it. */
export interface DecodedField {
	readonly field: string;
	/** "12:11", or "3" for one bit. */
	readonly bits: string;
	readonly hi: number;
	readonly lo: number;
	readonly value: number;
	readonly meaning: string;
	readonly doc: string;
}

const hex = (n: number) => '0x' + n.toString(16).padStart(8, '0');

const field = (
	name: string,
	hi: number,
	lo: number,
	doc: string,
	meaning: CsrField['meaning'] = (v) => String(v)
): CsrField => ({ name, hi, lo, doc, meaning });

/** A one-bit field, with what 1 and 0 mean. */
const flag = (name: string, bit: number, doc: string, on: string, off: string): CsrField =>
	field(name, bit, bit, doc, (v) => (v ? on : off));

/** A field whose values each have a name. */
const named = (name: string, hi: number, lo: number, doc: string, names: readonly string[]) =>
	field(name, hi, lo, doc, (v) => names[v] ?? `${v} (reserved)`);

// ---- trap causes: named in src/lib/emulator/machine/cause-names.ts ----------------------------

export { EXCEPTION_NAMES, INTERRUPT_NAMES, trapCauseName };

// ---- the field tables, most significant field first, as the specification draws them --------

const PRIVILEGE = ['U', 'S', '2 (reserved)', 'M'];
const EXTENSION_STATE = ['Off', 'Initial', 'Clean', 'Dirty'];

// The mstatus fields (§3.1.6); sstatus shows some of them (§4.1.1), vsstatus has sstatus's layout.
const SD = flag('SD', 31, 'FS, VS or XS is Dirty', 'some state dirty', 'no state dirty');
const TSR = flag('TSR', 22, 'SRET in S-mode is an illegal instruction', 'SRET traps', 'allowed');
const TW = flag('TW', 21, 'WFI below M-mode is an illegal instruction', 'WFI traps', 'allowed');
const TVM = flag('TVM', 20, 'satp and SFENCE.VMA in S-mode trap', 'they trap', 'allowed');
const MXR = flag('MXR', 19, 'loads may read executable pages', 'X pages readable', 'R pages only');
const SUM = flag('SUM', 18, 'S-mode may access U pages', 'S may access U', 'S may not access U');
const MPRV = flag('MPRV', 17, 'loads and stores act as in mode MPP', 'as in MPP', 'as in M');
const XS = named('XS', 16, 15, 'other extensions’ state', EXTENSION_STATE);
const FS = named('FS', 14, 13, 'floating-point state (no F here: Off)', EXTENSION_STATE);
const MPP = named('MPP', 12, 11, 'mode before the last trap into M; MRET goes back', PRIVILEGE);
const VS = named('VS', 10, 9, 'vector state (no V here: Off)', EXTENSION_STATE);
const SPP = named('SPP', 8, 8, 'mode before the last trap into S; SRET goes back', PRIVILEGE);
const MPIE = flag('MPIE', 7, 'MIE before the last trap into M', 'was enabled', 'was disabled');
const UBE = flag('UBE', 6, 'U-mode data is big-endian', 'big-endian', 'little-endian');
const SPIE = flag('SPIE', 5, 'SIE before the last trap into S', 'was enabled', 'was disabled');
const MIE = flag('MIE', 3, 'M-mode interrupts enabled', 'enabled', 'disabled');
const SIE = flag('SIE', 1, 'S-mode interrupts enabled', 'enabled', 'disabled');

const MSTATUS = [SD, TSR, TW, TVM, MXR, SUM, MPRV, XS, FS, MPP, VS, SPP, MPIE, UBE, SPIE, MIE, SIE];
const SSTATUS = [SD, MXR, SUM, XS, FS, VS, SPP, UBE, SPIE, SIE];

const MSTATUSH: readonly CsrField[] = [
	flag('MPV', 7, 'V before the last trap into M; MRET returns to it', 'V=1', 'V=0'),
	flag('GVA', 6, 'mtval holds a guest virtual address', 'guest virtual', 'not guest virtual'),
	flag('MBE', 5, 'M-mode data is big-endian', 'big-endian', 'little-endian'),
	flag('SBE', 4, 'S-mode data is big-endian', 'big-endian', 'little-endian')
];

const HSTATUS: readonly CsrField[] = [
	flag('VTSR', 22, 'SRET in VS-mode traps (virtual instruction)', 'SRET traps', 'allowed'),
	flag('VTW', 21, 'WFI in VS-mode traps (virtual instruction)', 'WFI traps', 'allowed'),
	flag('VTVM', 20, 'satp and SFENCE.VMA in VS-mode trap', 'they trap', 'allowed'),
	field('VGEIN', 17, 12, 'guest external interrupt that VSEIP shows'),
	flag('HU', 9, 'hypervisor instructions allowed in U-mode', 'allowed in U', 'not in U'),
	named('SPVP', 8, 8, 'mode HLV/HSV act as: VU or VS', ['VU', 'VS']),
	flag('SPV', 7, 'V before the last trap into HS; SRET returns to it', 'V=1', 'V=0'),
	flag('GVA', 6, 'stval holds a guest virtual address', 'guest virtual', 'not guest virtual'),
	flag('VSBE', 5, 'VS-mode data is big-endian', 'big-endian', 'little-endian')
];

/** Root page table address: a PPN times the 4 KiB page size, up to 34 bits. */
const rootTable = (ppn: number) => `root table at 0x${(ppn * 4096).toString(16)}`;

const SATP: readonly CsrField[] = [
	named('MODE', 31, 31, 'translation scheme', ['Bare (no translation)', 'Sv32']),
	field('ASID', 30, 22, 'address-space identifier'),
	field('PPN', 21, 0, 'physical page number of the root page table', rootTable)
];

const HGATP: readonly CsrField[] = [
	named('MODE', 31, 31, 'G-stage translation scheme', ['Bare (no translation)', 'Sv32x4']),
	field('VMID', 28, 22, 'virtual-machine identifier'),
	field('PPN', 21, 0, 'root of the G-stage table (16 KiB, so PPN is a multiple of 4)', rootTable)
];

const TVEC: readonly CsrField[] = [
	field('BASE', 31, 2, 'trap handler address, divided by 4', (v) => `handler at ${hex(v * 4)}`),
	named('MODE', 1, 0, 'Direct: every trap enters BASE; Vectored: interrupts enter BASE + 4×cause', [
		'Direct',
		'Vectored'
	])
];

const CAUSE: readonly CsrField[] = [
	flag('Interrupt', 31, 'the trap was an interrupt', 'interrupt', 'exception'),
	field('Code', 30, 0, 'exception or interrupt code', (_v, csr) => trapCauseName(csr))
];

/** Interrupt bits of mip (suffix P, pending) or mie (suffix E, enabled), given as [name, bit]. */
function interruptBits(
	bits: readonly (readonly [string, number])[],
	suffix: 'P' | 'E'
): CsrField[] {
	const [on, off] = suffix === 'P' ? ['pending', 'not pending'] : ['enabled', 'disabled'];
	return bits.map(([name, bit]) =>
		flag(`${name}${suffix}`, bit, INTERRUPT_NAMES[bit] ?? name, on, off)
	);
}

const M_INTERRUPTS = [
	['SGEI', 12],
	['MEI', 11],
	['VSEI', 10],
	['SEI', 9],
	['MTI', 7],
	['VSTI', 6],
	['STI', 5],
	['MSI', 3],
	['VSSI', 2],
	['SSI', 1]
] as const;
const S_INTERRUPTS = [
	['SEI', 9],
	['STI', 5],
	['SSI', 1]
] as const;
const H_INTERRUPTS = [
	['SGEI', 12],
	['VSEI', 10],
	['VSTI', 6],
	['VSSI', 2]
] as const;
/** hvip: the VS interrupts a hypervisor injects (no SGEI). */
const HVIP_INTERRUPTS = [
	['VSEI', 10],
	['VSTI', 6],
	['VSSI', 2]
] as const;
/**
 * vsip/vsie: what VS-mode sees as sip/sie. The VS interrupts (bits 10, 6, 2 of hip/hie) appear one
 * bit lower, where sip/sie have the S ones, so a guest kernel runs unchanged.
 */
const vsInterruptBits = (suffix: 'P' | 'E'): CsrField[] =>
	interruptBits(S_INTERRUPTS, suffix).map((f) => ({
		...f,
		doc: `${INTERRUPT_NAMES[f.lo + 1]} (VS${f.name.slice(1)} in hip/hie)`
	}));

/** Delegation bits, one per interrupt (mideleg, hideleg). */
const delegateInterrupts = (bits: readonly number[], to: string): CsrField[] =>
	bits.map((bit) =>
		flag(
			M_INTERRUPTS.find(([, b]) => b === bit)![0],
			bit,
			INTERRUPT_NAMES[bit],
			to,
			'not delegated'
		)
	);

/** Delegation bits, one per exception (medeleg, hedeleg), named by their short code. */
const delegateExceptions = (codes: readonly number[], to: string): CsrField[] =>
	codes
		.slice()
		.sort((a, b) => b - a)
		.map((code) => flag(`E${code}`, code, EXCEPTION_NAMES[code], to, 'not delegated'));

/**
 * The exceptions medeleg may delegate with the H extension: all but ECALL from M (bit 11, §3.1.8).
 * hedeleg may not delegate ECALL from HS, VS or M, nor the guest-page faults and virtual
 * instructions, which belong to the hypervisor (bits 9–11 and 20–23 are read-only zero).
 */
const MEDELEG_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 20, 21, 22, 23];
const HEDELEG_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 15];

/** misa's Extensions field: bit i is letter 'A' + i. */
const extensionLetters = (bits: number) =>
	[...Array(26).keys()]
		.filter((i) => (bits >>> i) & 1)
		.map((i) => String.fromCharCode(65 + i))
		.join('') || 'none';

const MISA: readonly CsrField[] = [
	named('MXL', 31, 30, 'native register width', ['0 (not given)', 'RV32', 'RV64', 'RV128']),
	field('Extensions', 25, 0, 'one bit per letter, A at bit 0', extensionLetters)
];

export const CSR_FIELDS: Readonly<Record<string, readonly CsrField[]>> = {
	mstatus: MSTATUS,
	mstatush: MSTATUSH,
	misa: MISA,
	mtvec: TVEC,
	medeleg: delegateExceptions(MEDELEG_CODES, 'delegated to HS/S'),
	mideleg: delegateInterrupts([12, 10, 9, 6, 5, 2, 1], 'delegated to HS/S'),
	mip: interruptBits(M_INTERRUPTS, 'P'),
	mie: interruptBits(M_INTERRUPTS, 'E'),
	mcause: CAUSE,
	sstatus: SSTATUS,
	stvec: TVEC,
	sip: interruptBits(S_INTERRUPTS, 'P'),
	sie: interruptBits(S_INTERRUPTS, 'E'),
	scause: CAUSE,
	satp: SATP,
	hstatus: HSTATUS,
	hedeleg: delegateExceptions(HEDELEG_CODES, 'delegated to VS'),
	hideleg: delegateInterrupts([10, 6, 2], 'delegated to VS'),
	hvip: interruptBits(HVIP_INTERRUPTS, 'P'),
	hip: interruptBits(H_INTERRUPTS, 'P'),
	hie: interruptBits(H_INTERRUPTS, 'E'),
	hgatp: HGATP,
	vsstatus: SSTATUS,
	vstvec: TVEC,
	vsip: vsInterruptBits('P'),
	vsie: vsInterruptBits('E'),
	vscause: CAUSE,
	vsatp: SATP
};

/** `value` of CSR `name` split into its fields, most significant first; [] without a table. */
export function decodeCsr(name: string, value: number): DecodedField[] {
	const fields = Object.hasOwn(CSR_FIELDS, name) ? CSR_FIELDS[name] : [];
	const csr = value >>> 0;
	return fields.map((f) => {
		const width = f.hi - f.lo + 1;
		const v = width === 32 ? csr : (csr >>> f.lo) & ((2 ** width - 1) >>> 0);
		return {
			field: f.name,
			bits: f.hi === f.lo ? `${f.hi}` : `${f.hi}:${f.lo}`,
			hi: f.hi,
			lo: f.lo,
			value: v >>> 0,
			meaning: f.meaning(v >>> 0, csr),
			doc: f.doc
		};
	});
}

// ---- access rules from the number (§2.1 "CSR Address Mapping Conventions") -------------------

export type CsrPrivilege = 'U' | 'S' | 'HS' | 'M';

export interface CsrAccess {
	/** Bits 11:10 are 3: writing it is an illegal instruction. */
	readonly readOnly: boolean;
	/** Bits 9:8: the least-privileged mode that may access it (0 U, 1 S, 2 HS, 3 M). */
	readonly lowest: CsrPrivilege;
	/** One sentence for a reader. */
	readonly summary: string;
}

const LOWEST: readonly CsrPrivilege[] = ['U', 'S', 'HS', 'M'];

export function csrAccess(csr: number): CsrAccess {
	const readOnly = ((csr >>> 10) & 3) === 3;
	const lowest = LOWEST[(csr >>> 8) & 3];
	const what = readOnly ? 'read-only' : 'read/write';
	const modes = lowest === 'M' ? 'in M-mode only' : `from ${lowest}-mode up`;
	return { readOnly, lowest, summary: `${what}, ${modes}` };
}

/** The CSRs that have a field table and their numbers, in the order of CSR_FIELDS. */
export const DECODED_CSRS: readonly { name: string; number: number }[] = Object.keys(
	CSR_FIELDS
).map((name) => ({ name, number: Csr[name as keyof typeof Csr] }));
