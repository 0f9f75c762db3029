/**
 * Assembler directives (GNU as manual §7 "Assembler Directives", and the RISC-V specific ones in
 * §9.38.3 "RISC-V Directives"). `.align` on RISC-V takes a power of two, like `.p2align`; padding in
 * code is filled with `nop` (addi x0, x0, 0 = 0x00000013) as GNU as does with compressed
 * instructions off.
 */
import type { Assembler } from './assembler.ts';
import type { SourceLine } from './source.ts';
import { evaluate, parseWholeExpression, type Expr, type Span } from './expression.ts';
import type { Token } from './lexer.ts';
import type { SectionBuffer } from './sections.ts';
import { splitOperands, isError, type Operand } from './operands.ts';

export interface DirectiveArgs {
	/** Tokens after the directive name. */
	tokens: Token[];
	column: number;
	endColumn: number;
}

const NOP = [0x13, 0x00, 0x00, 0x00];
const CONDITIONALS = new Set([
	'.if',
	'.ifdef',
	'.ifndef',
	'.ifnotdef',
	'.else',
	'.elseif',
	'.endif'
]);
/** Accepted and ignored: they only matter to a linker or debugger. */
const IGNORED = new Set([
	'.type',
	'.size',
	'.file',
	'.ident',
	'.attribute',
	'.local',
	'.weak',
	'.hidden',
	'.protected',
	'.internal',
	'.loc',
	'.func',
	'.endfunc'
]);
const DATA_WIDTH: Record<string, number> = {
	'.byte': 1,
	'.1byte': 1,
	'.half': 2,
	'.short': 2,
	'.2byte': 2,
	'.word': 4,
	'.long': 4,
	'.int': 4,
	'.4byte': 4,
	'.dword': 8,
	'.quad': 8,
	'.8byte': 8
};

export function isConditional(name: string): boolean {
	return CONDITIONALS.has(name);
}

const spanOf = (a: DirectiveArgs): Span => ({ column: a.column, endColumn: a.endColumn });

function operands(asm: Assembler, args: DirectiveArgs, line: SourceLine): Operand[] | undefined {
	const ops = splitOperands(args.tokens, spanOf(args));
	if (isError(ops)) {
		asm.report(line, ops.span, ops.message);
		return undefined;
	}
	return ops;
}

function expression(asm: Assembler, op: Operand, line: SourceLine): Expr | undefined {
	const e = parseWholeExpression(op.tokens);
	if ('message' in e) {
		asm.report(line, e.span, e.message);
		return undefined;
	}
	return e;
}

/** Evaluates a constant needed now (sizes, alignments, conditions). */
function constant(asm: Assembler, op: Operand, line: SourceLine, what: string): number | undefined {
	const e = expression(asm, op, line);
	if (!e) return undefined;
	const r = evaluate(e, asm.pass1Env(line));
	if (!r.ok) {
		asm.report(line, r.span, `${r.message} (${what} must be known at this point)`);
		return undefined;
	}
	if (r.value.section !== undefined) {
		asm.report(line, op.span, `${what} must be a number, not an address`);
		return undefined;
	}
	const v = r.value.value;
	if (v < -(2n ** 53n) || v > 2n ** 53n) {
		asm.report(line, op.span, `${what} ${v} is too large`);
		return undefined;
	}
	return Number(v);
}

function expectCount(
	asm: Assembler,
	name: string,
	ops: Operand[],
	min: number,
	max: number,
	form: string,
	args: DirectiveArgs,
	line: SourceLine
): boolean {
	if (ops.length >= min && ops.length <= max) return true;
	asm.report(line, spanOf(args), `${name} expects ${form}`);
	return false;
}

function symbolName(asm: Assembler, op: Operand, line: SourceLine): string | undefined {
	if (op.tokens.length === 1 && op.tokens[0].kind === 'ident') return op.tokens[0].text;
	asm.report(
		line,
		op.span,
		`expected a symbol name, found '${op.tokens.map((t) => t.text).join('')}'`
	);
	return undefined;
}

