/**
 * Pseudo-instructions that reach an address: `la`/`lla`, `call`, `tail`, `jump`, `j`, `jal` and
 * `jr`/`jalr` in their short forms, and loads and stores of a bare symbol (`lw rd, sym`,
 * `sw rs, sym, rt`). Far ones are an `auipc` plus a second instruction with `%pcrel_lo` of that
 * auipc, as GNU as 2.40 expands them without relaxation (tc-riscv.c, macro()).
 */
import type { OperandValues } from '../isa/encode.ts';
import type { InstructionSpec, OperandKind } from '../isa/table.ts';
import type { Span } from './expression.ts';
import { fits32, loadImmediate } from './li.ts';
import {
	isError,
	isRegister,
	parseImmediate,
	parseMemory,
	parseRegister,
	unknownBaseRegister,
	type Immediate,
	type Operand
} from './operands.ts';
import {
	countError,
	one,
	parseOperand,
	parseTarget,
	spec,
	standard,
	zeroImm,
	type Handler,
	type InsnContext,
	type InsnRequest,
	type PendingImmediate,
	type Result
} from './standard.ts';

/** x6, the temporary GNU as uses for tail and `call rd, symbol`. */
export const T1 = 6;

/** auipc + second instruction addressing `target` PC-relatively (la, call, tail, lw rd, sym). */
function pcrelPair(
	temp: number,
	target: Immediate,
	second: InstructionSpec,
	values: OperandValues,
	secondKind: OperandKind
): InsnRequest[] {
	return [
		{
			spec: spec('auipc'),
			values: { rd: temp },
			pending: [{ ...target, mode: 'pcrel_hi', kind: 'upper', field: 'imm' }]
		},
		{
			spec: second,
			values,
			pending: [{ ...target, mode: 'pcrel_lo_prev', kind: secondKind, field: 'imm' }]
		}
	];
}

/**
 * `la rd, symbol` and `lla rd, symbol` (non-PIC, so the same): an address PC-relatively with
 * auipc + addi. But when the operand is already a plain number as GNU as reads the line (a
 * literal, or a symbol given a constant value by .equ/.set on an earlier line), there is no
 * address to reach PC-relatively and GNU loads the number the way li does (tc-riscv.c, macro
 * M_LA/M_LLA: `if (imm_expr->X_op == O_constant) load_const (rd, imm_expr)`): `la a0, 5` is one
 * addi. A symbol defined later is not known yet, so it keeps the auipc pair.
 */
export function la(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	if (ops.length !== 2) return countError(name, ['rd, symbol'], span);
	const rd = parseRegister(ops[0], 'rd');
	if (isError(rd)) return rd;
	const target = parseImmediate(ops[1].tokens, ops[1].span, ['abs']);
	if (isError(target)) return target;
	const v = ctx.constant(target.expr, target.span);
	if (!isError(v)) {
		// GNU's message for a constant above 0xffffffff. Below -2^31 GNU silently keeps the low
		// 32 bits; like li, we refuse that too rather than load a different number.
		if (!fits32(v)) return { message: 'offset too large', span: target.span };
		return loadImmediate(rd, Number(BigInt.asIntN(32, v)), target.span);
	}
	return pcrelPair(rd, target, spec('addi'), { rd, rs1: rd }, 'imm12');
}

/**
 * `call symbol` (auipc ra + jalr ra), `call rd, symbol` and `tail symbol`. With an explicit rd
 * GNU does not reuse rd for the auipc: its opcode table fixes the temporary of `call d,c` to t1,
 * as for tail (opcodes/riscv-opc.c: `{"call", ..., "d,c", (X_T1 << OP_SH_RS1), ...}`).
 */
export function callOrTail(link: number, temp: number): Handler {
	return (ops, span, _ctx, name) => {
		let rd = link;
		let t = temp;
		let targetOp = ops[0];
		if (name === 'call' && ops.length === 2) {
			const r = parseRegister(ops[0], 'rd');
			if (isError(r)) return r;
			rd = r;
			t = T1;
			targetOp = ops[1];
		} else if (ops.length !== 1) {
			return countError(name, name === 'call' ? ['symbol', 'rd, symbol'] : ['symbol'], span);
		}
		const target = parseImmediate(targetOp.tokens, targetOp.span, ['abs']);
		if (isError(target)) return target;
		return pcrelPair(t, target, spec('jalr'), { rd, rs1: t }, 'memI');
	};
}

/**
 * `jump label, temp`: a far jump that links nothing, `auipc temp` + `jalr x0` (GNU as's M_JUMP;
 * the temporary is the caller's choice, where tail always takes t1).
 */
export function farJump(ops: Operand[], span: Span, _ctx: InsnContext, name: string): Result {
	if (ops.length !== 2) return countError(name, ['label, temp'], span);
	if (isRegister(ops[0])) {
		return {
			message: `expected a label as the target, found register '${ops[0].tokens[0].text}' (jump takes the label first: jump label, temp)`,
			span: ops[0].span
		};
	}
	const temp = parseRegister(ops[1], 'temp');
	if (isError(temp)) return temp;
	const target = parseImmediate(ops[0].tokens, ops[0].span, ['abs']);
	if (isError(target)) return target;
	return pcrelPair(temp, target, spec('jalr'), { rd: 0, rs1: temp }, 'memI');
}

