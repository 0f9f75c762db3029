/**
 * Assembler directives (GNU as manual §7 "Assembler Directives", and the RISC-V specific ones in
 * §9.38.3 "RISC-V Directives"): data, sections, symbols and options here; conditionals in
 * conditionals.ts; those that move the location counter (.align, .space, .org) in location.ts;
 * `.insn` in insn.ts; blocks (.macro, .rept, .irp, .irpc) in repeat.ts and `.include` in
 * include.ts, which the statement reader (statement.ts) runs itself.
 */
import {
	expectCount,
	expression,
	operands,
	spanOf,
	symbolName,
	type DirectiveArgs
} from './args.ts';
import { conditional, isConditional } from './conditionals.ts';
import type { DirectiveContext } from './context.ts';
import type { Token } from './lexer.ts';
import { insnDirective } from './insn.ts';
import { alignDirective, orgDirective, spaceDirective } from './location.ts';
import type { SourceLine } from './source.ts';

export type { DirectiveArgs } from './args.ts';

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

function dataDirective(
	ctx: DirectiveContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine
): void {
	const ops = operands(ctx, args, line);
	if (!ops) return;
	if (ctx.section.kind === 'bss') {
		ctx.report(
			line,
			spanOf(args),
			`${name} cannot store data in ${ctx.section.name}; use .space or .zero`
		);
		return;
	}
	const width = DATA_WIDTH[name];
	if (!ctx.roomFor(width * ops.length, line, spanOf(args))) return;
	const start = ctx.section.size;
	for (const op of ops) {
		const e = expression(ctx, op, line);
		if (!e) {
			ctx.section.reserve(width);
			continue;
		}
		ctx.emitData(width, e, op.span, line);
	}
	ctx.mapSource(start, ctx.section.size - start, line);
}

function stringDirective(
	ctx: DirectiveContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine
): void {
	const ops = operands(ctx, args, line);
	if (!ops) return;
	if (ctx.section.kind === 'bss') {
		ctx.report(line, spanOf(args), `${name} cannot store data in ${ctx.section.name}`);
		return;
	}
	const start = ctx.section.size;
	for (const op of ops) {
		if (op.tokens.length !== 1 || op.tokens[0].kind !== 'string') {
			ctx.report(line, op.span, `${name} expects strings in double quotes`);
			continue;
		}
		const bytes = op.tokens[0].bytes ?? [];
		if (!ctx.roomFor(bytes.length + 1, line, op.span)) return;
		ctx.section.append(bytes);
		if (name !== '.ascii') ctx.section.append([0]);
	}
	ctx.mapSource(start, ctx.section.size - start, line);
}

function sectionDirective(ctx: DirectiveContext, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(ctx, args, line);
	if (!ops || ops.length === 0) {
		if (ops) ctx.report(line, spanOf(args), '.section expects a section name');
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
		ctx.report(
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
	const s = ctx.sectionNamed(name, flags);
	if (typeText === '@nobits' && s.kind !== 'bss') {
		ctx.report(line, ops[2].span, `@nobits sections must be named .bss or .sbss here`, 'warning');
	}
	ctx.switchTo(s);
}

function option(ctx: DirectiveContext, args: DirectiveArgs, line: SourceLine): void {
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
		ctx.report(
			line,
			spanOf(args),
			'.option rvc: this assembler never emits compressed instructions; all stay 4 bytes',
			'warning'
		);
		return;
	}
	ctx.report(line, spanOf(args), `unknown .option '${word}' ignored`, 'warning');
}

/**
 * `.error "message"` and `.warning "message"` (GNU as, "Directives"): report the author's own
 * message at this line, an error (so no image is produced) or a warning. Without a string the
 * message is GNU as's default.
 */
function userMessage(
	ctx: DirectiveContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine,
	head: Token
): void {
	const first = args.tokens[0];
	const text =
		first?.kind === 'string'
			? new TextDecoder().decode(Uint8Array.from(first.bytes ?? []))
			: name === '.error'
				? '.error directive invoked in source file'
				: '.warning directive invoked in source file';
	ctx.report(
		line,
		args.tokens.length > 0 ? spanOf(args) : head,
		text,
		name === '.error' ? 'error' : 'warning'
	);
}

/** Runs one directive. `head` is the directive name's token. */
export function handleDirective(
	ctx: DirectiveContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine,
	head: Token
): void {
	if (isConditional(name)) return conditional(ctx, name, args, line, head);
	if (Object.hasOwn(DATA_WIDTH, name)) return dataDirective(ctx, name, args, line);
	switch (name) {
		case '.text':
		case '.data':
		case '.bss':
			ctx.switchTo(ctx.sectionNamed(name));
			return;
		case '.section':
			return sectionDirective(ctx, args, line);
		case '.pushsection':
			ctx.pushSection();
			return sectionDirective(ctx, args, line);
		case '.popsection': {
			const s = ctx.popSection();
			if (s) ctx.switchTo(s);
			else ctx.report(line, head, '.popsection without .pushsection');
			return;
		}
		case '.previous':
			ctx.switchTo(ctx.previousSection);
			return;
		case '.globl':
		case '.global': {
			const ops = operands(ctx, args, line);
			for (const op of ops ?? []) {
				const sym = symbolName(ctx, op, line);
				if (sym) ctx.declareGlobal(sym);
			}
			return;
		}
		case '.align':
		case '.p2align':
		case '.balign':
			return alignDirective(ctx, name, args, line);
		case '.ascii':
		case '.asciz':
		case '.string':
			return stringDirective(ctx, name, args, line);
		case '.space':
		case '.skip':
		case '.zero':
			return spaceDirective(ctx, name, args, line);
		case '.org':
			return orgDirective(ctx, args, line);
		case '.insn':
			return insnDirective(ctx, args, line);
		case '.equ':
		case '.set':
		case '.equiv': {
			const ops = operands(ctx, args, line);
			if (!ops || !expectCount(ctx, name, ops, 2, 2, 'a symbol name and an expression', args, line))
				return;
			const sym = symbolName(ctx, ops[0], line);
			const e = expression(ctx, ops[1], line);
			if (sym && e) ctx.defineConstant(sym, e, line, ops[0].span, name !== '.equiv');
			return;
		}
		case '.option':
			return option(ctx, args, line);
		case '.error':
		case '.warning':
			return userMessage(ctx, name, args, line, head);
		case '.end':
			ctx.end();
			return;
	}
	if (IGNORED.has(name) || name.startsWith('.cfi_')) return;
	ctx.report(line, head, `unknown directive '${name}'`);
}