/**
 * Appends `pad` bytes of code padding as GNU as writes it (tc-riscv.c, riscv_make_nops): a zero byte
 * if the gap is odd, one c.nop (0x0001) if 2 bytes remain short of a word, then 4-byte nops.
 */
export function padCode(s: SectionBuffer, pad: number): void {
	let left = pad;
	if (left % 2 === 1) {
		s.reserve(1);
		left--;
	}
	if (left % 4 === 2) {
		s.append([0x01, 0x00]);
		left -= 2;
	}
	for (; left > 0; left -= 4) s.append(NOP);
}

/** Pads the current section to a multiple of `bytes`, with nops in code unless `fill` is given. */
function align(
	asm: Assembler,
	bytes: number,
	fill: number | undefined,
	max: number | undefined,
	line: SourceLine,
	span: Span
) {
	const s = asm.section;
	const pad = (bytes - (s.size % bytes)) % bytes;
	s.align = Math.max(s.align, bytes);
	// GNU as (gas/config/tc-riscv.c, riscv_frag_align_code) ignores code alignments no larger than
	// an instruction: `.byte 1; .align 2` in .text leaves the next instruction misaligned.
	if (s.kind === 'code' && fill === undefined && bytes <= 4) return;
	if (pad === 0 || (max !== undefined && pad > max)) return;
	if (!asm.roomFor(pad, line, span)) return;
	if (s.kind === 'code' && fill === undefined) {
		padCode(s, pad);
		return;
	}
	s.reserve(pad, (fill ?? 0) & 0xff);
}

function alignDirective(asm: Assembler, name: string, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(asm, args, line);
	if (
		!ops ||
		!expectCount(asm, name, ops, 1, 3, 'an alignment, then optional fill and maximum', args, line)
	)
		return;
	const n = constant(asm, ops[0], line, 'the alignment');
	if (n === undefined) return;
	const fill =
		ops[1] && ops[1].tokens.length > 0 ? constant(asm, ops[1], line, 'the fill value') : undefined;
	const max = ops[2] ? constant(asm, ops[2], line, 'the maximum padding') : undefined;
	let bytes: number;
	if (name === '.balign') {
		if (n < 1 || n > 1 << 16 || (n & (n - 1)) !== 0) {
			asm.report(line, ops[0].span, `.balign needs a power of two from 1 to 65536, found ${n}`);
			return;
		}
		bytes = n;
	} else {
		if (n < 0 || n > 16) {
			asm.report(
				line,
				ops[0].span,
				`${name} takes a power of two exponent from 0 to 16, found ${n}`
			);
			return;
		}
		bytes = 2 ** n;
	}
	align(asm, bytes, fill, max, line, spanOf(args));
}

function dataDirective(asm: Assembler, name: string, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(asm, args, line);
	if (!ops) return;
	if (asm.section.kind === 'bss') {
		asm.report(
			line,
			spanOf(args),
			`${name} cannot store data in ${asm.section.name}; use .space or .zero`
		);
		return;
	}
	const width = DATA_WIDTH[name];
	if (!asm.roomFor(width * ops.length, line, spanOf(args))) return;
	const start = asm.section.size;
	for (const op of ops) {
		const e = expression(asm, op, line);
		if (!e) {
			asm.section.reserve(width);
			continue;
		}
		asm.emitData(width, e, op.span, line);
	}
	asm.mapSource(start, asm.section.size - start, line);
}

