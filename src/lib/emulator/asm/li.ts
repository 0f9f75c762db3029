/**
 * `li rd, value` and the constants other pseudo-instructions load the same way (`la` of a number).
 */
import type { OperandValues } from '../isa/encode.ts';
import type { Span } from './expression.ts';
import { isError, parseImmediate, parseRegister, type Operand } from './operands.ts';
import {
	countError,
	numberExpr,
	spec,
	type InsnContext,
	type InsnRequest,
	type Result
} from './standard.ts';

const immRequest = (
	name: string,
	values: OperandValues,
	value: bigint,
	span: Span
): InsnRequest => ({
	spec: spec(name),
	values,
	pending: [
		{
			expr: numberExpr(value, span),
			mode: 'abs',
			span,
			kind: spec(name).operands.includes('upper') ? 'upper' : 'imm12',
			field: 'imm'
		}
	]
});

/**
 * `li rd, value`: the sequence GNU as emits for RV32 (binutils gas/config/tc-riscv.c,
 * load_const): one addi when the value fits in 12 signed bits, else lui of the rounded upper 20
 * bits followed by addi of the (sign-extended) lower 12 bits unless they are zero.
 *
 * GNU decides whether to add that addi by asking "did the lui leave a register to add to?", and
 * it counts x0 as "no register": so `li x0, 4096` is `lui x0, 1` plus `addi x0, x0, 0`, eight
 * bytes where any other register takes four. Both do nothing (writes to x0 are discarded), but
 * the program's size and every address after it follow GNU.
 */
export function loadImmediate(rd: number, value: number, span: Span): InsnRequest[] {
	const v = value | 0;
	if (v >= -2048 && v <= 2047) return [immRequest('addi', { rd, rs1: 0 }, BigInt(v), span)];
	const hi = ((v + 0x800) >>> 12) & 0xfffff;
	const lo = (v - (hi << 12)) | 0;
	const out = [immRequest('lui', { rd }, BigInt(hi), span)];
	if (lo !== 0 || rd === 0) out.push(immRequest('addi', { rd, rs1: rd }, BigInt(lo), span));
	return out;
}

/** Whether a constant fits in 32 bits, as a signed or an unsigned number. */
export const fits32 = (v: bigint) => v >= -(2n ** 31n) && v <= 2n ** 32n - 1n;

export function li(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	if (ops.length !== 2) return countError(name, ['rd, imm32'], span);
	const rd = parseRegister(ops[0], 'rd');
	if (isError(rd)) return rd;
	const imm = parseImmediate(ops[1].tokens, ops[1].span, ['abs']);
	if (isError(imm)) return imm;
	const v = ctx.constant(imm.expr, imm.span);
	if (isError(v)) {
		return {
			message: `${v.message} (li needs a constant defined before this line; use la for addresses)`,
			span: v.span
		};
	}
	if (!fits32(v)) {
		return { message: `li value ${v} does not fit in 32 bits`, span: imm.span };
	}
	return loadImmediate(rd, Number(BigInt.asIntN(32, v)), imm.span);
}
