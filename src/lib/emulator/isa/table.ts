/**
 * The RISC-V instruction table: the single description of every instruction VirtLab knows.
 * Decoder, executor dispatch, disassembler and assembler all derive from it (docs/architecture.md,
 * "Boundaries, and why"), as the opcode tables of binutils (riscv-opc.c) and riscv-opcodes do.
 *
 * An instruction word `w` is instruction `s` when `(w & s.mask) === s.match`; its op id, which the
 * executors switch on, is its position in `instructions` plus one (ops.ts). `operands` lists the
 * assembly operands in GNU as order; `operandFields` says which fields of the word each kind
 * fills, and `Field` where each field's bits lie. Encoding (encode.ts), decoding (fields.ts,
 * checked against `Field` by a unit test) and disassembly (disassemble.ts) all read them from here.
 * Encodings: The RISC-V Instruction Set Manual, Volume I (20191213), chapter 24 "RV32/64G Instruction
 * Set Listings"; Volume II (20211203) §9 for the hypervisor instructions.
 */

export type Extension = 'I' | 'M' | 'A' | 'Zicsr' | 'Zifencei' | 'Priv' | 'H';

/**
 * Operand kinds, named after the fields they occupy (`operandFields` below says which).
 * - `rd` 11:7, `rs1` 19:15, `rs2` 24:20: integer registers x0..x31.
 * - `imm12`: I-type signed immediate, bits 31:20.
 * - `shamt`: shift amount, bits 24:20 (RV32: bit 25 must be 0).
 * - `memI`: `offset(rs1)` for loads and jalr: I-type immediate and rs1.
 * - `memS`: `offset(rs1)` for stores: S-type immediate (31:25 and 11:7) and rs1.
 * - `addr`: `(rs1)` with no offset, for LR/SC, AMOs and the hypervisor loads and stores.
 * - `branch`: B-type PC-relative offset (bits 31, 7, 30:25, 11:8), a multiple of 2 in ±4 KiB.
 * - `jump`: J-type PC-relative offset (bits 31, 19:12, 20, 30:21), a multiple of 2 in ±1 MiB.
 * - `upper`: U-type 20-bit immediate, bits 31:12.
 * - `csr`: CSR number, bits 31:20.
 * - `uimm5`: unsigned 5-bit immediate in the rs1 field (19:15), for csrr*i.
 * - `pred`, `succ`: FENCE ordering sets (bits 27:24 and 23:20), written like `iorw`.
 */
export type OperandKind =
	| 'rd'
	| 'rs1'
	| 'rs2'
	| 'imm12'
	| 'shamt'
	| 'memI'
	| 'memS'
	| 'addr'
	| 'branch'
	| 'jump'
	| 'upper'
	| 'csr'
	| 'uimm5'
	| 'pred'
	| 'succ';

/**
 * A piece of a field: bits `hi`..`lo` of the field's value sit in the word from bit `at` upwards.
 */
export interface BitSlice {
	readonly hi: number;
	readonly lo: number;
	readonly at: number;
}

/** Where a field's value lies in the word, and whether decoding sign-extends it. */
export interface FieldLayout {
	readonly slices: readonly BitSlice[];
	readonly signed: boolean;
}

const bits = (hi: number, lo: number, at: number): BitSlice => ({ hi, lo, at });
const unsigned = (...slices: BitSlice[]): FieldLayout => ({ slices, signed: false });
const signed = (...slices: BitSlice[]): FieldLayout => ({ slices, signed: true });

/**
 * The fields of the instruction formats (Volume I §2.2 Figure 2.2 and §2.3 Figure 2.4; §2.7 for
 * FENCE, §8.2 for aq/rl, §9.1 for the CSR number). Immediates are drawn from their top bit down,
 * as the figures draw them: the B-type offset's bit 12 sits in word bit 31, its bits 10:5 in
 * 30:25, 4:1 in 11:8 and bit 11 in bit 7 (bit 0 of a branch or jump offset is always zero).
 */
export const Field = {
	rd: unsigned(bits(4, 0, 7)),
	rs1: unsigned(bits(4, 0, 15)),
	rs2: unsigned(bits(4, 0, 20)),
	immI: signed(bits(11, 0, 20)),
	immS: signed(bits(11, 5, 25), bits(4, 0, 7)),
	immB: signed(bits(12, 12, 31), bits(10, 5, 25), bits(4, 1, 8), bits(11, 11, 7)),
	/** The 20-bit value of `lui rd, imm`: the word holds imm << 12. */
	immU: unsigned(bits(19, 0, 12)),
	immJ: signed(bits(20, 20, 31), bits(10, 1, 21), bits(11, 11, 20), bits(19, 12, 12)),
	shamt: unsigned(bits(4, 0, 20)),
	csr: unsigned(bits(11, 0, 20)),
	/** The CSR instructions' immediate, in the rs1 field. */
	uimm5: unsigned(bits(4, 0, 15)),
	fm: unsigned(bits(3, 0, 28)),
	pred: unsigned(bits(3, 0, 24)),
	succ: unsigned(bits(3, 0, 20)),
	aq: unsigned(bits(0, 0, 26)),
	rl: unsigned(bits(0, 0, 25))
} as const satisfies Record<string, FieldLayout>;

