import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

function words(source: string): number[] {
	const { image, diagnostics } = assemble(source, { base: 0x80000000 });
	expect(diagnostics).toEqual([]);
	const bytes = image!.sections[0].bytes;
	const v = new DataView(bytes.buffer);
	return Array.from({ length: bytes.length / 4 }, (_, i) => v.getUint32(4 * i, true));
}

describe('resolving fixups', () => {
	it('rounds %hi up when %lo is negative, so that hi + lo gives the value back', () => {
		// 0x12345fff: hi = 0x12346, lo = -1
		expect(words('lui a0, %hi(0x12345fff)\naddi a0, a0, %lo(0x12345fff)')).toEqual([
			0x12346537, 0xfff50513
		]);
	});

	it('pairs %pcrel_lo(label) with the %pcrel_hi of the auipc at label', () => {
		// auipc at 0x80000000, target 0x80000010: hi = 0, lo = 16
		expect(
			words('1: auipc a0, %pcrel_hi(t)\naddi a0, a0, %pcrel_lo(1b)\nnop\nnop\nt: nop')
		).toEqual([0x00000517, 0x01050513, 0x13, 0x13, 0x13]);
		const r = assemble('x: nop\naddi a0, a0, %pcrel_lo(x)');
		expect(r.diagnostics[0].message).toBe(
			'%pcrel_lo needs the label of an auipc with %pcrel_hi; none at 0x80000000'
		);
	});

	it('resolves CSR numbers and data words given as expressions', () => {
		expect(words('.equ MY_CSR, 0x7c0\ncsrr a0, MY_CSR + 1')).toEqual([0x7c102573]);
		expect(words('x: .word x + 8')).toEqual([0x80000008]);
	});

	it('checks ranges after resolution', () => {
		expect(assemble('csrr a0, 0x1000').diagnostics[0].message).toBe(
			'CSR number 4096 out of range 0..4095'
		);
		expect(assemble('lui a0, 0x100000').diagnostics[0].message).toMatch(
			/^immediate 1048576 out of range 0\.\.1048575/
		);
	});
});
