/**
 * numberedWalk against the machine's own trace: at every TLB miss of the playground's paging
 * examples (V = 0 and V = 1), the numbered references it shows, computed from the machine's state
 * at the miss, are the `walk` events translate.ts then emits, in order, and its outcome is what
 * the access then does (the trap it raises, or none). Each reference sits in the model's grid.
 */
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '$lib/emulator/asm/index.ts';
import { Machine } from '$lib/emulator/machine/machine.ts';
import type { TraceEvent } from '$lib/emulator/machine/types.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';
import {
	numberedWalk,
	sv32Fields,
	sv32x4Fields,
	tracedReads,
	type NumberedWalk,
	type TracedRead
} from '$lib/emulator/mmu/numbered-walk.ts';
import { twoDimensionalWalk } from '$lib/emulator/mmu/two-dimensional-walk.ts';

interface Miss {
	walk: NumberedWalk;
	/** The hart's walk events after the miss. */
	trace: TracedRead[];
	/** The trap the access raised, if it did. */
	trapCause?: number;
}

/**
 * Runs an example to its end; at each TLB miss, the numbered walk and what the hart then did.
 * `change`, if given, changes the machine when pc first reaches the label `at`.
 */
function missesOf(
	file: string,
	change?: { at: string; then: (m: Machine, symbol: (name: string) => number) => void }
) {
	const { image } = assemble(EXAMPLE_SOURCES[file], { file });
	const misses: Miss[] = [];
	let open: Miss | undefined;
	const m: Machine = new Machine({
		ramSize: 4 << 20,
		trace: {
			mmu: true,
			traps: true,
			sink: (e: TraceEvent) => {
				if (e.kind === 'tlbMiss') {
					open = { walk: numberedWalk(m, e.va, e.access), trace: [] };
					misses.push(open);
				} else if (e.kind === 'walk') {
					const { stage, level, pteAddr, pte } = e;
					open?.trace.push({ stage, level, pteAddr, pte });
				} else {
					if (open) open.trapCause = e.trap.cause;
					open = undefined;
				}
			}
		}
	});
	m.loadImage(image!);
	const symbol = (name: string) => symbolValue(image!, name)!;
	if (change) {
		m.setBreakpoint(symbol(change.at));
		expect(m.run({ maxInsns: 1_000_000 }).kind).toBe('breakpoint');
		change.then(m, symbol);
	}
	expect(m.run({ maxInsns: 1_000_000 }).kind).toBe('halted');
	return { misses, symbol };
}

/** The walk's cells are the model's, in the model's order (a subsequence: megapages skip some). */
function inModelOrder(walk: NumberedWalk) {
	const model = twoDimensionalWalk(walk.guestLevels, walk.hostLevels).references.map(
		(r) => `${r.row},${r.column}`
	);
	let at = 0;
	for (const r of walk.references.filter((r) => r.purpose !== 'vs-pte-write')) {
		const found = model.indexOf(`${r.row},${r.column}`, at);
		expect(found, `reference ${r.number} at ${r.row},${r.column}`).toBeGreaterThanOrEqual(at);
		at = found + 1;
	}
}

function agreeWithTrace(misses: Miss[]) {
	expect(misses.length).toBeGreaterThan(3);
	for (const { walk, trace, trapCause } of misses) {
		expect(tracedReads(walk)).toEqual(trace);
		inModelOrder(walk);
		// A walk that faults is the trap the access raised; one that works may still trap later
		// (a fetched ecall, say), but not with a translation fault of its own.
		if (!walk.outcome.ok) expect(trapCause).toBe(walk.outcome.cause);
	}
}

