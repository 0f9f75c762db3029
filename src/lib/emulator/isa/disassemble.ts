/**
 * Disassembly in the style of GNU objdump 2.40 (`riscv64-unknown-elf-objdump -d`, with and without
 * `-M no-aliases`), derived from the instruction table: operand kinds say which fields to print and
 * how. Aliases follow binutils' opcode table (opcodes/riscv-opc.c), where the first matching entry
 * wins: so `addi a0,a1,5` prints as `add a0,a1,5`, `xori a0,a1,-1` as `not a0,a1`, and
 * `csrrs a0,cycle,zero` as `rdcycle a0`.
 *
 * Words that match no instruction print as `.4byte 0x…`, as objdump prints them.
 */
import { Csr, csrName } from './csr.ts';
import { objdumpOnlyCsrName } from './csr-objdump.ts';
import {
	Field,
	instructions,
	unpackField,
	type FieldName,
	type InstructionSpec,
	type OperandKind
} from './table.ts';
import { abiNames } from './registers.ts';

export interface DisassembleOptions {
	/** Print pseudo-instructions (objdump's default). Off is `-M no-aliases`. Default true. */
	aliases?: boolean;
	/** Names an address for branch and jump targets, printed as `80000010 <name>`. */
	symbol?: (address: number) => string | undefined;
}

/** A word's fields, decoded as the instruction table lays them out (table.ts `Field`). */
type Fields = Record<FieldName, number>;

const fieldNames = Object.keys(Field) as FieldName[];

function fields(w: number): Fields {
	const f = {} as Fields;
	for (const name of fieldNames) f[name] = unpackField(Field[name], w);
	return f;
}

/** The table entry `word` encodes, or undefined. The first match in table order wins. */
export function findInstruction(word: number): InstructionSpec | undefined {
	const w = word | 0;
	for (const s of instructions) if ((w & s.mask) === (s.match | 0)) return s;
	return undefined;
}

const reg = (n: number) => abiNames[n];
const hex = (n: number) => '0x' + (n >>> 0).toString(16);
const csr = (n: number) => csrName.get(n) ?? objdumpOnlyCsrName.get(n) ?? hex(n);

/** objdump prints FENCE sets as letters from `iorw`, and `unknown` for the empty set. */
function fenceSet(bits: number): string {
	const s =
		(bits & 8 ? 'i' : '') + (bits & 4 ? 'o' : '') + (bits & 2 ? 'r' : '') + (bits & 1 ? 'w' : '');
	return s === '' ? 'unknown' : s;
}

function target(pc: number, offset: number, options: DisassembleOptions): string {
	const address = (pc + offset) >>> 0;
	const name = options.symbol?.(address);
	return name === undefined ? hex(address) : `${address.toString(16)} <${name}>`;
}

function operand(kind: OperandKind, f: Fields, pc: number, options: DisassembleOptions): string {
	switch (kind) {
		case 'rd':
			return reg(f.rd);
		case 'rs1':
			return reg(f.rs1);
		case 'rs2':
			return reg(f.rs2);
		case 'imm12':
			return String(f.immI);
		case 'shamt':
			return hex(f.shamt);
		case 'memI':
			return `${f.immI}(${reg(f.rs1)})`;
		case 'memS':
			return `${f.immS}(${reg(f.rs1)})`;
		case 'addr':
			return `(${reg(f.rs1)})`;
		case 'branch':
			return target(pc, f.immB, options);
		case 'jump':
			return target(pc, f.immJ, options);
		case 'upper':
			return hex(f.immU);
		case 'csr':
			return csr(f.csr);
		case 'uimm5':
			return String(f.uimm5);
		case 'pred':
			return fenceSet(f.pred);
		case 'succ':
			return fenceSet(f.succ);
	}
}

const fmt = (name: string, ops: string[]) => (ops.length ? `${name}\t${ops.join(',')}` : name);