function stringDirective(
	asm: Assembler,
	name: string,
	args: DirectiveArgs,
	line: SourceLine
): void {
	const ops = operands(asm, args, line);
	if (!ops) return;
	if (asm.section.kind === 'bss') {
		asm.report(line, spanOf(args), `${name} cannot store data in ${asm.section.name}`);
		return;
	}
	const start = asm.section.size;
	for (const op of ops) {
		if (op.tokens.length !== 1 || op.tokens[0].kind !== 'string') {
			asm.report(line, op.span, `${name} expects strings in double quotes`);
			continue;
		}
		const bytes = op.tokens[0].bytes ?? [];
		if (!asm.roomFor(bytes.length + 1, line, op.span)) return;
		asm.section.append(bytes);
		if (name !== '.ascii') asm.section.append([0]);
	}
	asm.mapSource(start, asm.section.size - start, line);
}

function spaceDirective(asm: Assembler, name: string, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(asm, args, line);
	if (
		!ops ||
		!expectCount(
			asm,
			name,
			ops,
			1,
			name === '.zero' ? 1 : 2,
			'a size and an optional fill byte',
			args,
			line
		)
	)
		return;
	const n = constant(asm, ops[0], line, 'the size');
	if (n === undefined) return;
	if (n < 0) {
		asm.report(line, ops[0].span, `${name} size must not be negative, found ${n}`);
		return;
	}
	const fill = ops[1] ? constant(asm, ops[1], line, 'the fill value') : 0;
	if (fill === undefined) return;
	if (asm.section.kind === 'bss' && fill !== 0) {
		asm.report(line, ops[1].span, `${asm.section.name} holds only zeros`);
		return;
	}
	if (!asm.roomFor(n, line, spanOf(args))) return;
	const at = asm.section.reserve(n, fill & 0xff);
	asm.mapSource(at, n, line);
}

function sectionDirective(asm: Assembler, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(asm, args, line);
	if (!ops || ops.length === 0) {
		if (ops) asm.report(line, spanOf(args), '.section expects a section name');
		return;
	}
	const first = ops[0].tokens;
	let name: string;
	if (first.length === 1 && first[0].kind === 'string')
		name = String.fromCharCode(...(first[0].bytes ?? []));
	else if (
		first.every((t, i) => {
			// Names such as .note.GNU-stack: identifiers, dashes and digits with no space between.
			const adjacent = i === 0 || first[i - 1].endColumn === t.column;
			return adjacent && (t.kind === 'ident' || t.kind === 'number' || t.text === '-');
		})
	)
		name = first.map((t) => t.text).join('');
	else {
		asm.report(
			line,
			ops[0].span,
			`expected a section name, found '${first.map((t) => t.text).join('')}'`
		);
		return;
	}
	const flagsToken = ops[1]?.tokens[0];
	const flags =
		flagsToken?.kind === 'string' ? String.fromCharCode(...(flagsToken.bytes ?? [])) : undefined;
	const typeText = ops[2]?.tokens.map((t) => t.text).join('');
	const s = asm.sectionNamed(name, flags);
	if (typeText === '@nobits' && s.kind !== 'bss') {
		asm.report(line, ops[2].span, `@nobits sections must be named .bss or .sbss here`, 'warning');
	}
	asm.switchTo(s);
}

function conditional(
	asm: Assembler,
	name: string,
	args: DirectiveArgs,
	line: SourceLine,
	head: Span
): void {
	const stack = asm.conditionals;
	const top = stack[stack.length - 1];
	if (name === '.else' || name === '.elseif') {
		if (!top || top.sawElse) {
			asm.report(line, head, top ? `second ${name} for one .if` : `${name} without .if`);
			return;
		}
		if (name === '.else') {
			top.sawElse = true;
			top.active = top.parentActive && !top.taken;
			top.taken = true;
			return;
		}
		const cond = top.parentActive && !top.taken ? evaluateCondition(asm, args, line) : false;
		top.active = top.parentActive && !top.taken && cond;
		top.taken ||= top.active;
		return;
	}
	if (name === '.endif') {
		if (!top) asm.report(line, head, '.endif without .if');
		else stack.pop();
		return;
	}
	const parentActive = stack.every((c) => c.active);
	let cond = false;
	if (parentActive) {
		if (name === '.if') cond = evaluateCondition(asm, args, line);
		else {
			const ops = operands(asm, args, line);
			if (ops && ops.length === 1) {
				const sym = symbolName(asm, ops[0], line);
				const defined = sym !== undefined && asm.isDefined(sym);
				cond = name === '.ifdef' ? defined : !defined;
			} else if (ops) asm.report(line, spanOf(args), `${name} expects one symbol name`);
		}
	}
	stack.push({
		active: parentActive && cond,
		taken: parentActive && cond,
		parentActive,
		sawElse: false,
		where: line,
		span: head
	});
}

