/**
 * Turns a mnemonic and its operands into the machine instructions to emit: real instructions
 * straight from the instruction table, and the pseudo-instructions of the RISC-V Assembly
 * Programmer's Manual / Volume I §25 Table 25.2–25.3 (li, la, mv, j, call, beqz, csrr, …) expanded
 * the way GNU as 2.40 expands them.
 */
import type { OperandValues } from '../isa/encode.ts';
import { instructionByName, type InstructionSpec, type OperandKind } from '../isa/table.ts';
import { csrNumber } from '../isa/csr.ts';
import type { Expr, Span } from './expression.ts';
import {
	isError,
	isRegister,
	parseCsr,
	parseFenceSet,
	parseImmediate,
	parseMemory,
	unknownBaseRegister,
	parseRegister,
	type Immediate,
	type ImmMode,
	type Operand,
	type OperandError
} from './operands.ts';
import type { Token } from './lexer.ts';

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
const KIND_NAME: Record<OperandKind, string> = {
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

const spec = (name: string) => instructionByName.get(name)!;
const numberExpr = (value: bigint, span: Span): Expr => ({ kind: 'number', value, span });
const zeroImm = (span: Span, kind: OperandKind): PendingImmediate => ({
	expr: numberExpr(0n, span),
	mode: 'abs',
	span,
	kind,
	field: 'imm'
});

function countError(name: string, forms: string[], span: Span): OperandError {
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

function relocsFor(kind: OperandKind, specName: string): ImmMode[] {
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
function parseTarget(op: Operand): Immediate | OperandError {
	if (isRegister(op)) {
		return {
			message: `expected a label as the target, found register '${op.tokens[0].text}' (jr and jalr jump to a register)`,
			span: op.span
		};
	}
	return parseImmediate(op.tokens, op.span, ['pcrel']);
}

/** Parses one operand of kind `kind` into `values`/`pending`. */
function parseOperand(
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
function standard(
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

type Result = InsnRequest[] | OperandError;
type Handler = (ops: Operand[], span: Span, ctx: InsnContext, name: string) => Result;

const one = (r: InsnRequest | OperandError): Result => (isError(r) ? r : [r]);

/** Builds an operand from tokens, to feed a pseudo-instruction's parts to `standard`. */
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
function twoReg(make: (rd: number, rs: number) => InsnRequest): Handler {
	return (ops, span, _ctx, name) => {
		if (ops.length !== 2) return countError(name, ['rd, rs'], span);
		const rd = parseRegister(ops[0], 'rd');
		if (isError(rd)) return rd;
		const rs = parseRegister(ops[1], 'rs');
		if (isError(rs)) return rs;
		return [make(rd, rs)];
	};
}

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
 */
export function loadImmediate(rd: number, value: number, span: Span): InsnRequest[] {
	const v = value | 0;
	if (v >= -2048 && v <= 2047) return [immRequest('addi', { rd, rs1: 0 }, BigInt(v), span)];
	const hi = ((v + 0x800) >>> 12) & 0xfffff;
	const lo = (v - (hi << 12)) | 0;
	const out = [immRequest('lui', { rd }, BigInt(hi), span)];
	if (lo !== 0) out.push(immRequest('addi', { rd, rs1: rd }, BigInt(lo), span));
	return out;
}

function li(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
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
	if (v < -(2n ** 31n) || v > 2n ** 32n - 1n) {
		return { message: `li value ${v} does not fit in 32 bits`, span: imm.span };
	}
	return loadImmediate(rd, Number(BigInt.asIntN(32, v)), imm.span);
}

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

function la(ops: Operand[], span: Span, _ctx: InsnContext, name: string): Result {
	if (ops.length !== 2) return countError(name, ['rd, symbol'], span);
	const rd = parseRegister(ops[0], 'rd');
	if (isError(rd)) return rd;
	const target = parseImmediate(ops[1].tokens, ops[1].span, ['abs']);
	if (isError(target)) return target;
	return pcrelPair(rd, target, spec('addi'), { rd, rs1: rd }, 'imm12');
}

function callOrTail(link: number, temp: number | 'rd'): Handler {
	return (ops, span, _ctx, name) => {
		let rd = link;
		let t = temp === 'rd' ? link : temp;
		let targetOp = ops[0];
		if (name === 'call' && ops.length === 2) {
			const r = parseRegister(ops[0], 'rd');
			if (isError(r)) return r;
			rd = r;
			t = r;
			targetOp = ops[1];
		} else if (ops.length !== 1) {
			return countError(name, name === 'call' ? ['symbol', 'rd, symbol'] : ['symbol'], span);
		}
		const target = parseImmediate(targetOp.tokens, targetOp.span, ['abs']);
		if (isError(target)) return target;
		return pcrelPair(t, target, spec('jalr'), { rd, rs1: t }, 'memI');
	};
}

/** Loads and stores also take a bare symbol: `lw rd, sym` and `sw rs, sym, rt` (auipc first). */
function loadStore(s: InstructionSpec): Handler {
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

function jalr(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
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

function jr(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
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

function jal(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
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

function j(ops: Operand[], span: Span, _ctx: InsnContext, name: string): Result {
	if (ops.length !== 1) return countError(name, ['label'], span);
	const target = parseTarget(ops[0]);
	if (isError(target)) return target;
	return [
		{ spec: spec('jal'), values: { rd: 0 }, pending: [{ ...target, kind: 'jump', field: 'imm' }] }
	];
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

/** csrr rd, csr and the rdcycle family. */
function csrRead(ops: Operand[], span: Span, ctx: InsnContext, name: string): Result {
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
function csrWrite(reg: string, imm: string): Handler {
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

function csrWriteImm(real: string): Handler {
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
function csrFull(reg: string, imm: string): Handler {
	return (ops, span, ctx, name) => {
		const s = ops.length === 3 && !isRegister(ops[2]) ? spec(imm) : spec(reg);
		return one(standard(s, ops, span, ctx, name));
	};
}

function counter(csr: string): Handler {
	return (ops, span, _ctx, name) => {
		if (ops.length !== 1) return countError(name, ['rd'], span);
		const rd = parseRegister(ops[0], 'rd');
		if (isError(rd)) return rd;
		return [{ spec: spec('csrrs'), values: { rd, rs1: 0, csr: csrNumber.get(csr) }, pending: [] }];
	};
}

const handlers: Record<string, Handler> = {
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
	j,
	jal,
	jr,
	jalr,
	ret: noOperands(() => ({ spec: spec('jalr'), values: { rd: 0, rs1: reg(1) }, pending: [] })),
	call: callOrTail(1, 1),
	tail: callOrTail(0, 6),
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

const AMO_SUFFIX = /^(.*?)(\.aqrl|\.aq|\.rl)$/;

/** Every mnemonic the assembler knows (instructions and pseudo-instructions), for messages. */
export function knownMnemonics(): string[] {
	return [...new Set([...instructionByName.keys(), ...Object.keys(handlers)])];
}

/**
 * Expands `mnemonic operands` into machine instructions, or explains why it cannot.
 * `mnemonicSpan` positions errors about the statement as a whole.
 */
export function parseInstruction(
	mnemonicToken: Token,
	ops: Operand[],
	statementSpan: Span,
	ctx: InsnContext
): InsnRequest[] | OperandError | undefined {
	const name = mnemonicToken.text.toLowerCase();
	// Own properties only: a mnemonic such as '__proto__' must not reach Object.prototype.
	const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
	if (handler) return handler(ops, statementSpan, ctx, name);
	const s = instructionByName.get(name);
	if (s) return one(standard(s, ops, statementSpan, ctx, name));
	const m = AMO_SUFFIX.exec(name);
	if (m) {
		const base = instructionByName.get(m[1]);
		if (base && base.extension === 'A') {
			const aq = m[2] === '.aq' || m[2] === '.aqrl';
			const rl = m[2] === '.rl' || m[2] === '.aqrl';
			return one(standard(base, ops, statementSpan, ctx, name, { aq, rl }));
		}
	}
	return undefined;
}