export type FieldName = keyof typeof Field;

/** The bits `value` contributes to a word through `field`; bits beyond the field are dropped. */
export function packField(field: FieldLayout, value: number): number {
	let word = 0;
	for (const { hi, lo, at } of field.slices)
		word |= ((value >>> lo) & ((1 << (hi - lo + 1)) - 1)) << at;
	return word;
}

/** The value of `field` in `word`, sign-extended from its top bit when the field is signed. */
export function unpackField(field: FieldLayout, word: number): number {
	let value = 0;
	let top = 0;
	for (const { hi, lo, at } of field.slices) {
		value |= ((word >>> at) & ((1 << (hi - lo + 1)) - 1)) << lo;
		top = Math.max(top, hi);
	}
	return field.signed ? (value << (31 - top)) >> (31 - top) : value;
}

/** The operand values an instruction is encoded from (encode.ts), by name. */
export type OperandValue = 'rd' | 'rs1' | 'rs2' | 'imm' | 'csr' | 'pred' | 'succ';

/**
 * The fields each operand kind fills, and the operand value that goes into each: `memI` is
 * `imm(rs1)`, so it fills the I-type immediate from `imm` and the rs1 field from `rs1`.
 */
export const operandFields: Readonly<
	Record<OperandKind, readonly (readonly [FieldName, OperandValue])[]>
> = {
	rd: [['rd', 'rd']],
	rs1: [['rs1', 'rs1']],
	rs2: [['rs2', 'rs2']],
	imm12: [['immI', 'imm']],
	shamt: [['shamt', 'imm']],
	memI: [
		['immI', 'imm'],
		['rs1', 'rs1']
	],
	memS: [
		['immS', 'imm'],
		['rs1', 'rs1']
	],
	addr: [['rs1', 'rs1']],
	branch: [['immB', 'imm']],
	jump: [['immJ', 'imm']],
	upper: [['immU', 'imm']],
	csr: [['csr', 'csr']],
	uimm5: [['uimm5', 'imm']],
	pred: [['pred', 'pred']],
	succ: [['succ', 'succ']]
};

export interface InstructionSpec {
	/** Mnemonic as GNU as spells it. AMOs also accept `.aq`, `.rl` and `.aqrl` suffixes (bits 26, 25). */
	readonly name: string;
	readonly match: number;
	readonly mask: number;
	readonly operands: readonly OperandKind[];
	readonly extension: Extension;
}

// Opcode, funct3 and funct7 positions (Volume I §2.2).
const f3 = (v: number) => v << 12;
const f7 = (v: number) => v << 25;
const MASK_OPCODE = 0x7f;
const MASK_F3 = 0x707f;
const MASK_F3_F7 = 0xfe00707f;
const MASK_ALL = 0xffffffff | 0;
/** AMOs: funct5 in 31:27, aq/rl in 26:25 are free. */
const MASK_AMO = 0xf800707f | 0;
/** LR.W: as an AMO, and rs2 must be zero. */
const MASK_LR = 0xf9f0707f | 0;
/** SFENCE.VMA, HFENCE.*, HSV.*: funct7, funct3 and rd fixed; rs1 and rs2 free. */
const MASK_F7_RD = 0xfe007fff | 0;
/** HLV.*: funct7, the rs2 selector, funct3 fixed; rd and rs1 free. */
const MASK_HLV = 0xfff0707f | 0;

const OP = 0x33;
const OP_IMM = 0x13;
const LOAD = 0x03;
const STORE = 0x23;
const BRANCH = 0x63;
const AMO = 0x2f;
const SYSTEM = 0x73;
const MISC_MEM = 0x0f;

const R = ['rd', 'rs1', 'rs2'] as const;
const I = ['rd', 'rs1', 'imm12'] as const;
const SH = ['rd', 'rs1', 'shamt'] as const;
const B = ['rs1', 'rs2', 'branch'] as const;
const LD = ['rd', 'memI'] as const;
const ST = ['rs2', 'memS'] as const;
const AMO_OPS = ['rd', 'rs2', 'addr'] as const;
const CSR = ['rd', 'csr', 'rs1'] as const;
const CSRI = ['rd', 'csr', 'uimm5'] as const;

