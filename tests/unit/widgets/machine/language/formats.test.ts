import { describe, expect, it } from 'vitest';
import {
	Field,
	instructionByName,
	instructions,
	operandFields,
	type FieldName
} from '../../../../../src/lib/emulator/isa/table.ts';
import {
	FORMAT_FIELDS,
	formatOf
} from '../../../../../src/lib/widgets/machine/language/formats.ts';

/** The word bits a field occupies. */
function bitsOf(field: FieldName): number {
	let mask = 0;
	for (const { hi, lo, at } of Field[field].slices) mask |= ((2 ** (hi - lo + 1) - 1) << at) >>> 0;
	return mask >>> 0;
}

describe('formatOf', () => {
	it('gives the formats Volume I §2.2–2.3 and §9.1 give', () => {
		const cases: [string, string][] = [
			['add', 'R'],
			['addi', 'I'],
			['lw', 'I'],
			['jalr', 'I'],
			['slli', 'I'],
			['sw', 'S'],
			['beq', 'B'],
			['lui', 'U'],
			['auipc', 'U'],
			['jal', 'J'],
			['csrrw', 'I'],
			['csrrwi', 'I'],
			['ecall', 'I'],
			['mret', 'I'],
			['fence', 'I'],
			['amoadd.w', 'R'],
			['lr.w', 'R'],
			['sfence.vma', 'R'],
			['hlv.w', 'R'],
			['hsv.w', 'R']
		];
		for (const [name, format] of cases)
			expect(formatOf(instructionByName.get(name)!), name).toBe(format);
	});

	it('puts every operand of every instruction in bits its format lays out', () => {
		for (const spec of instructions) {
			const format = formatOf(spec);
			const laidOut = FORMAT_FIELDS[format].reduce((m, f) => (m | bitsOf(f)) >>> 0, 0);
			for (const kind of spec.operands)
				for (const [field] of operandFields[kind])
					expect((bitsOf(field) & ~laidOut) >>> 0, `${spec.name} ${kind}`).toBe(0);
		}
	});
});
