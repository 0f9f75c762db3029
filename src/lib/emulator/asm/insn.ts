/**
 * `.insn`: an instruction given by its fields rather than its name (GNU as manual §9.38.6 "RISC-V
 * Instruction Formats"), for encodings the assembler has no mnemonic for:
 *
 *   .insn r  opcode, funct3, funct7, rd, rs1, rs2          .insn r4 opcode, funct3, funct2, rd, rs1, rs2, rs3
 *   .insn i  opcode, funct3, rd, rs1, imm12                .insn i  opcode, funct3, rd, offset(rs1)
 *   .insn s  opcode, funct3, rs2, offset(rs1)              .insn b  opcode, funct3, rs1, rs2, label
 *   .insn u  opcode, rd, imm20                             .insn j  opcode, rd, label
 *
 * `sb` and `uj` are older names of `b` and `j`; `r` with seven operands is `r4`. The opcode may be
 * one of GNU's names (OP, OP_IMM, LOAD, STORE, BRANCH, LUI, AUIPC, JAL, JALR, SYSTEM, …), in
 * capitals as GNU as spells them. `.insn value` and `.insn length, value` emit a raw instruction.
 *
 * Only the forms with x registers exist here: the others need the F or C extension, which the
 * assembler does not implement (and GNU as refuses them for rv32ima too).
 */
import { operands, spanOf, type DirectiveArgs } from './args.ts';
import type { InsnDirectiveContext } from './context.ts';
import { evaluate, parseWholeExpression, type Expr, type Span } from './expression.ts';
import { takeConstants } from './immediates.ts';
import type { InsnRequest, PendingImmediate } from './instructions.ts';
import type { OperandKind } from '../isa/table.ts';
import {
	isError,
	isRegister,
	parseImmediate,
	parseMemory,
	parseRegister,
	unknownBaseRegister,
	type ImmMode,
	type Operand,
	type OperandError
} from './operands.ts';
import type { SourceLine } from './source.ts';

/** GNU as's opcode names (gas/config/tc-riscv.c, opcode_name_list). */
const OPCODES: Record<string, number> = {
	C0: 0x0,
	C1: 0x1,
	C2: 0x2,
	LOAD: 0x03,
	LOAD_FP: 0x07,
	CUSTOM_0: 0x0b,
	MISC_MEM: 0x0f,
	OP_IMM: 0x13,
	AUIPC: 0x17,
	OP_IMM_32: 0x1b,
	STORE: 0x23,
	STORE_FP: 0x27,
	CUSTOM_1: 0x2b,
	AMO: 0x2f,
	OP: 0x33,
	LUI: 0x37,
	OP_32: 0x3b,
	MADD: 0x43,
	MSUB: 0x47,
	NMSUB: 0x4b,
	NMADD: 0x4f,
	OP_FP: 0x53,
	OP_V: 0x57,
	CUSTOM_2: 0x5b,
	BRANCH: 0x63,
	JALR: 0x67,
	JAL: 0x6f,
	SYSTEM: 0x73,
	CUSTOM_3: 0x7b
};

/**
 * Each form: the operands after the opcode, by role. 'f3', 'f7' and 'f2' are function fields;
 * 'rs3' goes in bits 31:27. The first form that has the given number of operands applies.
 */
type Role = 'f3' | 'f7' | 'f2' | 'rd' | 'rs1' | 'rs2' | 'rs3' | OperandKind;
const FORMS: Record<string, Role[][]> = {
	r: [
		['f3', 'f7', 'rd', 'rs1', 'rs2'],
		['f3', 'f2', 'rd', 'rs1', 'rs2', 'rs3']
	],
	r4: [['f3', 'f2', 'rd', 'rs1', 'rs2', 'rs3']],
	i: [
		['f3', 'rd', 'rs1', 'imm12'],
		['f3', 'rd', 'memI']
	],
	s: [['f3', 'rs2', 'memS']],
	b: [['f3', 'rs1', 'rs2', 'branch']],
	u: [['rd', 'upper']],
	j: [['rd', 'jump']]
};
FORMS.sb = FORMS.b;
FORMS.uj = FORMS.j;

const ROLE_NAME: Partial<Record<Role, string>> = {
	f3: 'funct3',
	f7: 'funct7',
	f2: 'funct2',
	imm12: 'imm12',
	memI: 'offset(rs1)',
	memS: 'offset(rs1)',
	branch: 'label',
	upper: 'imm20',
	jump: 'label'
};
/** Field ranges, with GNU as's message for a value outside. */
const FIELD: Partial<Record<Role, { max: number; shift: number }>> = {
	f3: { max: 7, shift: 12 },
	f7: { max: 127, shift: 25 },
	f2: { max: 3, shift: 25 }
};
const RELOCS: Partial<Record<Role, ImmMode[]>> = {
	imm12: ['abs', 'lo', 'pcrel_lo'],
	memI: ['abs', 'lo', 'pcrel_lo'],
	memS: ['abs', 'lo', 'pcrel_lo'],
	upper: ['abs', 'hi', 'pcrel_hi']
};

