/**
 * The page walk as the memory view lists it, on the playground's paging example after it has run
 * (its fault handler mapped 0x40001000): the two Sv32 steps, then the address or the fault.
 */
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '../../../../../src/lib/emulator/asm/index.ts';
import { Machine } from '../../../../../src/lib/emulator/machine/machine.ts';
import { translateForView } from '../../../../../src/lib/emulator/mmu/view-translation.ts';
import { EXAMPLE_SOURCES } from '../../../../../src/lib/widgets/machine/examples/sources.generated.ts';
import { hex } from '../../../../../src/lib/widgets/machine/views/format.ts';
import { flagLetters, walkView } from '../../../../../src/lib/widgets/machine/views/walk.ts';

function pagingMachine() {
	const { image } = assemble(EXAMPLE_SOURCES['paging.s'], { file: 'paging.s' });
	const m = new Machine({ ramSize: 4 << 20 });
	m.loadImage(image!);
	expect(m.run({ maxInsns: 1_000_000 }).kind).toBe('halted');
	return { m, symbol: (name: string) => symbolValue(image!, name)! };
}

describe('walkView', () => {
	const { m, symbol } = pagingMachine();

	it('lists each PTE read, then the physical address', () => {
		const walk = walkView('en', translateForView(m, 0x40001008, 'store', { priv: 1, virt: false }));
		expect(walk.stages).toEqual(['S']);
		expect(walk.lines.map((l) => [l.stage, l.level, l.pteAddrHex, l.kind, l.nextHex])).toEqual([
			['S', 1, hex(symbol('root') + 0x100 * 4), 'pointer', hex(symbol('l0'))],
			['S', 0, hex(symbol('l0') + 4), 'leaf', hex(symbol('spare_page'))]
		]);
		expect(walk.lines[1].flags.slice(0, 5)).toBe('VRW--');
		expect(walk.lines[0]).not.toHaveProperty('ptePaHex'); // at V = 0 a PTE's address is physical
		expect(walk.result).toEqual({ ok: true, paHex: hex(symbol('spare_page') + 8), pageSize: 4096 });
	});

	it('names the fault a U-mode access would take', () => {
		const walk = walkView('en', translateForView(m, 0x40001008, 'load', { priv: 0, virt: false }));
		expect(walk.result).toEqual({ ok: false, cause: 13, causeName: 'load page fault' });
	});

	it('names the fault in Chinese on a Chinese page', () => {
		const walk = walkView('zh', translateForView(m, 0x40001008, 'load', { priv: 0, virt: false }));
		expect(walk.result).toEqual({ ok: false, cause: 13, causeName: '加载页错误' });
	});

	it('has no steps where addresses are physical', () => {
		const walk = walkView(
			'en',
			translateForView(new Machine({ ramSize: 64 * 1024 }), 0x80000010, 'load')
		);
		expect(walk).toEqual({ stages: [], lines: [], result: { ok: true, paHex: '0x80000010' } });
	});
});

describe('flagLetters', () => {
	it('writes the flags V to D in bit order, a dash for each clear bit', () => {
		const all = { V: true, R: true, W: true, X: true, U: true, G: true, A: true, D: true };
		expect(flagLetters(all)).toBe('VRWXUGAD');
		expect(flagLetters({ ...all, X: false, U: false, G: false, D: false })).toBe('VRW---A-');
	});
});
