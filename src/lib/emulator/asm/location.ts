/**
 * Directives that move the location counter: `.align`, `.p2align` and `.balign` pad to a multiple
 * of a power of two, `.space`/`.skip`/`.zero` reserve bytes, and `.org` moves to an offset in the
 * section. `.align` on RISC-V takes a power of two, like `.p2align`; padding in code is filled with
 * `nop` (addi x0, x0, 0 = 0x00000013) as GNU as does with compressed instructions off.
 */
import { constant, expectCount, expression, operands, spanOf, type DirectiveArgs } from './args.ts';
import type { LocationContext } from './context.ts';
import { evaluate, symbolsOf, type Span } from './expression.ts';
import type { SectionBuffer } from './sections.ts';
import type { SourceLine } from './source.ts';

const NOP = [0x13, 0x00, 0x00, 0x00];

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
	s.appendRepeated(NOP, left / 4);
}

/** Pads the current section to a multiple of `bytes`, with nops in code unless `fill` is given. */
function align(
	ctx: LocationContext,
	bytes: number,
	fill: number | undefined,
	max: number | undefined,
	line: SourceLine,
	span: Span
) {
	const s = ctx.section;
	const pad = (bytes - (s.size % bytes)) % bytes;
	s.align = Math.max(s.align, bytes);
	// GNU as (gas/config/tc-riscv.c, riscv_frag_align_code) ignores code alignments no larger than
	// an instruction: `.byte 1; .align 2` in .text leaves the next instruction misaligned.
	if (s.kind === 'code' && fill === undefined && bytes <= 4) return;
	if (pad === 0 || (max !== undefined && pad > max)) return;
	if (!ctx.roomFor(pad, line, span)) return;
	if (s.kind === 'code' && fill === undefined) {
		padCode(s, pad);
		return;
	}
	s.reserve(pad, (fill ?? 0) & 0xff);
}

export function alignDirective(
	ctx: LocationContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine
): void {
	const ops = operands(ctx, args, line);
	if (
		!ops ||
		!expectCount(ctx, name, ops, 1, 3, 'an alignment, then optional fill and maximum', args, line)
	)
		return;
	const n = constant(ctx, ops[0], line, 'the alignment');
	if (n === undefined) return;
	const fill =
		ops[1] && ops[1].tokens.length > 0 ? constant(ctx, ops[1], line, 'the fill value') : undefined;
	const max = ops[2] ? constant(ctx, ops[2], line, 'the maximum padding') : undefined;
	let bytes: number;
	if (name === '.balign') {
		if (n < 1 || n > 1 << 16 || (n & (n - 1)) !== 0) {
			ctx.report(line, ops[0].span, `.balign needs a power of two from 1 to 65536, found ${n}`);
			return;
		}
		bytes = n;
	} else {
		if (n < 0 || n > 16) {
			ctx.report(
				line,
				ops[0].span,
				`${name} takes a power of two exponent from 0 to 16, found ${n}`
			);
			return;
		}
		bytes = 2 ** n;
	}
	align(ctx, bytes, fill, max, line, spanOf(args));
}

export function spaceDirective(
	ctx: LocationContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine
): void {
	const ops = operands(ctx, args, line);
	if (
		!ops ||
		!expectCount(
			ctx,
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
	const n = constant(ctx, ops[0], line, 'the size');
	if (n === undefined) return;
	if (n < 0) {
		ctx.report(line, ops[0].span, `${name} size must not be negative, found ${n}`);
		return;
	}
	const fill = ops[1] ? constant(ctx, ops[1], line, 'the fill value') : 0;
	if (fill === undefined) return;
	if (ctx.section.kind === 'bss' && fill !== 0) {
		ctx.report(line, ops[1].span, `${ctx.section.name} holds only zeros`);
		return;
	}
	if (!ctx.roomFor(n, line, spanOf(args))) return;
	const at = ctx.section.reserve(n, fill & 0xff);
	ctx.mapSource(at, n, line);
}

/**
 * `.org offset[, fill]` moves the location counter forward to `offset` bytes from the start of the
 * current section, filling the gap with the fill byte (0 by default, in code too: GNU as 2.40
 * writes zeros there, not nops). The offset is a number or an address in the same section. As in
 * GNU as, a symbol not defined yet counts as zero with a warning, moving backwards is an error
 * ("attempt to move .org backwards"), and so is an address in another section ("invalid segment").
 */
export function orgDirective(ctx: LocationContext, args: DirectiveArgs, line: SourceLine): void {
	const ops = operands(ctx, args, line);
	const form = 'an offset and an optional fill byte';
	if (!ops || !expectCount(ctx, '.org', ops, 1, 2, form, args, line)) return;
	const e = expression(ctx, ops[0], line);
	if (!e) return;
	const r = evaluate(e, ctx.pass1Env(line));
	let offset = 0n;
	if (!r.ok) {
		if (r.undefinedSymbol === undefined) return ctx.report(line, ops[0].span, r.message);
		// The symbol may be in the operand, or in the definition of a symbol the operand uses.
		const direct = symbolsOf(e).includes(r.undefinedSymbol);
		const span = direct ? r.span : ops[0].span;
		const name = direct ? line.text.slice(span.column - 1, span.endColumn - 1) : r.undefinedSymbol;
		ctx.report(line, span, `symbol '${name}' undefined; zero assumed`, 'warning');
	} else if (r.value.section !== undefined && r.value.section !== ctx.section.name) {
		const where = `.org needs an offset in the current section (${ctx.section.name})`;
		return ctx.report(line, ops[0].span, `invalid segment "${r.value.section}": ${where}`);
	} else offset = r.value.value;
	const fill = ops[1] ? constant(ctx, ops[1], line, 'the fill value') : 0;
	if (fill === undefined) return;
	const s = ctx.section;
	if (offset < BigInt(s.size)) {
		const move = `from offset ${s.size} to ${offset}`;
		return ctx.report(line, ops[0].span, `attempt to move .org backwards (${move})`);
	}
	if (s.kind === 'bss' && (fill & 0xff) !== 0) {
		return ctx.report(line, ops[1].span, `${s.name} holds only zeros`);
	}
	const gap = offset - BigInt(s.size);
	if (!ctx.roomFor(gap > 2n ** 32n ? 2 ** 32 : Number(gap), line, spanOf(args))) return;
	const at = s.reserve(Number(gap), fill & 0xff);
	ctx.mapSource(at, Number(gap), line);
}
