/**
 * CSR pseudo-instructions (Volume I §25, Table 25.3): `csrr`, `csrw`/`csrs`/`csrc` and their
 * immediate forms, `csrrw`-like instructions given an immediate, and the `rdcycle` family.
 */
import type { OperandValues } from '../isa/encode.ts';
import { csrNumber } from '../isa/csr.ts';
import type { Span } from './expression.ts';
import { isError, isRegister, parseRegister, type Operand } from './operands.ts';
import {
	countError,
	one,
	parseOperand,
	spec,
	standard,
	type Handler,
	type InsnContext,
	type PendingImmediate,
	type Result
} from './standard.ts';

/** csrr rd, csr and the rdcycle family. */
export function csrRead(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
	if (ops.length !== 2) return countError(name, ['rd, csr'], span);
	const rd = parseRegister(ops[0], 'rd');
	if (isError(rd)) return rd;
	const values: OperandValues = { rd, rs1: 0 };
	const pending: PendingImmediate[] = [];
	const err = parseOperand('csr', ops[1], 'csrrs', values, pending, ctx);
	if (err) return err;
	return [{ spec: spec('csrrs'), values, pending }];
}

/** csrw/csrs/csrc csr, rs (or an immediate, which selects the csrr*i form, as GNU as does). */
export function csrWrite(reg: string, imm: string): Handler {
	return (ops, span, ctx, name) => {
		if (ops.length !== 2) return countError(name, [`csr, rs`], span);
		const useImm = !isRegister(ops[1]);
		const s = spec(useImm ? imm : reg);
		const values: OperandValues = { rd: 0 };
		const pending: PendingImmediate[] = [];
		let err = parseOperand('csr', ops[0], s.name, values, pending, ctx);
		if (err) return err;
		err = parseOperand(useImm ? 'uimm5' : 'rs1', ops[1], s.name, values, pending, ctx);
		if (err) return err;
		return [{ spec: s, values, pending }];
	};
}

export function csrWriteImm(real: string): Handler {
	return (ops, span, ctx, name) => {
		if (ops.length !== 2) return countError(name, ['csr, uimm5'], span);
		const values: OperandValues = { rd: 0 };
		const pending: PendingImmediate[] = [];
		let err = parseOperand('csr', ops[0], real, values, pending, ctx);
		if (err) return err;
		err = parseOperand('uimm5', ops[1], real, values, pending, ctx);
		if (err) return err;
		return [{ spec: spec(real), values, pending }];
	};
}

/** csrrw/csrrs/csrrc with an immediate third operand select the csrr*i instruction. */
export function csrFull(reg: string, imm: string): Handler {
	return (ops, span, ctx, name) => {
		const s = ops.length === 3 && !isRegister(ops[2]) ? spec(imm) : spec(reg);
		return one(standard(s, ops, span, ctx, name));
	};
}

export function counter(csr: string): Handler {
	return (ops, span, _ctx, name) => {
		if (ops.length !== 1) return countError(name, ['rd'], span);
		const rd = parseRegister(ops[0], 'rd');
		if (isError(rd)) return rd;
		return [{ spec: spec('csrrs'), values: { rd, rs1: 0, csr: csrNumber.get(csr) }, pending: [] }];
	};
}
