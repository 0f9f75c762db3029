/**
 * The instruction table owns the field layouts (isa/table.ts `Field`); the decoder's extractors
 * (isa/fields.ts) are the same layouts written out with constant shifts, and must agree with the
 * generic `unpackField` on every word. Packing and unpacking must be inverse on in-range values.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	Field,
	packField,
	unpackField,
	type FieldName
} from '../../../../src/lib/emulator/isa/table.ts';
import {
	immB,
	immI,
	immJ,
	immS,
	immU,
	rdOf,
	rs1Of,
	rs2Of
} from '../../../../src/lib/emulator/isa/fields.ts';

const word = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe('decoder extractors equal the table layouts', () => {
	const pairs: [string, (w: number) => number, (w: number) => number][] = [
		['rd', rdOf, (w) => unpackField(Field.rd, w)],
		['rs1', rs1Of, (w) => unpackField(Field.rs1, w)],
		['rs2', rs2Of, (w) => unpackField(Field.rs2, w)],
		['immI', immI, (w) => unpackField(Field.immI, w)],
		['immS', immS, (w) => unpackField(Field.immS, w)],
		['immB', immB, (w) => unpackField(Field.immB, w)],
		['immJ', immJ, (w) => unpackField(Field.immJ, w)],
		['immU', immU, (w) => unpackField(Field.immU, w) << 12]
	];
	for (const [name, compiled, generic] of pairs)
		it(name, () => {
			fc.assert(
				fc.property(word, (w) => compiled(w) === generic(w)),
				{ numRuns: 5000 }
			);
		});
});

describe('packField and unpackField', () => {
	/** The range of values a field holds: its top bit, its lowest bit, and its sign. */
	function range(name: FieldName) {
		const f = Field[name];
		const top = Math.max(...f.slices.map((s) => s.hi));
		const low = Math.min(...f.slices.map((s) => s.lo));
		return f.signed
			? { min: -(2 ** top), max: 2 ** top - 1, step: 2 ** low }
			: { min: 0, max: 2 ** (top + 1) - 1, step: 2 ** low };
	}

	for (const name of Object.keys(Field) as FieldName[])
		it(`${name}: unpack(pack(v)) = v for every value in range, and the slices do not overlap`, () => {
			const { min, max, step } = range(name);
			const value = fc
				.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
				.map((k) => k * step);
			fc.assert(
				fc.property(value, (v) => unpackField(Field[name], packField(Field[name], v)) === v),
				{ numRuns: 500 }
			);
			const masks = Field[name].slices.map((s) => packField({ slices: [s], signed: false }, -1));
			expect(masks.reduce((a, m) => a + popcount(m), 0)).toBe(popcount(packField(Field[name], -1)));
		});

	it('places the B-type offset as Figure 2.4 draws it', () => {
		expect(packField(Field.immB, 1 << 12) >>> 0).toBe(0x80000000);
		expect(packField(Field.immB, 1 << 11)).toBe(1 << 7);
		expect(packField(Field.immB, 0x7e0)).toBe(0x3f << 25);
		expect(packField(Field.immB, 0x1e)).toBe(0xf << 8);
	});
});

function popcount(v: number): number {
	let n = 0;
	for (let x = v >>> 0; x; x >>>= 1) n += x & 1;
	return n;
}