const amo = (name: string, funct5: number): InstructionSpec => ({
	name,
	match: (funct5 << 27) | f3(2) | AMO | 0,
	mask: MASK_AMO,
	operands: AMO_OPS,
	extension: 'A'
});

export const instructions: readonly InstructionSpec[] = [
	// RV32I base (Volume I chapter 2)
	{ name: 'lui', match: 0x37, mask: MASK_OPCODE, operands: ['rd', 'upper'], extension: 'I' },
	{ name: 'auipc', match: 0x17, mask: MASK_OPCODE, operands: ['rd', 'upper'], extension: 'I' },
	{ name: 'jal', match: 0x6f, mask: MASK_OPCODE, operands: ['rd', 'jump'], extension: 'I' },
	{ name: 'jalr', match: 0x67, mask: MASK_F3, operands: ['rd', 'memI'], extension: 'I' },
	{ name: 'beq', match: f3(0) | BRANCH, mask: MASK_F3, operands: B, extension: 'I' },
	{ name: 'bne', match: f3(1) | BRANCH, mask: MASK_F3, operands: B, extension: 'I' },
	{ name: 'blt', match: f3(4) | BRANCH, mask: MASK_F3, operands: B, extension: 'I' },
	{ name: 'bge', match: f3(5) | BRANCH, mask: MASK_F3, operands: B, extension: 'I' },
	{ name: 'bltu', match: f3(6) | BRANCH, mask: MASK_F3, operands: B, extension: 'I' },
	{ name: 'bgeu', match: f3(7) | BRANCH, mask: MASK_F3, operands: B, extension: 'I' },
	{ name: 'lb', match: f3(0) | LOAD, mask: MASK_F3, operands: LD, extension: 'I' },
	{ name: 'lh', match: f3(1) | LOAD, mask: MASK_F3, operands: LD, extension: 'I' },
	{ name: 'lw', match: f3(2) | LOAD, mask: MASK_F3, operands: LD, extension: 'I' },
	{ name: 'lbu', match: f3(4) | LOAD, mask: MASK_F3, operands: LD, extension: 'I' },
	{ name: 'lhu', match: f3(5) | LOAD, mask: MASK_F3, operands: LD, extension: 'I' },
	{ name: 'sb', match: f3(0) | STORE, mask: MASK_F3, operands: ST, extension: 'I' },
	{ name: 'sh', match: f3(1) | STORE, mask: MASK_F3, operands: ST, extension: 'I' },
	{ name: 'sw', match: f3(2) | STORE, mask: MASK_F3, operands: ST, extension: 'I' },
	{ name: 'addi', match: f3(0) | OP_IMM, mask: MASK_F3, operands: I, extension: 'I' },
	{ name: 'slti', match: f3(2) | OP_IMM, mask: MASK_F3, operands: I, extension: 'I' },
	{ name: 'sltiu', match: f3(3) | OP_IMM, mask: MASK_F3, operands: I, extension: 'I' },
	{ name: 'xori', match: f3(4) | OP_IMM, mask: MASK_F3, operands: I, extension: 'I' },
	{ name: 'ori', match: f3(6) | OP_IMM, mask: MASK_F3, operands: I, extension: 'I' },
	{ name: 'andi', match: f3(7) | OP_IMM, mask: MASK_F3, operands: I, extension: 'I' },
	{ name: 'slli', match: f3(1) | OP_IMM, mask: MASK_F3_F7, operands: SH, extension: 'I' },
	{ name: 'srli', match: f3(5) | OP_IMM, mask: MASK_F3_F7, operands: SH, extension: 'I' },
	{
		name: 'srai',
		match: f7(0x20) | f3(5) | OP_IMM,
		mask: MASK_F3_F7,
		operands: SH,
		extension: 'I'
	},
	{ name: 'add', match: f3(0) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'sub', match: f7(0x20) | f3(0) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'sll', match: f3(1) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'slt', match: f3(2) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'sltu', match: f3(3) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'xor', match: f3(4) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'srl', match: f3(5) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'sra', match: f7(0x20) | f3(5) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'or', match: f3(6) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	{ name: 'and', match: f3(7) | OP, mask: MASK_F3_F7, operands: R, extension: 'I' },
	// FENCE ignores fm, rs1 and rd (Volume I §2.7); FENCE.TSO is fm=1000 pred=succ=rw.
	{
		name: 'fence',
		match: f3(0) | MISC_MEM,
		mask: MASK_F3,
		operands: ['pred', 'succ'],
		extension: 'I'
	},
	{ name: 'ecall', match: 0x00000073, mask: MASK_ALL, operands: [], extension: 'I' },
	{ name: 'ebreak', match: 0x00100073, mask: MASK_ALL, operands: [], extension: 'I' },

	// Zifencei (Volume I chapter 3)
	{ name: 'fence.i', match: f3(1) | MISC_MEM, mask: MASK_F3, operands: [], extension: 'Zifencei' },

	// Zicsr (Volume I chapter 9)
	{ name: 'csrrw', match: f3(1) | SYSTEM, mask: MASK_F3, operands: CSR, extension: 'Zicsr' },
	{ name: 'csrrs', match: f3(2) | SYSTEM, mask: MASK_F3, operands: CSR, extension: 'Zicsr' },
	{ name: 'csrrc', match: f3(3) | SYSTEM, mask: MASK_F3, operands: CSR, extension: 'Zicsr' },
	{ name: 'csrrwi', match: f3(5) | SYSTEM, mask: MASK_F3, operands: CSRI, extension: 'Zicsr' },
	{ name: 'csrrsi', match: f3(6) | SYSTEM, mask: MASK_F3, operands: CSRI, extension: 'Zicsr' },
	{ name: 'csrrci', match: f3(7) | SYSTEM, mask: MASK_F3, operands: CSRI, extension: 'Zicsr' },

	// M (Volume I chapter 7): funct7 = 1
	{ name: 'mul', match: f7(1) | f3(0) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'mulh', match: f7(1) | f3(1) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'mulhsu', match: f7(1) | f3(2) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'mulhu', match: f7(1) | f3(3) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'div', match: f7(1) | f3(4) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'divu', match: f7(1) | f3(5) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'rem', match: f7(1) | f3(6) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },
	{ name: 'remu', match: f7(1) | f3(7) | OP, mask: MASK_F3_F7, operands: R, extension: 'M' },

	// A (Volume I chapter 8): funct5 in 31:27
	{
		name: 'lr.w',
		match: (0x02 << 27) | f3(2) | AMO | 0,
		mask: MASK_LR,
		operands: ['rd', 'addr'],
		extension: 'A'
	},
	amo('sc.w', 0x03),
	amo('amoswap.w', 0x01),
	amo('amoadd.w', 0x00),
	amo('amoxor.w', 0x04),
	amo('amoand.w', 0x0c),
	amo('amoor.w', 0x08),
	amo('amomin.w', 0x10),
	amo('amomax.w', 0x14),
	amo('amominu.w', 0x18),
	amo('amomaxu.w', 0x1c),

	// Privileged (Volume II §3.3, §4.2.1)
	{ name: 'sret', match: 0x10200073, mask: MASK_ALL, operands: [], extension: 'Priv' },
	{ name: 'mret', match: 0x30200073, mask: MASK_ALL, operands: [], extension: 'Priv' },
	{ name: 'wfi', match: 0x10500073, mask: MASK_ALL, operands: [], extension: 'Priv' },
	{
		name: 'sfence.vma',
		match: 0x12000073,
		mask: MASK_F7_RD,
		operands: ['rs1', 'rs2'],
		extension: 'Priv'
	},

	// Hypervisor (Volume II §9.3): fences, and loads/stores as if V=1
	{
		name: 'hfence.vvma',
		match: 0x22000073,
		mask: MASK_F7_RD,
		operands: ['rs1', 'rs2'],
		extension: 'H'
	},
	{
		name: 'hfence.gvma',
		match: 0x62000073,
		mask: MASK_F7_RD,
		operands: ['rs1', 'rs2'],
		extension: 'H'
	},
	{ name: 'hlv.b', match: 0x60004073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hlv.bu', match: 0x60104073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hlv.h', match: 0x64004073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hlv.hu', match: 0x64104073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hlvx.hu', match: 0x64304073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hlv.w', match: 0x68004073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hlvx.wu', match: 0x68304073, mask: MASK_HLV, operands: ['rd', 'addr'], extension: 'H' },
	{ name: 'hsv.b', match: 0x62004073, mask: MASK_F7_RD, operands: ['rs2', 'addr'], extension: 'H' },
	{ name: 'hsv.h', match: 0x66004073, mask: MASK_F7_RD, operands: ['rs2', 'addr'], extension: 'H' },
	{ name: 'hsv.w', match: 0x6a004073, mask: MASK_F7_RD, operands: ['rs2', 'addr'], extension: 'H' }
];

/** Looks an instruction up by mnemonic (without AMO ordering suffixes). */
export const instructionByName: ReadonlyMap<string, InstructionSpec> = new Map(
	instructions.map((s) => [s.name, s])
);
