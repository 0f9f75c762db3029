/**
 * tlbView, the TLB view's rows: after the paging example (Sv32) and the two-stage example (VS-stage
 * and G-stage), the entries the hart cached are shown with the pages and flags the programs' own
 * PTEs give them, and every entry agrees with a fresh walk of the same tables (the programs fence
 * after each PTE change, so nothing stale is left).
 */
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '$lib/emulator/asm/index.ts';
import { Machine } from '$lib/emulator/machine/machine.ts';
import { translateForView } from '$lib/emulator/mmu/view-translation.ts';
import { tlbView } from '$lib/emulator/session/tlb-view.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';

const VA = 0x40000000;

function machineAfter(file: string) {
	const { image } = assemble(EXAMPLE_SOURCES[file], { file });
	const m = new Machine({ ramSize: 4 << 20 });
	expect(m.loadImage(image!)).toEqual({ ok: true });
	expect(m.run({ maxInsns: 1_000_000 })).toMatchObject({ kind: 'halted', exitCode: 0 });
	return { m, symbol: (name: string) => symbolValue(image!, name)! };
}

describe('tlbView', () => {
	it('is empty for a program that never turned paging on', () => {
		expect(tlbView(machineAfter('hello.s').m)).toEqual([]);
	});

	it('shows the Sv32 entries of the paging example with their pages and flags', () => {
		const { m, symbol } = machineAfter('paging.s');
		const entries = tlbView(m);
		const spare = symbol('spare_page');
		// The page the fault handler mapped, after its SFENCE.VMA and the store's retry, in the
		// entry its page number hashes to.
		expect(entries.find((e) => e.virtualPage === VA + 0x1000)).toEqual({
			index: m.hart.tlb.index((VA >>> 12) + 1),
			vpn: (VA >>> 12) + 1,
			virtualPage: VA + 0x1000,
			virt: false,
			firstStage: true,
			asid: 0,
			vmid: 0,
			global: false,
			// PTE_V | PTE_R | PTE_W | PTE_A | PTE_D, as the handler wrote it
			stage1: { R: true, W: true, X: false, U: false, G: false, A: true, D: true },
			stage2: 'bare',
			ppn: spare >>> 12,
			physicalPage: spare
		});
		// The UART's megapage (not executable) and the code's (executable), both mapped to
		// themselves and cached page by page.
		const uart = entries.find((e) => e.virtualPage === 0x10000000)!;
		expect(uart).toMatchObject({
			index: m.hart.tlb.index(0x10000),
			physicalPage: 0x10000000,
			stage1: { X: false }
		});
		const code = entries.find((e) => e.virtualPage >= 0x80000000)!;
		expect(code.physicalPage).toBe(code.virtualPage);
		expect(code.stage1).toMatchObject({ R: true, X: true });
	});

	it('agrees, entry by entry, with a fresh walk of the page tables (S-mode, V = 0)', () => {
		const { m } = machineAfter('paging.s');
		const entries = tlbView(m);
		expect(entries.length).toBeGreaterThanOrEqual(3);
		for (const e of entries) {
			const walk = translateForView(m, e.virtualPage, 'load', { priv: 1, virt: false });
			expect(walk, `0x${e.virtualPage.toString(16)}`).toMatchObject({
				ok: true,
				pa: e.physicalPage
			});
		}
	});

	it('shows both stages of the two-stage example, with the guest physical page between them', () => {
		const { m } = machineAfter('two-stage.s');
		const guest = tlbView(m).filter((e) => e.virt);
		expect(guest.length).toBeGreaterThan(0);
		for (const e of guest) {
			expect(e.stage2).not.toBe('bare');
			expect(e.stage2).toMatchObject({ U: true }); // G-stage leaves must have U (§9.5.1)
			const walk = translateForView(m, e.virtualPage, 'load', { priv: 1, virt: true });
			expect(walk).toMatchObject({ ok: true, pa: e.physicalPage, gpa: e.guestPhysicalPage });
		}
	});

	it('drops what SFENCE drops', () => {
		const { m } = machineAfter('paging.s');
		m.flushTlb();
		expect(tlbView(m)).toEqual([]);
	});
});