function evaluateCondition(asm: Assembler, args: DirectiveArgs, line: SourceLine): boolean {
	const ops = operands(asm, args, line);
	if (!ops || ops.length !== 1) {
		if (ops) asm.report(line, spanOf(args), '.if expects one expression');
		return false;
	}
	const v = constant(asm, ops[0], line, 'the condition');
	return v !== undefined && v !== 0;
}

function option(asm: Assembler, args: DirectiveArgs, line: SourceLine): void {
	const word = args.tokens.map((t) => t.text).join('');
	const first = args.tokens[0]?.text;
	if (
		first === 'norvc' ||
		first === 'push' ||
		first === 'pop' ||
		first === 'relax' ||
		first === 'norelax' ||
		first === 'pic' ||
		first === 'nopic' ||
		first === 'arch'
	)
		return;
	if (first === 'rvc') {
		asm.report(
			line,
			spanOf(args),
			'.option rvc: this assembler never emits compressed instructions; all stay 4 bytes',
			'warning'
		);
		return;
	}
	asm.report(line, spanOf(args), `unknown .option '${word}' ignored`, 'warning');
}

/** Runs one directive. `head` is the directive name's token. */
export function handleDirective(
	asm: Assembler,
	name: string,
	args: DirectiveArgs,
	line: SourceLine,
	head: Token
): void {
	if (CONDITIONALS.has(name)) return conditional(asm, name, args, line, head);
	if (Object.hasOwn(DATA_WIDTH, name)) return dataDirective(asm, name, args, line);
	switch (name) {
		case '.text':
		case '.data':
		case '.bss':
			asm.switchTo(asm.sectionNamed(name));
			return;
		case '.section':
			return sectionDirective(asm, args, line);
		case '.pushsection':
			asm.sectionStack.push(asm.section);
			return sectionDirective(asm, args, line);
		case '.popsection': {
			const s = asm.sectionStack.pop();
			if (s) asm.switchTo(s);
			else asm.report(line, head, '.popsection without .pushsection');
			return;
		}
		case '.previous':
			asm.switchTo(asm.previousSection);
			return;
		case '.globl':
		case '.global': {
			const ops = operands(asm, args, line);
			for (const op of ops ?? []) {
				const sym = symbolName(asm, op, line);
				if (sym) asm.globals.add(sym);
			}
			return;
		}
		case '.align':
		case '.p2align':
		case '.balign':
			return alignDirective(asm, name, args, line);
		case '.ascii':
		case '.asciz':
		case '.string':
			return stringDirective(asm, name, args, line);
		case '.space':
		case '.skip':
		case '.zero':
			return spaceDirective(asm, name, args, line);
		case '.equ':
		case '.set':
		case '.equiv': {
			const ops = operands(asm, args, line);
			if (!ops || !expectCount(asm, name, ops, 2, 2, 'a symbol name and an expression', args, line))
				return;
			const sym = symbolName(asm, ops[0], line);
			const e = expression(asm, ops[1], line);
			if (sym && e) asm.defineConstant(sym, e, line, ops[0].span, name !== '.equiv');
			return;
		}
		case '.option':
			return option(asm, args, line);
		case '.end':
			asm.ended = true;
			return;
	}
	if (IGNORED.has(name) || name.startsWith('.cfi_')) return;
	asm.report(line, head, `unknown directive '${name}'`);
}
