/**
 * memoryView, the memory view's bytes: against the paging example (run to its end, its tables
 * still in place), what it shows at a virtual address is what sits at the physical address the
 * program mapped there; a faulting page and memory with no RAM show as null; and reading never
 * changes the machine, even over the UART's registers.
 */
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '$lib/emulator/asm/index.ts';
import { Machine } from '$lib/emulator/machine/machine.ts';
import { MEMORY_VIEW_MAX_LENGTH, memoryView } from '$lib/emulator/session/memory-view.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';

const RAM_BASE = 0x80000000;
const RAM_SIZE = 4 << 20;
/** Small enough to compare whole snapshots quickly. */
const SMALL_RAM = 64 << 10;
const VA = 0x40000000;
const UART = 0x10000000;

/** An example assembled and, unless `run` is false, run to the finisher. */
function machineAfter(file: string, run = true, ramSize = RAM_SIZE) {
	const { image } = assemble(EXAMPLE_SOURCES[file], { file });
	const m = new Machine({ ramSize });
	expect(m.loadImage(image!)).toEqual({ ok: true });
	if (run) expect(m.run({ maxInsns: 1_000_000 })).toMatchObject({ kind: 'halted', exitCode: 0 });
	return { m, symbol: (name: string) => symbolValue(image!, name)! };
}

function view(m: Machine, request: Parameters<typeof memoryView>[1]) {
	const r = memoryView(m, request);
	if (!r.ok) throw new Error(r.error);
	return r.view;
}

const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

describe('memoryView', () => {
	it('reads physical RAM as it is', () => {
		const { m, symbol } = machineAfter('paging.s');
		const data = symbol('data_page');
		expect(view(m, { address: data, length: 4, space: 'physical' })).toEqual({
			address: data,
			space: 'physical',
			bytes: le32(0x600dcafe) // stored by the program before paging was on
		});
	});

	it('translates a virtual address through the program’s tables and shows the walk', () => {
		const { m, symbol } = machineAfter('paging.s');
		const [root, l0, data] = ['root', 'l0', 'data_page'].map(symbol);
		const v = view(m, { address: VA, length: 4, space: 'virtual' });
		expect(v.bytes).toEqual(le32(0x600dcafe));
		expect(v.translation).toMatchObject({ ok: true, pa: data, stages: ['S'] });
		expect(v.translation!.steps.map((s) => [s.level, s.pteAddr])).toEqual([
			[1, root + 0x100 * 4],
			[0, l0]
		]);
	});

	it('goes page by page: a mapped page then an unmapped one, whose bytes are null', () => {
		const { m, symbol } = machineAfter('paging.s');
		const spare = symbol('spare_page'); // the fault handler mapped VA + 0x1000 to it
		const v = view(m, { address: VA + 0x1ffc, length: 8, space: 'virtual' });
		const expected = [...m.readMemory(spare + 0xffc, 4)!];
		expect(v.bytes).toEqual([...expected, null, null, null, null]);
		expect(v.translation).toMatchObject({ ok: true, pa: spare + 0xffc }); // the first page's
	});

	it('reports the fault of a first page that is not mapped, for the access asked about', () => {
		const { m } = machineAfter('paging.s');
		const load = view(m, { address: VA + 0x2000, length: 4, space: 'virtual' });
		expect(load.bytes).toEqual([null, null, null, null]);
		expect(load.translation).toMatchObject({ ok: false, cause: 13, causeName: 'loadPageFault' });
		const store = view(m, { address: VA + 0x2000, length: 1, space: 'virtual', access: 'store' });
		expect(store.translation).toMatchObject({ ok: false, cause: 15 });
	});

	it('with satp Bare, a virtual address is the physical one', () => {
		const { m } = machineAfter('hello.s', false);
		const v = view(m, { address: RAM_BASE, length: 16, space: 'virtual' });
		expect(v.translation).toMatchObject({ ok: true, pa: RAM_BASE, stages: [], steps: [] });
		expect(v.bytes).toEqual(view(m, { address: RAM_BASE, length: 16, space: 'physical' }).bytes);
	});

	it('shows null where RAM ends and for device registers, and never changes the machine', () => {
		const { m } = machineAfter('hello.s', false, SMALL_RAM);
		m.uartInput([0x78]); // a byte waiting in the receiver: reading RBR would take it
		const before = m.snapshot();
		const end = view(m, { address: RAM_BASE + SMALL_RAM - 2, length: 4, space: 'physical' });
		expect(end.bytes.slice(2)).toEqual([null, null]);
		expect(end.bytes.slice(0, 2).every((b) => typeof b === 'number')).toBe(true);
		const uart = view(m, { address: UART, length: 8, space: 'physical' });
		expect(uart.bytes).toEqual(new Array(8).fill(null));
		view(m, { address: UART, length: 8, space: 'virtual' });
		expect(m.snapshot()).toEqual(before);
	});

	it('does not set the A bit or fill the TLB when it walks', () => {
		const { m, symbol } = machineAfter('paging.s');
		const l0 = symbol('l0');
		m.writeWord(l0 + 8, ((symbol('spare_page') >>> 12) << 10) | 0x7); // V R W, A clear
		m.flushTlb();
		const lookups = m.stats().tlbLookups;
		expect(view(m, { address: VA + 0x2000, length: 4, space: 'virtual' }).translation?.ok).toBe(
			true
		);
		expect(m.readWord(l0 + 8)! & 0x40).toBe(0);
		expect(m.stats().tlbLookups).toBe(lookups);
		expect(m.hart.tlb.vpn.every((vpn) => vpn === -1)).toBe(true);
	});

	it(`cuts a request to ${MEMORY_VIEW_MAX_LENGTH} bytes and refuses a bad address`, () => {
		const { m } = machineAfter('hello.s', false);
		const long = view(m, { address: RAM_BASE, length: 1 << 20, space: 'physical' });
		expect(long.bytes).toHaveLength(MEMORY_VIEW_MAX_LENGTH);
		expect(view(m, { address: 0xfffffffe, length: 8, space: 'virtual' }).bytes).toHaveLength(2);
		expect(memoryView(m, { address: -1, length: 4, space: 'physical' })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/address/)
		});
		expect(memoryView(m, { address: 2 ** 32, length: 4, space: 'virtual' }).ok).toBe(false);
		expect(memoryView(m, { address: 0, length: 1.5, space: 'physical' }).ok).toBe(false);
	});
});
