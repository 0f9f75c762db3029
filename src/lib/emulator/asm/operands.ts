/**
 * Operand syntax of GNU as for RISC-V: registers, immediates with `%hi`/`%lo`/`%pcrel_hi`/
 * `%pcrel_lo` (RISC-V Assembly Programmer's Manual, "Assembler Relocation Functions"), memory
 * operands `offset(reg)`, CSR names or numbers, and FENCE ordering sets such as `iorw`.
 * Each parser returns a value or a positioned error; none throws.
 */
import { csrNumber } from '../isa/csr.ts';
import { objdumpOnlyCsrNumber } from '../isa/csr-objdump.ts';
import { parseWholeExpression, type Expr, type Span } from './expression.ts';
import type { Token } from './lexer.ts';
import { registerNumber } from './registers.ts';

export interface Operand {
	tokens: Token[];
	span: Span;
}

export interface OperandError {
	message: string;
	span: Span;
}

export const isError = (x: unknown): x is OperandError =>
	typeof x === 'object' && x !== null && 'message' in x && 'span' in x && !('kind' in x);

/** How an immediate's expression becomes the field value (see resolveImmediate in assembler.ts). */
export type ImmMode =
	| 'abs'
	| 'hi'
	| 'lo'
	| 'pcrel_hi'
	| 'pcrel_lo'
	/** Low part of a PC-relative offset taken from the auipc 4 bytes earlier (la, call, tail). */
	| 'pcrel_lo_prev'
	/** Offset from this instruction to the target address (branches, jumps). */
	| 'pcrel';

export interface Immediate {
	expr: Expr;
	mode: ImmMode;
	span: Span;
}

/** Splits a statement's operand tokens at top-level commas. An empty operand is an error. */
export function splitOperands(tokens: Token[], after: Span): Operand[] | OperandError {
	if (tokens.length === 0) return [];
	const out: Operand[] = [];
	let depth = 0;
	let current: Token[] = [];
	const close = (comma: Token | undefined) => {
		if (current.length === 0) {
			const at = comma ?? tokens[tokens.length - 1] ?? after;
			return { message: 'empty operand', span: { column: at.column, endColumn: at.endColumn } };
		}
		const first = current[0];
		const last = current[current.length - 1];
		out.push({ tokens: current, span: { column: first.column, endColumn: last.endColumn } });
		current = [];
		return undefined;
	};
	for (const t of tokens) {
		if (t.kind === 'lparen') depth++;
		if (t.kind === 'rparen') depth--;
		if (t.kind === 'comma' && depth <= 0) {
			const err = close(t);
			if (err) return err;
			continue;
		}
		current.push(t);
	}
	const err = close(undefined);
	if (err) return err;
	return out;
}

const text = (op: Operand) => op.tokens.map((t) => t.text).join('');

/** Parses a register operand (`a0`, `x10`, `fp`). */
export function parseRegister(op: Operand, role: string): number | OperandError {
	if (op.tokens.length === 1 && op.tokens[0].kind === 'ident') {
		const n = registerNumber(op.tokens[0].text);
		if (n !== undefined) return n;
	}
	return { message: `expected a register for ${role}, found '${text(op)}'`, span: op.span };
}

/** True when the operand is exactly one register name. */
export function isRegister(op: Operand): boolean {
	return (
		op.tokens.length === 1 &&
		op.tokens[0].kind === 'ident' &&
		registerNumber(op.tokens[0].text) !== undefined
	);
}

const RELOC_MODE: Record<string, ImmMode> = {
	'%hi': 'hi',
	'%lo': 'lo',
	'%pcrel_hi': 'pcrel_hi',
	'%pcrel_lo': 'pcrel_lo'
};

/**
 * Parses an immediate: an expression, or one relocation function applied to an expression.
 * `allowed` lists the relocation modes this operand accepts.
 */
