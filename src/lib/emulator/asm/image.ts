/**
 * The assembler's output once addresses are final: the non-empty sections in address order, the
 * symbols (labels and constants; internal names of numeric local labels left out), the entry point
 * and the source map.
 */
import type { ImageContext } from './context.ts';
import { isLocalName } from './local-labels.ts';
import { outputName, type OutputSection } from './sections.ts';
import type { AsmImage, AsmSymbol, SourceMapEntry } from './types.ts';

export function buildImage(ctx: ImageContext, outputs: OutputSection[]): AsmImage {
	const sections = outputs
		.filter((o) => o.size > 0)
		.map((o) => {
			const bytes = new Uint8Array(o.size);
			if (o.kind !== 'bss') {
				for (const s of o.inputs) bytes.set(s.bytes(), s.address - o.address);
			}
			return { name: o.name, kind: o.kind, address: o.address, bytes, align: o.align };
		});
	const symbols: AsmSymbol[] = [];
	for (const [name, s] of ctx.symbols) {
		if (isLocalName(name)) continue;
		const global = ctx.globals.has(name);
		if (s.kind === 'label') {
			symbols.push({
				name,
				value: (s.section.address + s.offset) >>> 0,
				section: outputName(s.section.name),
				global
			});
			continue;
		}
		const r = ctx.finalValue(name, s.where.source);
		if (r?.ok) symbols.push({ name, value: Number(BigInt.asUintN(32, r.value.value)), global });
	}
	const start = ctx.symbols.get('_start');
	const firstCode = [...ctx.sections.values()]
		.filter((s) => s.kind === 'code' && s.size > 0)
		.sort((a, b) => a.address - b.address)[0];
	const text = ctx.sections.get('.text')!;
	const fallback = text.size > 0 ? text : (firstCode ?? text);
	const entry =
		start?.kind === 'label' ? (start.section.address + start.offset) >>> 0 : fallback.address;
	const sourceMap: SourceMapEntry[] = ctx.sourceMap
		.map((m) => {
			const origin = m.source.macro ?? m.source;
			return {
				address: (m.section.address + m.offset) >>> 0,
				size: m.size,
				file: origin.file,
				line: origin.line
			};
		})
		.sort((a, b) => a.address - b.address);
	return { sections, symbols, entry, sourceMap };
}