/** Loads and stores also take a bare symbol: `lw rd, sym` and `sw rs, sym, rt` (auipc first). */
export function loadStore(s: InstructionSpec): Handler {
	const isStore = s.operands.includes('memS');
	return (ops, span, ctx, name) => {
		const badBase = ops.length >= 2 ? unknownBaseRegister(ops[1]) : undefined;
		if (badBase) return badBase;
		if (ops.length === 2 && parseMemory(ops[1])) return one(standard(s, ops, span, ctx, name));
		if (!isStore && ops.length === 2) {
			const rd = parseRegister(ops[0], 'rd');
			if (isError(rd)) return rd;
			const target = parseImmediate(ops[1].tokens, ops[1].span, ['abs']);
			if (isError(target)) return target;
			return pcrelPair(rd, target, s, { rd, rs1: rd }, 'memI');
		}
		if (isStore && ops.length === 3) {
			const rs2 = parseRegister(ops[0], 'rs2');
			if (isError(rs2)) return rs2;
			const rt = parseRegister(ops[2], 'rt');
			if (isError(rt)) return rt;
			const target = parseImmediate(ops[1].tokens, ops[1].span, ['abs']);
			if (isError(target)) return target;
			return pcrelPair(rt, target, s, { rs2, rs1: rt }, 'memS');
		}
		if (ops.length === 2) return one(standard(s, ops, span, ctx, name));
		return countError(
			name,
			isStore ? ['rs2, offset(rs1)', 'rs2, symbol, rt'] : ['rd, offset(rs1)', 'rd, symbol'],
			span
		);
	};
}

/** `jalr offset(rs1)` and `jr offset(rs1)`: jalr with a fixed rd. */
function memoryJump(rd: number, op: Operand, ctx: InsnContext): Result {
	const values: OperandValues = { rd };
	const pending: PendingImmediate[] = [];
	const err = parseOperand('memI', op, 'jalr', values, pending, ctx);
	if (err) return err;
	return [{ spec: spec('jalr'), values, pending }];
}

export function jalr(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	const forms = ['rs', 'rd, offset(rs1)', 'rd, rs1, imm12'];
	const jalrSpec = spec('jalr');
	if (ops.length === 1) {
		// jalr rs  or  jalr offset(rs): rd = ra
		if (parseMemory(ops[0])) return memoryJump(1, ops[0], ctx);
		const rs = parseRegister(ops[0], 'rs');
		if (isError(rs)) return rs;
		return [
			{ spec: jalrSpec, values: { rd: 1, rs1: rs }, pending: [zeroImm(ops[0].span, 'memI')] }
		];
	}
	if (ops.length === 2) {
		if (parseMemory(ops[1])) return one(standard(jalrSpec, ops, span, ctx, name));
		const rd = parseRegister(ops[0], 'rd');
		if (isError(rd)) return rd;
		// jalr rd, rs  (offset 0)  — or jalr rs, imm with rd = ra, as GNU as's "s,j" form
		if (isRegister(ops[1])) {
			const rs = parseRegister(ops[1], 'rs1') as number;
			return [{ spec: jalrSpec, values: { rd, rs1: rs }, pending: [zeroImm(ops[1].span, 'memI')] }];
		}
		const imm = parseImmediate(ops[1].tokens, ops[1].span, ['abs', 'lo', 'pcrel_lo']);
		if (isError(imm)) return imm;
		return [
			{
				spec: jalrSpec,
				values: { rd: 1, rs1: rd },
				pending: [{ ...imm, kind: 'memI', field: 'imm' }]
			}
		];
	}
	if (ops.length === 3) {
		const rd = parseRegister(ops[0], 'rd');
		if (isError(rd)) return rd;
		const rs1 = parseRegister(ops[1], 'rs1');
		if (isError(rs1)) return rs1;
		const imm = parseImmediate(ops[2].tokens, ops[2].span, ['abs', 'lo', 'pcrel_lo']);
		if (isError(imm)) return imm;
		return [
			{ spec: jalrSpec, values: { rd, rs1 }, pending: [{ ...imm, kind: 'memI', field: 'imm' }] }
		];
	}
	return countError(name, forms, span);
}

export function jr(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	if (ops.length === 1 && parseMemory(ops[0])) return memoryJump(0, ops[0], ctx);
	if (ops.length < 1 || ops.length > 2) return countError(name, ['rs', 'rs, imm12'], span);
	const rs = parseRegister(ops[0], 'rs');
	if (isError(rs)) return rs;
	if (ops.length === 1)
		return [
			{ spec: spec('jalr'), values: { rd: 0, rs1: rs }, pending: [zeroImm(ops[0].span, 'memI')] }
		];
	const imm = parseImmediate(ops[1].tokens, ops[1].span, ['abs', 'lo', 'pcrel_lo']);
	if (isError(imm)) return imm;
	return [
		{
			spec: spec('jalr'),
			values: { rd: 0, rs1: rs },
			pending: [{ ...imm, kind: 'memI', field: 'imm' }]
		}
	];
}

export function jal(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	if (ops.length === 1) {
		const target = parseTarget(ops[0]);
		if (isError(target)) return target;
		return [
			{ spec: spec('jal'), values: { rd: 1 }, pending: [{ ...target, kind: 'jump', field: 'imm' }] }
		];
	}
	if (ops.length === 2) return one(standard(spec('jal'), ops, span, ctx, name));
	return countError(name, ['label', 'rd, label'], span);
}

export function j(ops: Operand[], span: Span, _ctx: InsnContext, name: string): Result {
	if (ops.length !== 1) return countError(name, ['label'], span);
	const target = parseTarget(ops[0]);
	if (isError(target)) return target;
	return [
		{ spec: spec('jal'), values: { rd: 0 }, pending: [{ ...target, kind: 'jump', field: 'imm' }] }
	];
}
