/**
 * The page walk as `mem ADDR virtual` prints it, on the playground's examples after they have run:
 * paging.s (Sv32, its fault handler mapped 0x40001000) and two-stage.s (a guest at V = 1).
 */
import { describe, expect, it } from 'vitest';
import { walkLines } from '../../../../src/cli/commands/debug-walk.ts';
import { assemble, symbolValue } from '../../../../src/lib/emulator/asm/index.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { translateForView } from '../../../../src/lib/emulator/mmu/view-translation.ts';
import { EXAMPLE_SOURCES } from '../../../../src/lib/widgets/machine/examples/sources.generated.ts';
import { hex } from '../../../../src/lib/widgets/machine/views/format.ts';

function ranExample(file: string) {
	const { image } = assemble(EXAMPLE_SOURCES[file], { file });
	const m = new Machine({ ramSize: 4 << 20 });
	m.loadImage(image!);
	expect(m.run({ maxInsns: 1_000_000 }).kind).toBe('halted');
	return { m, symbol: (name: string) => symbolValue(image!, name)! };
}

describe('walkLines', () => {
	const paging = ranExample('paging.s');
	const S = { priv: 1, virt: false };

	it('prints each PTE read with its raw value and flags, then the physical address', () => {
		const { m, symbol } = paging;
		const lines = walkLines(translateForView(m, 0x40001008, 'store', S));
		expect(lines[0]).toBe('page walk of 0x40001008 for a store in HS-mode:');
		expect(lines[1]).toBe('  stages: S');
		expect(lines[2]).toBe(`  1. S-stage level 1: PTE at ${hex(symbol('root') + 0x100 * 4)}`);
		expect(lines[3]).toMatch(
			new RegExp(
				`^ {5}PTE 0x[0-9a-f]{8} {2}flags V------- {2}points to the next table at ${hex(symbol('l0'))}$`
			)
		);
		expect(lines[4]).toBe(`  2. S-stage level 0: PTE at ${hex(symbol('l0') + 4)}`);
		expect(lines[5]).toMatch(/flags VRW---AD {2}leaf: the page is at /);
		expect(lines[6]).toBe(`  result: physical address ${hex(symbol('spare_page') + 8)}`);
	});

	it('names the exception when the walk fails, and the megapage when the leaf is one', () => {
		const { m } = paging;
		const fault = walkLines(translateForView(m, 0x40002000, 'load', S));
		expect(fault).toContain('     PTE 0x00000000  flags --------  invalid: the walk stops here');
		expect(fault.at(-1)).toBe('  result: exception 13, load page fault');
		const user = walkLines(translateForView(m, 0x40001000, 'load', { priv: 0, virt: false }));
		expect(user[0]).toMatch(/for a load in U-mode/);
		expect(user.at(-1)).toBe('  result: exception 13, load page fault'); // not a U page
		const mega = walkLines(translateForView(m, 0x80000010, 'fetch', S));
		expect(mega.at(-1)).toBe('  result: physical address 0x80000010 (in a 4 MiB megapage)');
	});

	it('says so when no translation is on', () => {
		const bare = walkLines(translateForView(new Machine({ ramSize: 65536 }), 0x80000010, 'load'));
		expect(bare).toEqual([
			'page walk of 0x80000010 for a load in HS-mode:',
			'  no translation is on (Bare): the address is physical as it is',
			'  result: physical address 0x80000010'
		]);
	});

	it('at V = 1 interleaves the G-stage, saying which guest physical address it translates', () => {
		const { m, symbol } = ranExample('two-stage.s');
		const lines = walkLines(translateForView(m, 0x40000000, 'load', { priv: 1, virt: true }));
		expect(lines[0]).toBe('page walk of 0x40000000 for a load in VS-mode:');
		expect(lines[1]).toBe('  stages: VS + G');
		expect(lines[2]).toMatch(
			/^ {2}1\. G-stage level 1: PTE at 0x[0-9a-f]{8}, translating guest physical 0x[0-9a-f]{8}: a VS-stage PTE's address$/
		);
		expect(lines[4]).toMatch(/^ {2}2\. VS-stage level 1: PTE at 0x[0-9a-f]{8}$/);
		expect(lines[10]).toMatch(
			/^ {2}5\. G-stage level 1: PTE at 0x[0-9a-f]{8}, translating guest physical 0x00400000: the access's own address$/
		);
		expect(lines.at(-1)).toBe(
			`  result: guest physical address 0x00400000, physical address ${hex(symbol('guest_page'))}`
		);
	});
});
