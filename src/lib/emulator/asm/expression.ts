/**
 * Expressions in operands and directives, parsed and evaluated as GNU as does (GNU as manual §6
 * "Expressions"). GNU as ranks binary operators differently from C:
 *   highest  * / % << >>
 *            | & ^
 *            + - == != <> < > <= >=
 *   lowest   && ||
 * and operators of one rank associate to the left. Comparisons yield -1 for true, 0 for false.
 * Arithmetic is done on 64-bit integers (the width GNU as uses for a riscv64 host toolchain) and
 * the caller truncates to the field it fills.
 */
import type { Token } from './lexer.ts';

export interface Span {
	column: number;
	endColumn: number;
}

export type Expr =
	| { kind: 'number'; value: bigint; span: Span }
	| { kind: 'symbol'; name: string; display: string; span: Span }
	| { kind: 'dot'; span: Span }
	| { kind: 'unary'; op: string; operand: Expr; span: Span }
	| { kind: 'binary'; op: string; left: Expr; right: Expr; span: Span };

export interface ParseError {
	message: string;
	span: Span;
}

const RANKS: string[][] = [
	['&&', '||'],
	['+', '-', '==', '!=', '<>', '<', '>', '<=', '>='],
	['|', '&', '^'],
	['*', '/', '%', '<<', '>>']
];

/** A cursor over a token list, so that sub-parsers can share position. */
export class TokenCursor {
	pos = 0;
	/** Operands parsed so far and current nesting, to bound recursion on hostile input. */
	nodes = 0;
	depth = 0;
	constructor(readonly tokens: readonly Token[]) {}
	peek(): Token | undefined {
		return this.tokens[this.pos];
	}
	next(): Token | undefined {
		return this.tokens[this.pos++];
	}
	atEnd(): boolean {
		return this.pos >= this.tokens.length;
	}
	/** Span of the current token, or just past the last one at the end. */
	here(): Span {
		const t = this.peek();
		if (t) return { column: t.column, endColumn: t.endColumn };
		const last = this.tokens[this.tokens.length - 1];
		return last
			? { column: last.endColumn, endColumn: last.endColumn + 1 }
			: { column: 1, endColumn: 2 };
	}
}

const join = (a: Span, b: Span): Span => ({ column: a.column, endColumn: b.endColumn });

function isBinaryOp(t: Token | undefined, rank: number): boolean {
	if (!t) return false;
	const text = t.kind === 'op' ? t.text : undefined;
	return text !== undefined && RANKS[rank].includes(text);
}

/** Limits that keep parsing and evaluation well inside the JavaScript stack. */
const MAX_NODES = 2000;
const MAX_DEPTH = 200;

function parsePrimary(c: TokenCursor): Expr | ParseError {
	if (++c.nodes > MAX_NODES)
		return { message: `expression longer than ${MAX_NODES} terms`, span: c.here() };
	if (c.depth > MAX_DEPTH) {
		return { message: `expression nested more than ${MAX_DEPTH} deep`, span: c.here() };
	}
	c.depth++;
	const r = parsePrimaryInner(c);
	c.depth--;
	return r;
}

function parsePrimaryInner(c: TokenCursor): Expr | ParseError {
	const t = c.next();
	if (!t) return { message: 'expected an expression', span: c.here() };
	const span = { column: t.column, endColumn: t.endColumn };
	switch (t.kind) {
		case 'number':
			return { kind: 'number', value: t.value ?? 0n, span };
		case 'ident':
			if (t.text === '.') return { kind: 'dot', span };
			return { kind: 'symbol', name: t.text, display: t.display ?? t.text, span };
		case 'localref': {
			// The assembler rewrites local references to identifiers before parsing; one left here
			// has no definition in the needed direction.
			return { kind: 'symbol', name: t.text, display: t.text, span };
		}
		case 'lparen': {
			const inner = parseBinary(c, 0);
			if ('message' in inner) return inner;
			const close = c.next();
			if (!close || close.kind !== 'rparen') {
				return { message: "expected ')'", span: close ? close : c.here() };
			}
			return { ...inner, span: join(span, close) } as Expr;
		}
		case 'op':
			if (t.text === '-' || t.text === '~' || t.text === '!' || t.text === '+') {
				const operand = parsePrimary(c);
				if ('message' in operand) return operand;
				return { kind: 'unary', op: t.text, operand, span: join(span, operand.span) };
			}
			break;
	}
	return { message: `expected an expression, found '${t.text}'`, span };
}

function parseBinary(c: TokenCursor, rank: number): Expr | ParseError {
	if (rank >= RANKS.length) return parsePrimary(c);
	let left = parseBinary(c, rank + 1);
	if ('message' in left) return left;
	while (isBinaryOp(c.peek(), rank)) {
		const op = c.next()!.text;
		const right = parseBinary(c, rank + 1);
		if ('message' in right) return right;
		left = { kind: 'binary', op, left, right, span: join(left.span, right.span) };
	}
	return left;
}

/** Parses one expression from the cursor, stopping before a token that cannot continue it. */
export function parseExpression(c: TokenCursor): Expr | ParseError {
	return parseBinary(c, 0);
}

/** Parses a whole token list as one expression; trailing tokens are an error. */
export function parseWholeExpression(tokens: readonly Token[]): Expr | ParseError {
	const c = new TokenCursor(tokens);
	if (c.atEnd()) return { message: 'expected an expression', span: c.here() };
	const e = parseExpression(c);
	if ('message' in e) return e;
	if (!c.atEnd()) {
		const t = c.peek()!;
		return { message: `unexpected '${t.text}' after expression`, span: t };
	}
	return e;
}