/** objdump's alias for the instruction, or undefined to print it as it is. */
function alias(
	s: InstructionSpec,
	f: Fields,
	pc: number,
	o: DisassembleOptions
): string | undefined {
	const { rd, rs1, rs2, immI } = f;
	const t = (offset: number) => target(pc, offset, o);
	switch (s.name) {
		case 'addi':
			if (rd === 0 && rs1 === 0 && immI === 0) return 'nop';
			if (rs1 === 0) return fmt('li', [reg(rd), String(immI)]);
			if (immI === 0) return fmt('mv', [reg(rd), reg(rs1)]);
			return fmt('add', [reg(rd), reg(rs1), String(immI)]);
		case 'xori':
			if (immI === -1) return fmt('not', [reg(rd), reg(rs1)]);
			return fmt('xor', [reg(rd), reg(rs1), String(immI)]);
		case 'ori':
			return fmt('or', [reg(rd), reg(rs1), String(immI)]);
		case 'andi':
			if (immI === 255) return fmt('zext.b', [reg(rd), reg(rs1)]);
			return fmt('and', [reg(rd), reg(rs1), String(immI)]);
		case 'slli':
		case 'srli':
		case 'srai':
			return fmt(s.name.slice(0, 3), [reg(rd), reg(rs1), hex(rs2)]);
		case 'sltiu':
			return immI === 1 ? fmt('seqz', [reg(rd), reg(rs1)]) : undefined;
		case 'sub':
			return rs1 === 0 ? fmt('neg', [reg(rd), reg(rs2)]) : undefined;
		case 'sltu':
			return rs1 === 0 ? fmt('snez', [reg(rd), reg(rs2)]) : undefined;
		case 'slt':
			if (rs2 === 0) return fmt('sltz', [reg(rd), reg(rs1)]);
			if (rs1 === 0) return fmt('sgtz', [reg(rd), reg(rs2)]);
			return undefined;
		case 'beq':
			return rs2 === 0 ? fmt('beqz', [reg(rs1), t(f.immB)]) : undefined;
		case 'bne':
			return rs2 === 0 ? fmt('bnez', [reg(rs1), t(f.immB)]) : undefined;
		case 'bge':
			if (rs1 === 0) return fmt('blez', [reg(rs2), t(f.immB)]);
			if (rs2 === 0) return fmt('bgez', [reg(rs1), t(f.immB)]);
			return undefined;
		case 'blt':
			if (rs2 === 0) return fmt('bltz', [reg(rs1), t(f.immB)]);
			if (rs1 === 0) return fmt('bgtz', [reg(rs2), t(f.immB)]);
			return undefined;
		case 'jal':
			if (rd === 0) return fmt('j', [t(f.immJ)]);
			if (rd === 1) return fmt('jal', [t(f.immJ)]);
			return undefined;
		case 'jalr':
			if (rd === 0 && rs1 === 1 && immI === 0) return 'ret';
			if (rd === 0) return fmt('jr', [immI === 0 ? reg(rs1) : `${immI}(${reg(rs1)})`]);
			if (rd === 1) return fmt('jalr', [immI === 0 ? reg(rs1) : `${immI}(${reg(rs1)})`]);
			return immI === 0 ? fmt('jalr', [reg(rd), reg(rs1)]) : undefined;
		case 'csrrs': {
			const counter: Record<number, string> = {
				[Csr.cycle]: 'rdcycle',
				[Csr.time]: 'rdtime',
				[Csr.instret]: 'rdinstret',
				[Csr.cycleh]: 'rdcycleh',
				[Csr.timeh]: 'rdtimeh',
				[Csr.instreth]: 'rdinstreth'
			};
			if (rs1 === 0 && counter[f.csr]) return fmt(counter[f.csr], [reg(rd)]);
			if (rs1 === 0) return fmt('csrr', [reg(rd), csr(f.csr)]);
			if (rd === 0) return fmt('csrs', [csr(f.csr), reg(rs1)]);
			return undefined;
		}
		case 'csrrw':
		case 'csrrc':
			return rd === 0
				? fmt(s.name === 'csrrw' ? 'csrw' : 'csrc', [csr(f.csr), reg(rs1)])
				: undefined;
		case 'csrrwi':
		case 'csrrsi':
		case 'csrrci': {
			const base = s.name.slice(0, 5);
			if (rd === 0) return fmt('csr' + base[4], [csr(f.csr), String(rs1)]);
			return fmt(base, [reg(rd), csr(f.csr), String(rs1)]);
		}
		case 'fence':
			return f.pred === 15 && f.succ === 15 ? 'fence' : undefined;
		case 'sfence.vma':
		case 'hfence.vvma':
		case 'hfence.gvma':
			if (rs2 !== 0) return undefined;
			return rs1 === 0 ? s.name : fmt(s.name, [reg(rs1)]);
	}
	return undefined;
}

