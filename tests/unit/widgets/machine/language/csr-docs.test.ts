import { describe, expect, it } from 'vitest';
import { csrNumber } from '../../../../../src/lib/emulator/isa/csr.ts';
import { csrMarkdown } from '../../../../../src/lib/widgets/machine/language/csr-docs.ts';

describe('csrMarkdown', () => {
	it('gives every implemented CSR its number and access', () => {
		for (const [name, number] of csrNumber) {
			const md = csrMarkdown(name)!;
			expect(md).toContain(`CSR 0x${number.toString(16).padStart(3, '0')}`);
			expect(md).toMatch(/read-only|read\/write/);
		}
	});

	it('tabulates the fields of a decoded CSR, with values when given one', () => {
		const plain = csrMarkdown('satp')!;
		expect(plain).toContain('| field | bits | what it is |');
		expect(plain).toContain('| ASID | 30:22 | address-space identifier |');
		const live = csrMarkdown('satp', 0x80000000 + 0x80042)!;
		expect(live).toContain('| MODE | 31 | 1 | Sv32: translation scheme |');
		expect(live).toContain('| PPN | 21:0 | 524354 | root table at 0x80042000:');
	});

	it('shows no table for a CSR without fields, and warns about CSRs the machine lacks', () => {
		expect(csrMarkdown('mscratch')).not.toContain('|');
		expect(csrMarkdown('fcsr')).toContain('Not implemented by this machine');
		expect(csrMarkdown('nosuch')).toBeUndefined();
	});
});