describe('numberedWalk equals the machine’s walk trace', () => {
	it('at V = 0 on paging.s: every miss, including the store that faults at an invalid level-0 PTE', () => {
		const { misses, symbol } = missesOf('paging.s');
		agreeWithTrace(misses);
		const store = misses.filter((x) => x.walk.va === 0x40001000 && x.walk.access === 'store');
		expect(store.length).toBe(2); // the fault, then the store again after the handler mapped it
		const [fault, retry] = store.map((x) => x.walk);
		expect(fault.outcome).toMatchObject({ ok: false, cause: 15, causeName: 'storePageFault' });
		expect(fault.references.map((r) => [r.number, r.stage, r.level, r.pte?.kind])).toEqual([
			[1, 'S', 1, 'pointer'],
			[2, 'S', 0, 'invalid']
		]);
		expect(retry.outcome).toMatchObject({ ok: true, pa: symbol('spare_page') });
		expect(retry.references.map((r) => [r.kind, r.row, r.column, r.address])).toEqual([
			['guest', 0, 0, symbol('root') + 0x100 * 4],
			['guest', 1, 0, symbol('l0') + 4],
			['data', 2, 0, symbol('spare_page')]
		]);
		// Each table is indexed by its field of the virtual address.
		expect(retry.references.map((r) => [r.indexedBy.field.name, r.indexedBy.field.value])).toEqual([
			['VPN[1]', 0x100],
			['VPN[0]', 1],
			['offset', 0]
		]);
		expect(retry.references[1].pte!.flags).toMatchObject({ V: true, R: true, W: true, U: false });
	});

	it('at V = 1 on two-stage.s: the guest-page fault at the G-stage, then the two-dimensional walk', () => {
		const { misses, symbol } = missesOf('two-stage.s');
		agreeWithTrace(misses);
		expect(misses.some((x) => x.walk.virt)).toBe(true);
		const load = misses.filter((x) => x.walk.va === 0x40000000 && x.walk.access === 'load');
		expect(load.length).toBe(2);
		const [fault, retry] = load.map((x) => x.walk);
		expect(fault.outcome).toMatchObject({ ok: false, cause: 21, gpa: 0x00400000 });
		expect(fault.references.at(-1)).toMatchObject({ stage: 'G', level: 0, purpose: 'data' });
		expect(fault.references.at(-1)!.pte!.kind).toBe('invalid');
		const [groot, gl0, vroot, vl0] = ['groot', 'gl0', 'vroot', 'vl0'].map(symbol);
		expect(retry).toMatchObject({ guestLevels: 2, hostLevels: 2, virt: true });
		expect(retry.outcome).toMatchObject({ ok: true, gpa: 0x00400000, pa: symbol('guest_page') });
		// The G-stage maps the guest's tables with a megapage: one host reference per guest PTE.
		expect(
			retry.references.map((r) => [r.number, r.stage, r.level, r.row, r.column, r.address])
		).toEqual([
			[1, 'G', 1, 0, 0, groot + 0x200 * 4],
			[2, 'VS', 1, 0, 2, vroot + 0x100 * 4],
			[3, 'G', 1, 1, 0, groot + 0x200 * 4],
			[4, 'VS', 0, 1, 2, vl0],
			[5, 'G', 1, 2, 0, groot + 1 * 4],
			[6, 'G', 0, 2, 1, gl0],
			[7, null, null, 2, 2, symbol('guest_page')]
		]);
		// G-stage tables are indexed by the guest physical address they translate (Sv32x4).
		expect(retry.references[0].indexedBy).toEqual({
			address: 'gpa',
			value: vroot + 0x100 * 4, // the VS-stage root PTE's guest physical address
			field: sv32x4Fields(vroot)[0]
		});
		expect(retry.references[4].indexedBy.field).toEqual({
			name: 'VPN[1]',
			high: 33,
			low: 22,
			value: 1
		});
	});
});

describe('numberedWalk at V = 1 when the VS-stage leaf’s A bit must be set', () => {
	it('shows the G-stage walk of the leaf’s address again, in the leaf’s row, as the hart makes it', () => {
		const { misses, symbol } = missesOf('two-stage.s', {
			at: 'guest_main',
			// Clear A in the leaf of GVA 0x40000000: the hart must write it back (§4.3.2 step 7).
			then: (m, symbol) => m.writeWord(symbol('vl0'), m.readWord(symbol('vl0'))! & ~0x40)
		});
		agreeWithTrace(misses);
		const [first] = misses.filter((x) => x.walk.va === 0x40000000).map((x) => x.walk);
		const again = first.references.filter((r) => r.purpose === 'vs-pte-write');
		// The leaf is guest level 0 (row 1); the G-stage maps the guest's tables with a megapage.
		expect(again.map((r) => [r.stage, r.level, r.row, r.column, r.gpa])).toEqual([
			['G', 1, 1, 0, symbol('vl0')]
		]);
		expect(first.references.indexOf(again[0])).toBe(4); // right after the leaf's read
	});
});

describe('address fields', () => {
	it('split Sv32 virtual and Sv32x4 guest physical addresses', () => {
		expect(sv32Fields(0xdeadbeef).map((f) => f.value)).toEqual([0x37a, 0x2db, 0xeef]);
		expect(sv32x4Fields(0x3_c000_1234).map((f) => [f.name, f.value])).toEqual([
			['VPN[1]', 0xf00],
			['VPN[0]', 1],
			['offset', 0x234]
		]);
	});
});