/**
 * The length in bytes the low bits of an instruction give it (The RISC-V Instruction Set Manual,
 * Volume I §1.5 "Base Instruction-Length Encoding"; binutils include/opcode/riscv.h,
 * riscv_insn_length, which also reads 80- to 176-bit lengths from bits 14:12).
 */
export function insnLength(word: bigint): number {
	if ((word & 0x3n) !== 0x3n) return 2;
	if ((word & 0x1fn) !== 0x1fn) return 4;
	if ((word & 0x3fn) === 0x1fn) return 6;
	if ((word & 0x7fn) === 0x3fn) return 8;
	if ((word & 0x7fn) === 0x7fn && (word & 0x7000n) !== 0x7000n) {
		return 10 + Number((word >> 11n) & 0xen);
	}
	return 2;
}

/** Runs `.insn`: emits the instruction, or reports why it cannot. */
export function insnDirective(
	ctx: InsnDirectiveContext,
	args: DirectiveArgs,
	line: SourceLine
): void {
	const [first, second] = args.tokens;
	// `.insn r 0x33, …`: a format name then, in the same operand, the opcode (`q 0x33` is an
	// unknown format). Otherwise the operands are values (`.insn 0x13`, `.insn W + 4`).
	const known = first?.kind === 'ident' && Object.hasOwn(FORMS, first.text);
	const typed =
		first?.kind === 'ident' &&
		second !== undefined &&
		(known || (second.kind !== 'comma' && second.kind !== 'op'));
	if (!typed) return raw(ctx, args, line);
	const forms = Object.hasOwn(FORMS, first.text) ? FORMS[first.text] : undefined;
	if (!forms) {
		const names = 'r, r4, i, s, b, u, j, sb, uj';
		return ctx.report(line, first, `unknown .insn format '${first.text}' (${names})`);
	}
	const ops = operands(ctx, args, line);
	if (!ops) return;
	const form = forms.find((f) => f.length === ops.length - 1);
	if (!form) {
		const list = forms.map((f) => ['opcode', ...f.map((r) => ROLE_NAME[r] ?? r)].join(', '));
		const or = list.length > 1 ? ` (or ${list[1]})` : '';
		return ctx.report(line, spanOf(args), `.insn ${first.text} expects ${list[0]}${or}`);
	}
	// The first operand holds the format name, then the opcode.
	const opcodeOperand = {
		tokens: ops[0].tokens.slice(1),
		span: { column: second.column, endColumn: ops[0].span.endColumn }
	};
	const request = fields(ctx, form, [opcodeOperand, ...ops.slice(1)], line);
	if (isError(request)) return ctx.report(line, request.span, request.message);
	// The opcode decides the length; one of more than 4 bytes is padded with zeros, as GNU does.
	const length = insnLength(BigInt(request.spec.match));
	if (length === 2) {
		const message = `opcode 0x7f with funct3 7 is reserved for instructions of 192 bits or more, which .insn cannot make`;
		return ctx.report(line, opcodeOperand.span, message);
	}
	ctx.emitInstructions(takeConstants(ctx, [request], line, '.insn'), line, spanOf(args));
	if (length > 4 && ctx.roomFor(length - 4, line, spanOf(args))) ctx.section.reserve(length - 4);
}

/** The opcode: one of GNU's names, or a constant (low two bits 11: not a compressed one). */
function opcode(ctx: InsnDirectiveContext, op: Operand, line: SourceLine): number | OperandError {
	const t = op.tokens;
	const name = t.length === 1 && t[0].kind === 'ident' ? t[0].text : undefined;
	if (name !== undefined && Object.hasOwn(OPCODES, name))
		return checkOpcode(OPCODES[name], op.span);
	const v = value(ctx, op, line, 'the opcode');
	if (isError(v) && name !== undefined && !ctx.isDefined(name)) {
		const known = 'GNU as names them in capitals: OP, OP_IMM, LOAD, STORE, BRANCH, …';
		return { message: `unknown opcode '${name}' (${known})`, span: op.span };
	}
	return isError(v) ? v : checkOpcode(v < 0n || v > 127n ? -1 : Number(v), op.span);
}

function checkOpcode(v: number, span: Span): number | OperandError {
	if (v >= 0 && v <= 127 && (v & 3) === 3) return v;
	const rule = 'value must be 0...127 and lower 2 bits must be 0x3';
	return { message: `bad value for opcode field, ${rule}`, span };
}

/** A constant operand: its value now, or an error. */
function value(
	ctx: InsnDirectiveContext,
	op: Operand,
	line: SourceLine,
	what: string
): bigint | OperandError {
	const e = parseWholeExpression(op.tokens);
	if ('message' in e) return e;
	const r = evaluate(e, ctx.pass1Env(line));
	if (!r.ok) return { message: `${r.message} (${what} must be known here)`, span: r.span };
	if (r.value.section !== undefined) return { message: `${what} must be a number`, span: op.span };
	return r.value.value;
}