/**
 * A value during evaluation: an absolute number, or an offset from the start of a section
 * (a label before the sections are placed).
 */
export interface Value {
	value: bigint;
	section?: string;
}

export type EvalResult =
	{ ok: true; value: Value } | { ok: false; undefinedSymbol?: string; message: string; span: Span };

export interface EvalEnv {
	/** The value of a symbol, or undefined when it is not (yet) defined. May return an error. */
	lookup(name: string, span: Span): EvalResult | undefined;
	/** The location counter `.`. */
	dot(): Value;
}

const wrap = (v: bigint) => BigInt.asIntN(64, v);
const truth = (b: boolean) => (b ? -1n : 0n);

/** Evaluates `e` in `env`. Never throws: division by zero and undefined symbols are results. */
export function evaluate(e: Expr, env: EvalEnv): EvalResult {
	switch (e.kind) {
		case 'number':
			return { ok: true, value: { value: wrap(e.value) } };
		case 'dot':
			return { ok: true, value: env.dot() };
		case 'symbol': {
			const r = env.lookup(e.name, e.span);
			if (r) return r;
			return {
				ok: false,
				undefinedSymbol: e.name,
				message: `undefined symbol '${e.display}'`,
				span: e.span
			};
		}
		case 'unary': {
			const r = evaluate(e.operand, env);
			if (!r.ok) return r;
			if (e.op === '+') return r;
			if (r.value.section !== undefined) {
				return { ok: false, message: `cannot apply '${e.op}' to an address`, span: e.span };
			}
			const v = r.value.value;
			const out = e.op === '-' ? -v : e.op === '~' ? ~v : truth(v === 0n) & 1n;
			return { ok: true, value: { value: wrap(out) } };
		}
		case 'binary':
			return evaluateBinary(e, env);
	}
}

function evaluateBinary(e: Extract<Expr, { kind: 'binary' }>, env: EvalEnv): EvalResult {
	const l = evaluate(e.left, env);
	if (!l.ok) return l;
	const r = evaluate(e.right, env);
	if (!r.ok) return r;
	const a = l.value;
	const b = r.value;
	// Section-relative values: label + n, n + label, label - n, and label - label in one section.
	if (a.section !== undefined || b.section !== undefined) {
		if (e.op === '+' && (a.section === undefined || b.section === undefined)) {
			return {
				ok: true,
				value: { value: wrap(a.value + b.value), section: a.section ?? b.section }
			};
		}
		if (e.op === '-' && b.section === undefined) {
			return { ok: true, value: { value: wrap(a.value - b.value), section: a.section } };
		}
		if (e.op === '-' && a.section === b.section) {
			return { ok: true, value: { value: wrap(a.value - b.value) } };
		}
		const sameSection = a.section === b.section;
		if (sameSection && ['==', '!=', '<>', '<', '>', '<=', '>='].includes(e.op)) {
			return evaluateBinary(
				{ ...e, left: num(a.value, e.left.span), right: num(b.value, e.right.span) },
				env
			);
		}
		return {
			ok: false,
			message: `cannot use '${e.op}' on addresses in different sections or on an address and a number`,
			span: e.span
		};
	}
	const x = a.value;
	const y = b.value;
	let v: bigint;
	switch (e.op) {
		case '*':
			v = x * y;
			break;
		case '/':
		case '%':
			if (y === 0n) return { ok: false, message: 'division by zero', span: e.right.span };
			v = e.op === '/' ? x / y : x % y;
			break;
		case '<<':
			v = y < 0n || y >= 64n ? 0n : x << y;
			break;
		case '>>':
			// GNU as shifts its unsigned value type (valueT) right: a logical shift.
			v = y < 0n || y >= 64n ? 0n : BigInt.asUintN(64, x) >> y;
			break;
		case '|':
			v = x | y;
			break;
		case '&':
			v = x & y;
			break;
		case '^':
			v = x ^ y;
			break;
		case '+':
			v = x + y;
			break;
		case '-':
			v = x - y;
			break;
		case '==':
			v = truth(x === y);
			break;
		case '!=':
		case '<>':
			v = truth(x !== y);
			break;
		case '<':
			v = truth(x < y);
			break;
		case '>':
			v = truth(x > y);
			break;
		case '<=':
			v = truth(x <= y);
			break;
		case '>=':
			v = truth(x >= y);
			break;
		case '&&':
			v = x !== 0n && y !== 0n ? 1n : 0n;
			break;
		case '||':
			v = x !== 0n || y !== 0n ? 1n : 0n;
			break;
		default:
			return { ok: false, message: `unknown operator '${e.op}'`, span: e.span };
	}
	return { ok: true, value: { value: wrap(v) } };
}

function num(value: bigint, span: Span): Expr {
	return { kind: 'number', value, span };
}

/** Every symbol name an expression mentions. */
export function symbolsOf(e: Expr, out: string[] = []): string[] {
	if (e.kind === 'symbol') out.push(e.name);
	else if (e.kind === 'unary') symbolsOf(e.operand, out);
	else if (e.kind === 'binary') {
		symbolsOf(e.left, out);
		symbolsOf(e.right, out);
	}
	return out;
}