export function parseImmediate(
	tokens: Token[],
	span: Span,
	allowed: readonly ImmMode[]
): Immediate | OperandError {
	if (tokens.length === 0) return { message: 'expected an immediate', span };
	const first = tokens[0];
	if (first.kind === 'reloc') {
		const mode = RELOC_MODE[first.text];
		if (!allowed.includes(mode)) {
			const ok = allowed.filter((m) => m !== 'abs' && m !== 'pcrel');
			return {
				message:
					`${first.text} is not allowed here` +
					(ok.length ? ` (this operand takes ${ok.map((m) => '%' + m).join(', ')})` : ''),
				span: first
			};
		}
		const open = tokens[1];
		if (!open || open.kind !== 'lparen')
			return { message: `expected ${first.text}(expression)`, span };
		// The closing parenthesis must match the opening one: %lo(x)+4 is not accepted.
		let depth = 0;
		let close = -1;
		for (let i = 1; i < tokens.length && close < 0; i++) {
			if (tokens[i].kind === 'lparen') depth++;
			if (tokens[i].kind === 'rparen' && --depth === 0) close = i;
		}
		if (close < 0) return { message: `expected ')' to close ${first.text}(`, span };
		if (close !== tokens.length - 1) {
			return {
				message: `nothing may follow ${first.text}(...) in this operand`,
				span: tokens[close + 1]
			};
		}
		if (close === 2) return { message: `expected an expression inside ${first.text}()`, span };
		const expr = parseWholeExpression(tokens.slice(2, -1));
		if ('message' in expr) return expr;
		return { expr, mode, span };
	}
	const expr = parseWholeExpression(tokens);
	if ('message' in expr) return expr;
	return { expr, mode: allowed.includes('pcrel') ? 'pcrel' : 'abs', span };
}

export interface MemoryOperand {
	/** Offset tokens (may be empty: zero). */
	offset: Token[];
	offsetSpan: Span;
	base: number;
}

/**
 * Splits `offset(reg)` into offset and base register. Returns undefined when the operand does not
 * end in a parenthesised register (then it may be a bare symbol, as in `lw a0, label`).
 */
export function parseMemory(op: Operand): MemoryOperand | undefined {
	const n = op.tokens.length;
	if (n < 3) return undefined;
	const [open, reg, close] = op.tokens.slice(n - 3);
	if (open.kind !== 'lparen' || close.kind !== 'rparen' || reg.kind !== 'ident') return undefined;
	const base = registerNumber(reg.text);
	if (base === undefined) return undefined;
	const offset = op.tokens.slice(0, n - 3);
	const offsetSpan =
		offset.length > 0
			? { column: offset[0].column, endColumn: offset[offset.length - 1].endColumn }
			: { column: open.column, endColumn: open.column + 1 };
	return { offset, offsetSpan, base };
}

/**
 * `offset(name)` where `name` is no register (`0(a9)`): an error naming it, since the operand
 * cannot then be read as a symbol either. Undefined for any other operand.
 */
export function unknownBaseRegister(op: Operand): OperandError | undefined {
	const n = op.tokens.length;
	if (n < 3) return undefined;
	const [open, reg, close] = op.tokens.slice(n - 3);
	if (open.kind !== 'lparen' || close.kind !== 'rparen' || reg.kind !== 'ident') return undefined;
	if (registerNumber(reg.text) !== undefined) return undefined;
	return {
		message: `unknown register '${reg.text}' (x0–x31 or an ABI name such as a0, sp, t1)`,
		span: { column: reg.column, endColumn: reg.endColumn }
	};
}

/** Parses a CSR operand: a name from csr.ts, or an expression for its number. */
export function parseCsr(op: Operand): number | Expr | OperandError {
	if (op.tokens.length === 1 && op.tokens[0].kind === 'ident') {
		// Names of CSRs the machine lacks (fcsr, dcsr, …) still name their numbers, as in GNU as;
		// using one traps as an illegal instruction at run time.
		const name = op.tokens[0].text;
		const n = csrNumber.get(name) ?? objdumpOnlyCsrNumber.get(name);
		if (n !== undefined) return n;
	}
	const e = parseWholeExpression(op.tokens);
	if ('message' in e)
		return { message: `expected a CSR name or number, found '${text(op)}'`, span: op.span };
	return e;
}

/**
 * Parses a FENCE ordering set: letters from `iorw` in that order (Volume I §2.7).
 * Bit 3 = i (device input), 2 = o (device output), 1 = r, 0 = w.
 */
export function parseFenceSet(op: Operand): number | OperandError {
	const s = text(op);
	if (!/^i?o?r?w?$/.test(s) || s.length === 0) {
		return {
			message: `expected a fence set made of i, o, r, w in that order (e.g. iorw, rw), found '${s}'`,
			span: op.span
		};
	}
	return (
		(s.includes('i') ? 8 : 0) |
		(s.includes('o') ? 4 : 0) |
		(s.includes('r') ? 2 : 0) |
		(s.includes('w') ? 1 : 0)
	);
}