/**
 * Words objdump prints by name although the machine does not implement them, so they are not in
 * the instruction table (executing them raises an illegal-instruction exception): DRET leaves
 * Debug Mode (RISC-V External Debug Support specification; valid only in Debug Mode) and URET is
 * the user-mode trap return of the withdrawn N extension. riscv-opc.c matches the whole word, so
 * any other bits in rd or rs1 make them `.4byte`, as for any unknown word.
 */
const NAMED_ONLY = new Map<number, string>([
	[0x7b200073, 'dret'],
	[0x00200073, 'uret']
]);

/** AMO mnemonics carry their ordering bits as suffixes (Volume I §8.2). */
function mnemonic(s: InstructionSpec, word: number): string {
	if (s.extension !== 'A') return s.name;
	const aq = (word >>> 26) & 1;
	const rl = (word >>> 25) & 1;
	return s.name + (aq && rl ? '.aqrl' : aq ? '.aq' : rl ? '.rl' : '');
}

/** One instruction word at address `pc`, as objdump prints it (without the address and bytes). */
export function disassemble(word: number, pc = 0, options: DisassembleOptions = {}): string {
	const w = word | 0;
	// Instructions objdump names in both modes (riscv-opc.c lists them as real instructions).
	if (w >>> 0 === 0xc0001073) return 'unimp';
	const named = NAMED_ONLY.get(w >>> 0);
	if (named) return named;
	const s = findInstruction(w);
	if (!s) return `.4byte\t${hex(w)}`;
	const f = fields(w);
	if (s.name === 'fence' || s.name === 'fence.i') {
		// The machine executes any fm/rs1/rd as a plain FENCE (Volume I §2.7), but objdump only
		// names the canonical encodings: fm 0 (or FENCE.TSO's 1000) with rd = rs1 = 0.
		if (f.rd !== 0 || f.rs1 !== 0) return `.4byte\t${hex(w)}`;
		if (s.name === 'fence.i' && f.csr !== 0) return `.4byte\t${hex(w)}`;
		if (s.name === 'fence' && f.fm === 8 && f.pred === 3 && f.succ === 3) return 'fence.tso';
		if (s.name === 'fence' && f.fm !== 0) return `.4byte\t${hex(w)}`;
	}
	if (options.aliases !== false) {
		const a = alias(s, f, pc, options);
		if (a !== undefined) return a;
	}
	return fmt(
		mnemonic(s, w),
		s.operands.map((k) => operand(k, f, pc, options))
	);
}

/**
 * A `symbol` callback for `disassemble` that names an address as objdump does: the nearest label
 * at or below it, plus the offset in hex (`loop`, `loop+0x8`). Addresses below every label, or
 * more than `maxOffset` bytes past the nearest one, stay unnamed.
 */
export function symbolizer(
	symbols: readonly { name: string; value: number }[],
	maxOffset = 0x100000
): (address: number) => string | undefined {
	const sorted = [...symbols]
		.filter((s) => !s.name.startsWith('$'))
		.sort((a, b) => (a.value >>> 0) - (b.value >>> 0));
	return (address) => {
		const a = address >>> 0;
		let lo = 0;
		let hi = sorted.length - 1;
		let best = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid].value >>> 0 <= a) {
				best = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		if (best < 0) return undefined;
		const s = sorted[best];
		const offset = a - (s.value >>> 0);
		if (offset > maxOffset) return undefined;
		return offset === 0 ? s.name : `${s.name}+0x${offset.toString(16)}`;
	};
}
