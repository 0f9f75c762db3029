/**
 * The pseudo-instructions of the RISC-V Assembly Programmer's Manual / Volume I §25 Tables
 * 25.2–25.3, by mnemonic, each expanded the way GNU as 2.40 expands it. The simple ones are here;
 * `li` is in li.ts, those that reach an address in pseudo-jumps.ts and the CSR ones in
 * pseudo-csr.ts.
 */
import type { OperandValues } from '../isa/encode.ts';
import type { Span } from './expression.ts';
import { li } from './li.ts';
import { isError, parseRegister, type Operand } from './operands.ts';
import { counter, csrFull, csrRead, csrWrite, csrWriteImm } from './pseudo-csr.ts';
import { callOrTail, farJump, j, jal, jalr, jr, la, loadStore, T1 } from './pseudo-jumps.ts';
import {
	countError,
	one,
	parseTarget,
	spec,
	standard,
	type Handler,
	type InsnContext,
	type InsnRequest,
	type Result
} from './standard.ts';

/** A register number as an operand value (ret's rs1). */
const reg = (n: number): OperandValues['rd'] => n;

/** `name rs, label` expanded to `real rs, x0, label` or `real x0, rs, label`. */
function branchZero(real: string, zeroFirst: boolean): Handler {
	return (ops, span, ctx, name) => {
		if (ops.length !== 2) return countError(name, ['rs, label'], span);
		const rs = parseRegister(ops[0], 'rs');
		if (isError(rs)) return rs;
		const target = parseTarget(ops[1]);
		if (isError(target)) return target;
		const values = zeroFirst ? { rs1: 0, rs2: rs } : { rs1: rs, rs2: 0 };
		return [{ spec: spec(real), values, pending: [{ ...target, kind: 'branch', field: 'imm' }] }];
	};
}

/** `name rs, rt, label` expanded to `real rt, rs, label` (operands swapped). */
function branchSwapped(real: string): Handler {
	return (ops, span, ctx, name) => {
		if (ops.length !== 3) return countError(name, ['rs, rt, label'], span);
		return one(standard(spec(real), [ops[1], ops[0], ops[2]], span, ctx, name));
	};
}

/** Two-register pseudo-instructions: `name rd, rs`. */
function twoReg(make: (rd: number, rs: number) => InsnRequest | InsnRequest[]): Handler {
	return (ops, span, _ctx, name) => {
		if (ops.length !== 2) return countError(name, ['rd, rs'], span);
		const rd = parseRegister(ops[0], 'rd');
		if (isError(rd)) return rd;
		const rs = parseRegister(ops[1], 'rs');
		if (isError(rs)) return rs;
		return [make(rd, rs)].flat();
	};
}

/**
 * sext.b, sext.h and zext.h without Zbb: move the field to the top of the register, then shift
 * it back down, arithmetically to copy the sign bit or logically to fill with zeros. These are the
 * pairs GNU as emits for RV32 when Zbb is not in -march (tc-riscv.c, M_SEXTB/M_SEXTH/M_ZEXTH).
 */
function shiftPair(bits: number, down: 'srai' | 'srli'): Handler {
	const shamt = 32 - bits;
	return twoReg((rd, rs) => [
		{ spec: spec('slli'), values: { rd, rs1: rs, imm: shamt }, pending: [] },
		{ spec: spec(down), values: { rd, rs1: rd, imm: shamt }, pending: [] }
	]);
}

/** `sgt rd, rs, rt` is `slt rd, rt, rs` (and sgtu with sltu): greater-than is less-than swapped. */
function setSwapped(real: string): Handler {
	return (ops, span, ctx, name) => {
		if (ops.length !== 3) return countError(name, ['rd, rs, rt'], span);
		return one(standard(spec(real), [ops[0], ops[2], ops[1]], span, ctx, name));
	};
}

function noOperands(make: () => InsnRequest): Handler {
	return (ops, span, _ctx, name) => (ops.length !== 0 ? countError(name, [''], span) : [make()]);
}

/** sfence.vma / hfence.*: 0, 1 or 2 register operands; missing ones are x0. */
function fenceVma(real: string): Handler {
	return (ops, span, _ctx, name) => {
		if (ops.length > 2) return countError(name, ['', 'rs1', 'rs1, rs2'], span);
		const values: OperandValues = { rs1: 0, rs2: 0 };
		for (let i = 0; i < ops.length; i++) {
			const r = parseRegister(ops[i], i === 0 ? 'rs1' : 'rs2');
			if (isError(r)) return r;
			values[i === 0 ? 'rs1' : 'rs2'] = r;
		}
		return [{ spec: spec(real), values, pending: [] }];
	};
}

