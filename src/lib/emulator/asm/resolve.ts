/**
 * Pass 2: with every section placed, resolves what pass 1 left open — branch and jump offsets,
 * `%hi`/`%lo`/`%pcrel_hi`/`%pcrel_lo` (RISC-V psABI, "Relocations": hi20 = (v + 0x800) >> 12, lo12 =
 * v - (hi20 << 12)), CSR numbers given as expressions, and data words holding addresses — checks
 * their ranges and writes the final bytes.
 */
import { encode, operandRange } from '../isa/encode.ts';
import type { ResolveContext } from './context.ts';
import { evaluate } from './expression.ts';
import type { PendingImmediate } from './instructions.ts';
import type { Fixup } from './output.ts';
import type { SourceLine } from './source.ts';

export function resolveFixups(ctx: ResolveContext): void {
	// %pcrel_lo(label) needs the target of the %pcrel_hi at label: collect those first.
	const hiTargets = new Map<number, number>();
	for (const f of ctx.fixups) {
		if (f.type !== 'insn') continue;
		const pc = (f.section.address + f.offset) >>> 0;
		for (const p of f.request.pending) {
			if (p.mode !== 'pcrel_hi') continue;
			const r = evaluate(p.expr, ctx.pass2Env(f.where.source, pc));
			if (r.ok) hiTargets.set(pc, Number(BigInt.asUintN(32, r.value.value)));
		}
	}
	for (const f of ctx.fixups) {
		const pc = (f.section.address + f.offset) >>> 0;
		if (f.type === 'data') {
			resolveData(ctx, f, pc);
			continue;
		}
		const values = { ...f.request.values };
		let ok = true;
		for (const p of f.request.pending) {
			const v = resolveImmediate(ctx, p, pc, f.where.source, hiTargets);
			if (v === undefined) {
				ok = false;
				continue;
			}
			if (p.field === 'csr') values.csr = v;
			else values.imm = v;
		}
		if (!ok) continue;
		const word = (encode(f.request.spec, values) | (f.request.extraBits ?? 0)) >>> 0;
		f.section.writeLE(f.offset, 4, BigInt(word));
	}
}

function resolveData(ctx: ResolveContext, f: Extract<Fixup, { type: 'data' }>, pc: number): void {
	const r = evaluate(f.expr, ctx.pass2Env(f.where.source, pc));
	if (!r.ok) {
		ctx.report(f.where.source, r.span, r.message);
		return;
	}
	const v = r.value.value;
	const bits = BigInt(8 * f.width);
	if (f.width < 8 && (v < -(1n << (bits - 1n)) || v >= 1n << bits)) {
		const truncated = BigInt.asUintN(Number(bits), v);
		ctx.report(
			f.where.source,
			f.span,
			`value 0x${BigInt.asUintN(64, v).toString(16)} truncated to 0x${truncated.toString(16)}`,
			'warning'
		);
	}
	f.section.writeLE(f.offset, f.width, BigInt.asUintN(Number(bits), v));
}

function resolveImmediate(
	ctx: ResolveContext,
	p: PendingImmediate,
	pc: number,
	source: SourceLine,
	hiTargets: Map<number, number>
): number | undefined {
	const r = evaluate(p.expr, ctx.pass2Env(source, pc));
	if (!r.ok) {
		ctx.report(source, r.span, r.message);
		return undefined;
	}
	const v = r.value.value;
	const v32 = Number(BigInt.asIntN(32, v));
	const hi = (x: number) => ((x + 0x800) >>> 12) & 0xfffff;
	const lo = (x: number) => (x << 20) >> 20;
	switch (p.mode) {
		case 'hi':
			return hi(v32);
		case 'lo':
			return lo(v32);
		case 'pcrel_hi':
			return hi((v32 - pc) | 0);
		case 'pcrel_lo_prev':
			return lo((v32 - (pc - 4)) | 0);
		case 'pcrel_lo': {
			const anchor = v32 >>> 0;
			const target = hiTargets.get(anchor);
			if (target === undefined) {
				ctx.report(
					source,
					p.span,
					`%pcrel_lo needs the label of an auipc with %pcrel_hi; none at 0x${anchor.toString(16)}`
				);
				return undefined;
			}
			return lo((target - anchor) | 0);
		}
		case 'pcrel': {
			const offset = v - BigInt(pc);
			// Targets wrap around the 32-bit address space, as the hardware's PC does.
			const o = Number(BigInt.asIntN(32, offset));
			return checkRange(ctx, p, o, source) ? o : undefined;
		}
		case 'abs':
			if (v < -(2n ** 32n) || v >= 2n ** 32n) {
				ctx.report(source, p.span, `immediate ${v} does not fit in 32 bits`);
				return undefined;
			}
			return checkRange(ctx, p, Number(v), source) ? Number(v) : undefined;
	}
}

function checkRange(
	ctx: ResolveContext,
	p: PendingImmediate,
	value: number,
	source: SourceLine
): boolean {
	const range = operandRange(p.kind);
	if (!range) return true;
	const what =
		p.kind === 'branch'
			? 'branch offset'
			: p.kind === 'jump'
				? 'jump offset'
				: p.kind === 'csr'
					? 'CSR number'
					: 'immediate';
	if (value < range.min || value > range.max) {
		const hint =
			p.kind === 'branch'
				? ' (±4 KiB; use a jump for farther targets)'
				: p.kind === 'upper'
					? ' (use %hi() or li for a full constant)'
					: '';
		ctx.report(source, p.span, `${what} ${value} out of range ${range.min}..${range.max}${hint}`);
		return false;
	}
	if (value % range.multipleOf !== 0) {
		ctx.report(source, p.span, `${what} ${value} is not a multiple of ${range.multipleOf}`);
		return false;
	}
	return true;
}
