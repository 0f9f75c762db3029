import { describe, expect, it } from 'vitest';
import { KIND_NAME } from '../../../../../src/lib/emulator/asm/standard.ts';
import { instructions } from '../../../../../src/lib/emulator/isa/table.ts';
import { OPERATIONS } from '../../../../../src/lib/widgets/machine/language/operations.ts';

describe('OPERATIONS', () => {
	it('has one line for each instruction of the table and for nothing else', () => {
		expect(Object.keys(OPERATIONS).sort()).toEqual(instructions.map((s) => s.name).sort());
		for (const line of Object.values(OPERATIONS)) expect(line).not.toMatch(/\n/);
	});

	it('mentions each register and the CSR an instruction names', () => {
		for (const spec of instructions) {
			const line = OPERATIONS[spec.name];
			for (const kind of spec.operands) {
				const written = KIND_NAME[kind];
				const register = /rs1|rs2|rd|csr|uimm5|shamt|imm12|imm20|pred|succ/i.exec(written)?.[0];
				if (register) expect(line, spec.name).toMatch(new RegExp(`\\b${register}\\b`, 'i'));
			}
		}
	});
});