/** Builds the instruction from the opcode (ops[0]) and the operands of `form`. */
function fields(
	ctx: InsnDirectiveContext,
	form: Role[],
	ops: Operand[],
	line: SourceLine
): InsnRequest | OperandError {
	const code = opcode(ctx, ops[0], line);
	if (isError(code)) return code;
	let match = code;
	const values: InsnRequest['values'] = {};
	const pending: PendingImmediate[] = [];
	const kinds: OperandKind[] = [];
	for (let i = 0; i < form.length; i++) {
		const role = form[i];
		const op = ops[i + 1];
		const field = FIELD[role];
		if (field) {
			const v = value(ctx, op, line, ROLE_NAME[role]!);
			if (isError(v)) return v;
			if (v < 0n || v > BigInt(field.max)) {
				return {
					message: `bad value for ${ROLE_NAME[role]} field, value must be 0...${field.max}`,
					span: op.span
				};
			}
			match |= Number(v) << field.shift;
		} else if (role === 'rd' || role === 'rs1' || role === 'rs2' || role === 'rs3') {
			const r = parseRegister(op, role);
			if (isError(r)) return r;
			if (role === 'rs3') match |= r << 27;
			else {
				values[role] = r;
				kinds.push(role);
			}
		} else {
			const err = immediate(role as OperandKind, op, values, pending);
			if (err) return err;
			kinds.push(role as OperandKind);
		}
	}
	const spec = {
		name: '.insn',
		match: match >>> 0,
		mask: 0,
		operands: kinds,
		extension: 'I' as const
	};
	return { spec, values, pending };
}

/** An immediate, memory or target operand, as the instructions of the same format read it. */
function immediate(
	kind: OperandKind,
	op: Operand,
	values: InsnRequest['values'],
	pending: PendingImmediate[]
): OperandError | undefined {
	if (kind === 'memI' || kind === 'memS') {
		const mem = parseMemory(op);
		if (!mem) {
			const message = `expected offset(rs1), found '${op.tokens.map((t) => t.text).join('')}'`;
			return unknownBaseRegister(op) ?? { message, span: op.span };
		}
		values.rs1 = mem.base;
		if (mem.offset.length === 0) {
			const zero: Expr = { kind: 'number', value: 0n, span: mem.offsetSpan };
			pending.push({ expr: zero, mode: 'abs', span: mem.offsetSpan, kind, field: 'imm' });
			return undefined;
		}
		const imm = parseImmediate(mem.offset, mem.offsetSpan, RELOCS[kind]!);
		if (isError(imm)) return imm;
		pending.push({ ...imm, kind, field: 'imm' });
		return undefined;
	}
	if (isRegister(op)) {
		const message = `expected ${ROLE_NAME[kind]}, found register '${op.tokens[0].text}'`;
		return { message, span: op.span };
	}
	const imm = parseImmediate(op.tokens, op.span, RELOCS[kind] ?? ['pcrel']);
	if (isError(imm)) return imm;
	pending.push({ ...imm, kind, field: 'imm' });
	return undefined;
}

/**
 * `.insn value` or `.insn length, value`: the value's low bits give its length (which a given
 * length must match), and it must fit in that length (GNU as tc-riscv.c, riscv_ip_hardcode).
 */
function raw(ctx: InsnDirectiveContext, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(ctx, args, line);
	if (!ops) return;
	if (ops.length === 0 || ops.length > 2) {
		const message =
			ops.length === 0
				? '.insn expects a format and operands, or a value'
				: `unrecognized values: .insn takes a value, or a length and a value`;
		return ctx.report(line, spanOf(args), message);
	}
	const values: bigint[] = [];
	for (const op of ops) {
		const v = value(ctx, op, line, 'the value');
		if (isError(v)) return ctx.report(line, v.span, `values must be constant: ${v.message}`);
		values.push(BigInt.asUintN(64, v));
	}
	const word = values[values.length - 1];
	const length = insnLength(word);
	if (
		(length < 8 && word >> BigInt(8 * length) !== 0n) ||
		(ops.length === 2 && values[0] !== BigInt(length))
	) {
		const message = `value conflicts with instruction length (0x${word.toString(16)} is a ${length}-byte instruction)`;
		return ctx.report(line, ops[ops.length - 1].span, message);
	}
	if (ctx.section.kind === 'bss') {
		return ctx.report(
			line,
			spanOf(args),
			`instructions cannot go in ${ctx.section.name} (it holds only zeros)`
		);
	}
	if (!ctx.roomFor(length, line, spanOf(args))) return;
	const bytes = Array.from({ length }, (_, i) =>
		i < 8 ? Number((word >> BigInt(8 * i)) & 0xffn) : 0
	);
	ctx.mapSource(ctx.section.append(bytes), length, line);
}
