/**
 * Instructions in their standard form: the operands the instruction table lists (isa/table.ts), in
 * that order, each read by its kind — a register, an immediate with the relocations GNU as allows
 * for it, `offset(rs1)`, a CSR, a fence set. Immediates are left pending: pass 2 (resolve.ts)
 * checks their ranges once addresses are known. The pseudo-instructions build on these helpers.
 */
import type { OperandValues } from '../isa/encode.ts';
import type { InstructionSpec, OperandKind } from '../isa/table.ts';
import { instructionByName } from '../isa/table.ts';
import type { Expr, Span } from './expression.ts';
import {
	isError,
	isRegister,
	parseCsr,
	parseFenceSet,
	parseImmediate,
	parseMemory,
	parseRegister,
	unknownBaseRegister,
	type Immediate,
	type ImmMode,
	type Operand,
	type OperandError
} from './operands.ts';

/** An immediate to resolve in the second pass, once addresses are known. */
export interface PendingImmediate extends Immediate {
	/** Which operand kind's range applies. */
	kind: OperandKind;
	/** The CSR number field, or the instruction's immediate. */
	field: 'imm' | 'csr';
}

/** One machine instruction to emit. */
export interface InsnRequest {
	spec: InstructionSpec;
	values: OperandValues;
	pending: PendingImmediate[];
	/** Bits OR-ed into the word besides the operands (FENCE.TSO's fm field). */
	extraBits?: number;
}

export interface InsnContext {
	/** Evaluates an expression now, to an absolute number (li needs its value to pick a size). */
	constant(expr: Expr, span: Span): bigint | OperandError;
}

/** Operand names in messages, per kind. */
export const KIND_NAME: Record<OperandKind, string> = {
	rd: 'rd',
	rs1: 'rs1',
	rs2: 'rs2',
	imm12: 'imm12',
	shamt: 'shamt',
	memI: 'offset(rs1)',
	memS: 'offset(rs1)',
	addr: '(rs1)',
	branch: 'label',
	jump: 'label',
	upper: 'imm20',
	csr: 'csr',
	uimm5: 'uimm5',
	pred: 'pred',
	succ: 'succ'
};

export const spec = (name: string) => instructionByName.get(name)!;
export const numberExpr = (value: bigint, span: Span): Expr => ({ kind: 'number', value, span });
export const zeroImm = (span: Span, kind: OperandKind): PendingImmediate => ({
	expr: numberExpr(0n, span),
	mode: 'abs',
	span,
	kind,
	field: 'imm'
});

export function countError(name: string, forms: string[], span: Span): OperandError {
	const counts = forms.map((f) => (f === '' ? 0 : f.split(', ').length));
	const lo = Math.min(...counts);
	const hi = Math.max(...counts);
	const n = lo === hi ? `${lo}` : `${lo} to ${hi}`;
	const what = forms.map((f) => (f === '' ? '(none)' : f)).join(' | ');
	return {
		message: `${name} expects ${n} operand${hi === 1 ? '' : 's'}${hi === 0 ? '' : ': ' + what}`,
		span
	};
}

export function relocsFor(kind: OperandKind, specName: string): ImmMode[] {
	switch (kind) {
		case 'imm12':
		case 'memI':
		case 'memS':
			return ['abs', 'lo', 'pcrel_lo'];
		case 'upper':
			return specName === 'auipc' ? ['abs', 'pcrel_hi', 'hi'] : ['abs', 'hi'];
		case 'branch':
		case 'jump':
			return ['pcrel'];
		default:
			return ['abs'];
	}
}

/** A branch or jump target: a label or address expression, never a register. */
export function parseTarget(op: Operand): Immediate | OperandError {
	if (isRegister(op)) {
		return {
			message: `expected a label as the target, found register '${op.tokens[0].text}' (jr and jalr jump to a register)`,
			span: op.span
		};
	}
	return parseImmediate(op.tokens, op.span, ['pcrel']);
}

/** Parses one operand of kind `kind` into `values`/`pending`. */
export function parseOperand(
	kind: OperandKind,
	op: Operand,
	specName: string,
	values: OperandValues,
	pending: PendingImmediate[],
	ctx: InsnContext
): OperandError | undefined {
	switch (kind) {
		case 'rd':
		case 'rs1':
		case 'rs2': {
			const r = parseRegister(op, kind);
			if (isError(r)) return r;
			values[kind] = r;
			return undefined;
		}
		case 'imm12':
		case 'shamt':
		case 'uimm5':
		case 'upper':
		case 'branch':
		case 'jump': {
			if (isRegister(op) && kind !== 'branch' && kind !== 'jump') {
				return {
					message: `expected an immediate for ${KIND_NAME[kind]}, found register '${op.tokens[0].text}'`,
					span: op.span
				};
			}
			const imm =
				kind === 'branch' || kind === 'jump'
					? parseTarget(op)
					: parseImmediate(op.tokens, op.span, relocsFor(kind, specName));
			if (isError(imm)) return imm;
			pending.push({ ...imm, kind, field: 'imm' });
			return undefined;
		}
		case 'memI':
		case 'memS':
		case 'addr': {
			const mem = parseMemory(op);
			if (!mem) {
				const badBase = unknownBaseRegister(op);
				if (badBase) return badBase;
				return {
					message: `expected ${KIND_NAME[kind]} for the address, found '${op.tokens.map((t) => t.text).join('')}'`,
					span: op.span
				};
			}
			values.rs1 = mem.base;
			if (kind === 'addr') {
				if (mem.offset.length > 0) {
					const imm = parseImmediate(mem.offset, mem.offsetSpan, ['abs']);
					if (isError(imm)) return imm;
					const v = ctx.constant(imm.expr, imm.span);
					if (isError(v)) return v;
					if (v !== 0n)
						return {
							message: `${specName} takes no offset: write (rs1) or 0(rs1)`,
							span: mem.offsetSpan
						};
				}
				return undefined;
			}
			if (mem.offset.length === 0) {
				pending.push(zeroImm(mem.offsetSpan, kind));
				return undefined;
			}
			const imm = parseImmediate(mem.offset, mem.offsetSpan, relocsFor(kind, specName));
			if (isError(imm)) return imm;
			pending.push({ ...imm, kind, field: 'imm' });
			return undefined;
		}
		case 'csr': {
			const c = parseCsr(op);
			if (isError(c)) return c;
			if (typeof c === 'number') values.csr = c;
			else pending.push({ expr: c, mode: 'abs', span: op.span, kind: 'csr', field: 'csr' });
			return undefined;
		}
		case 'pred':
		case 'succ': {
			const s = parseFenceSet(op);
			if (isError(s)) return s;
			values[kind] = s;
			return undefined;
		}
	}
}

/** Parses operands for a table instruction in its standard form. */
export function standard(
	s: InstructionSpec,
	ops: Operand[],
	span: Span,
	ctx: InsnContext,
	name = s.name,
	extra: OperandValues = {}
): InsnRequest | OperandError {
	if (ops.length !== s.operands.length) {
		return countError(name, [s.operands.map((k) => KIND_NAME[k]).join(', ')], span);
	}
	const values: OperandValues = { ...extra };
	const pending: PendingImmediate[] = [];
	for (let i = 0; i < ops.length; i++) {
		const err = parseOperand(s.operands[i], ops[i], s.name, values, pending, ctx);
		if (err) return err;
	}
	return { spec: s, values, pending };
}

export type Result = InsnRequest[] | OperandError;
export type Handler = (ops: Operand[], span: Span, ctx: InsnContext, name: string) => Result;

export const one = (r: InsnRequest | OperandError): Result => (isError(r) ? r : [r]);
