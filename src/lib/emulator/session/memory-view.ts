/**
 * What the playground's memory view shows: a run of bytes at a physical or a virtual address, read
 * without changing the machine.
 *
 * - Only RAM is read (Machine.readMemory, which copies bytes). Device registers are not: some
 *   change state when read (reading the UART's RBR takes a byte from its receive FIFO), and the
 *   view must never disturb the program it shows. Their bytes, and those of addresses where
 *   nothing answers, are null.
 * - A virtual address is translated page by page with translateForView (mmu/view-translation.ts),
 *   as the hart would in its current mode (M-mode shown as S-mode): no A/D bit is set and no TLB
 *   entry filled. The bytes of a page whose translation faults are null. The answer carries the
 *   walk of the first byte's page, for the view to draw.
 */
import type { Machine } from '../machine/machine.ts';
import { translateForView, type Access, type ViewTranslation } from '../mmu/view-translation.ts';

/** At most this many bytes per request: 64 rows of 16, more than a view shows at once. */
export const MEMORY_VIEW_MAX_LENGTH = 1024;

/** Physical addresses go up to 34 bits (Sv32's PPN is 22 bits, §4.3.1); virtual ones to 32. */
const PHYSICAL_LIMIT = 2 ** 34;
const VIRTUAL_LIMIT = 2 ** 32;
const PAGE = 4096;

export interface MemoryRequest {
	/** The first byte's address (unsigned). */
	address: number;
	/** Bytes wanted; more than MEMORY_VIEW_MAX_LENGTH are cut to it. */
	length: number;
	space: 'physical' | 'virtual';
	/** For `virtual`: the access whose permissions the translation checks (default `load`). */
	access?: Access;
}

export interface MemoryView {
	address: number;
	space: 'physical' | 'virtual';
	/** One entry per byte asked for: its value, or null where no RAM answers or translation faults. */
	bytes: (number | null)[];
	/** For `virtual`: the page walk of the first byte's page. */
	translation?: ViewTranslation;
}

export type MemoryViewResult = { ok: true; view: MemoryView } | { ok: false; error: string };

export function memoryView(machine: Machine, request: MemoryRequest): MemoryViewResult {
	const { address, space } = request;
	const limit = space === 'virtual' ? VIRTUAL_LIMIT : PHYSICAL_LIMIT;
	if (space !== 'physical' && space !== 'virtual')
		return { ok: false, error: `memory space must be 'physical' or 'virtual'` };
	if (!(Number.isSafeInteger(address) && address >= 0 && address < limit))
		return {
			ok: false,
			error: `address must be a whole number from 0 to 0x${(limit - 1).toString(16)}`
		};
	if (!(Number.isSafeInteger(request.length) && request.length >= 0))
		return { ok: false, error: 'length must be a whole number of bytes' };
	const length = Math.min(request.length, MEMORY_VIEW_MAX_LENGTH, limit - address);
	const bytes: (number | null)[] = [];
	let translation: ViewTranslation | undefined;
	// One page at a time: a page is where a translation, and RAM's end, can change.
	for (let at = address; at < address + length;) {
		const pageEnd = Math.min((Math.floor(at / PAGE) + 1) * PAGE, address + length);
		const count = pageEnd - at;
		let pa: number | undefined = at;
		if (space === 'virtual') {
			const t = translateForView(machine, at, request.access ?? 'load');
			translation ??= t;
			pa = t.ok ? t.pa : undefined;
		}
		bytes.push(...readRam(machine, pa, count));
		at = pageEnd;
	}
	return {
		ok: true,
		view: { address, space, bytes, ...(translation ? { translation } : {}) }
	};
}

/** `count` bytes of RAM from `pa`, null where there is none (RAM may end inside the run). */
function readRam(machine: Machine, pa: number | undefined, count: number): (number | null)[] {
	if (pa === undefined) return new Array<null>(count).fill(null);
	const all = machine.readMemory(pa, count);
	if (all) return [...all];
	return Array.from({ length: count }, (_, i) => machine.readMemory(pa + i, 1)?.[0] ?? null);
}
