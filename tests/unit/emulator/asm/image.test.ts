import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

describe('the image', () => {
	it('leaves empty sections and internal local-label names out', () => {
		const { image } = assemble('1: nop\nj 1b');
		expect(image!.sections.map((s) => s.name)).toEqual(['.text']);
		expect(image!.symbols).toEqual([]);
	});

	it('maps lines a macro produced to the line that called it', () => {
		const { image } = assemble('.macro twice\nnop\nnop\n.endm\n\ntwice', { file: 'm.s' });
		expect(image!.sourceMap).toEqual([
			{ address: 0x80000000, size: 4, file: 'm.s', line: 6 },
			{ address: 0x80000004, size: 4, file: 'm.s', line: 6 }
		]);
	});

	it('gives constants defined in terms of labels their final value', () => {
		const { image } = assemble('nop\nhere: nop\n.equ AFTER, here + 4');
		expect(image!.symbols.find((s) => s.name === 'AFTER')!.value).toBe(0x80000008);
	});
});
