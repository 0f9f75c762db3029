/** The disassembly rows: hex address and word, label, file:line, pc and breakpoints carried over. */
import { describe, expect, it } from 'vitest';
import { disassemblyRows } from '../../../../../src/lib/widgets/machine/views/disassembly.ts';

describe('disassemblyRows', () => {
	it('formats each line and keeps pc and breakpoints', () => {
		const rows = disassemblyRows([
			{
				address: 0x80000000,
				word: 0x00000513,
				text: 'addi a0, zero, 0',
				place: { file: 'main.s', line: 3 },
				label: '_start',
				isPc: true,
				breakpoint: false
			},
			{ address: 0x80000004, word: 0x0000006f, text: 'j 0x80000004', isPc: false, breakpoint: true }
		]);
		expect(rows[0]).toEqual({
			address: 0x80000000,
			addressHex: '0x80000000',
			wordHex: '0x00000513',
			text: 'addi a0, zero, 0',
			label: '_start',
			place: 'main.s:3',
			isPc: true,
			breakpoint: false
		});
		expect(rows[1]).not.toHaveProperty('label');
		expect(rows[1]).not.toHaveProperty('place');
		expect(rows[1]).toMatchObject({ isPc: false, breakpoint: true, wordHex: '0x0000006f' });
	});
});