function fence(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	if (ops.length === 0)
		return [{ spec: spec('fence'), values: { pred: 15, succ: 15 }, pending: [] }];
	if (ops.length === 2) return one(standard(spec('fence'), ops, span, ctx, name));
	return countError(name, ['', 'pred, succ'], span);
}

export const handlers: Record<string, Handler> = {
	nop: noOperands(() => ({ spec: spec('addi'), values: { rd: 0, rs1: 0 }, pending: [] })),
	li,
	la,
	lla: la,
	mv: twoReg((rd, rs) => ({ spec: spec('addi'), values: { rd, rs1: rs }, pending: [] })),
	not: twoReg((rd, rs) => ({ spec: spec('xori'), values: { rd, rs1: rs, imm: -1 }, pending: [] })),
	neg: twoReg((rd, rs) => ({ spec: spec('sub'), values: { rd, rs1: 0, rs2: rs }, pending: [] })),
	seqz: twoReg((rd, rs) => ({ spec: spec('sltiu'), values: { rd, rs1: rs, imm: 1 }, pending: [] })),
	snez: twoReg((rd, rs) => ({ spec: spec('sltu'), values: { rd, rs1: 0, rs2: rs }, pending: [] })),
	sltz: twoReg((rd, rs) => ({ spec: spec('slt'), values: { rd, rs1: rs, rs2: 0 }, pending: [] })),
	sgtz: twoReg((rd, rs) => ({ spec: spec('slt'), values: { rd, rs1: 0, rs2: rs }, pending: [] })),
	'zext.b': twoReg((rd, rs) => ({
		spec: spec('andi'),
		values: { rd, rs1: rs, imm: 255 },
		pending: []
	})),
	'sext.b': shiftPair(8, 'srai'),
	'sext.h': shiftPair(16, 'srai'),
	'zext.h': shiftPair(16, 'srli'),
	sgt: setSwapped('slt'),
	sgtu: setSwapped('sltu'),
	j,
	jump: farJump,
	jal,
	jr,
	jalr,
	ret: noOperands(() => ({ spec: spec('jalr'), values: { rd: 0, rs1: reg(1) }, pending: [] })),
	call: callOrTail(1, 1),
	tail: callOrTail(0, T1),
	beqz: branchZero('beq', false),
	bnez: branchZero('bne', false),
	blez: branchZero('bge', true),
	bgez: branchZero('bge', false),
	bltz: branchZero('blt', false),
	bgtz: branchZero('blt', true),
	bgt: branchSwapped('blt'),
	ble: branchSwapped('bge'),
	bgtu: branchSwapped('bltu'),
	bleu: branchSwapped('bgeu'),
	csrr: csrRead,
	csrw: csrWrite('csrrw', 'csrrwi'),
	csrs: csrWrite('csrrs', 'csrrsi'),
	csrc: csrWrite('csrrc', 'csrrci'),
	csrwi: csrWriteImm('csrrwi'),
	csrsi: csrWriteImm('csrrsi'),
	csrci: csrWriteImm('csrrci'),
	csrrw: csrFull('csrrw', 'csrrwi'),
	csrrs: csrFull('csrrs', 'csrrsi'),
	csrrc: csrFull('csrrc', 'csrrci'),
	rdcycle: counter('cycle'),
	rdtime: counter('time'),
	rdinstret: counter('instret'),
	rdcycleh: counter('cycleh'),
	rdtimeh: counter('timeh'),
	rdinstreth: counter('instreth'),
	fence,
	'fence.tso': noOperands(() => ({
		spec: spec('fence'),
		values: { pred: 3, succ: 3 },
		pending: [],
		// fm = 1000 in bits 31:28 (Volume I §2.7).
		extraBits: 0x80000000 | 0
	})),
	'sfence.vma': fenceVma('sfence.vma'),
	'hfence.vvma': fenceVma('hfence.vvma'),
	'hfence.gvma': fenceVma('hfence.gvma'),
	// csrrw x0, cycle, x0: the canonical illegal instruction (Volume I §25).
	unimp: noOperands(() => ({
		spec: spec('csrrw'),
		values: { rd: 0, rs1: 0, csr: 0xc00 },
		pending: []
	}))
};
for (const name of ['lb', 'lh', 'lw', 'lbu', 'lhu', 'sb', 'sh', 'sw'])
	handlers[name] = loadStore(spec(name));
