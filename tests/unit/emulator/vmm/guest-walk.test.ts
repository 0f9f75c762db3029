/**
 * The monitor's software walk of the guest's Sv32 tables (guest-walk.ts), against the Privileged
 * spec §4.3.2 (the translation algorithm) and §4.3.1 (PTE format). The tables live in guest RAM of
 * a monitored machine, where guest physical 0x8000_0000 is host physical 0x8080_0000, so a walk
 * that confused the two would read the wrong words.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import {
	MONITOR_SIZE,
	gpaToHpa,
	guestMemory
} from '../../../../src/lib/emulator/vmm/guest-memory.ts';
import { pagingOn, walkGuest } from '../../../../src/lib/emulator/vmm/guest-walk.ts';

const V = 1,
	R = 2,
	W = 4,
	X = 8,
	U = 16,
	A = 64,
	D = 128;
const GUEST_RAM = 8 << 20;
const ROOT = 0x80001000;
const L0 = 0x80002000;
const SATP = ((1 << 31) | (ROOT >>> 12)) >>> 0;

function setup() {
	const machine = new Machine({ ramSize: GUEST_RAM + MONITOR_SIZE });
	const mem = guestMemory(GUEST_RAM, true);
	const put = (gpa: number, v: number) =>
		expect(machine.writeWord(gpaToHpa(mem, gpa), v >>> 0)).toBe(true);
	const pte = (pa: number, flags: number) => (((pa >>> 12) << 10) | flags) >>> 0;
	return {
		machine,
		mem,
		put,
		pte,
		walk: (va: number, satp = SATP) => walkGuest(machine, mem, satp, va)
	};
}

describe('guestMemory and gpaToHpa', () => {
	it('puts guest RAM after the monitor’s 8 MiB under a monitor, and at RAM_BASE natively', () => {
		expect(guestMemory(GUEST_RAM, true)).toEqual({ ramSize: GUEST_RAM, hpaBase: 0x80800000 });
		expect(guestMemory(GUEST_RAM, false)).toEqual({ ramSize: GUEST_RAM, hpaBase: 0x80000000 });
		const mem = guestMemory(GUEST_RAM, true);
		expect(gpaToHpa(mem, 0x80000000)).toBe(0x80800000);
		expect(gpaToHpa(mem, 0x80000000 + GUEST_RAM - 1)).toBe(0x80800000 + GUEST_RAM - 1);
		expect(gpaToHpa(mem, 0x80000000 + GUEST_RAM)).toBe(-1);
		expect(gpaToHpa(mem, 0x7fffffff)).toBe(-1);
		expect(gpaToHpa(mem, 0x10000000)).toBe(-1);
	});
});

describe('walkGuest (Sv32, §4.3.2)', () => {
	it('pagingOn reads satp.MODE (bit 31)', () => {
		expect(pagingOn(SATP)).toBe(true);
		expect(pagingOn(ROOT >>> 12)).toBe(false);
		expect(pagingOn(0)).toBe(false);
	});

	it('translates a 4 KiB page through two levels, reporting both PTE reads in order', () => {
		const { put, pte, walk } = setup();
		const va = 0x00401abc; // VPN[1] = 1, VPN[0] = 1
		put(ROOT + 1 * 4, pte(L0, V));
		put(L0 + 1 * 4, pte(0x80123000, V | R | W | U));
		const w = walk(va);
		expect(w).toEqual({
			ok: true,
			leaf: { gpa: 0x80123abc, pte: pte(0x80123000, V | R | W | U), pteGpa: L0 + 4, level: 0 },
			reads: [
				{ gpa: ROOT + 4, pte: pte(L0, V), level: 1 },
				{ gpa: L0 + 4, pte: pte(0x80123000, V | R | W | U), level: 0 }
			]
		});
	});

	it('translates a 4 MiB megapage with one read: pa = PPN[1] | VPN[0] | offset', () => {
		const { put, pte, walk } = setup();
		put(ROOT + 0x200 * 4, pte(0x80000000, V | R | W | X | A | D));
		const w = walk(0x80345678);
		expect(w.ok).toBe(true);
		if (!w.ok) return;
		expect(w.leaf).toMatchObject({ gpa: 0x80345678, level: 1, pteGpa: ROOT + 0x800 });
		expect(w.reads).toHaveLength(1);
		// A megapage may map a different 4 MiB region of guest physical memory than its VA.
		put(ROOT + 0x3 * 4, pte(0x80400000, V | R));
		const moved = walk(0x00c01234);
		expect(moved.ok && moved.leaf.gpa).toBe(0x80401234);
	});

	it('translates execute-only leaves (R = 0, X = 1) as leaves', () => {
		const { put, pte, walk } = setup();
		put(ROOT + 4, pte(L0, V));
		put(L0, pte(0x80005000, V | X));
		const w = walk(0x00400010);
		expect(w.ok && w.leaf.gpa).toBe(0x80005010);
	});

	it('refuses a misaligned megapage (PPN[0] ≠ 0)', () => {
		const { put, pte, walk } = setup();
		put(ROOT + 0x200 * 4, pte(0x80001000, V | R | W | X));
		const w = walk(0x80000000);
		expect(w.ok).toBe(false);
		expect(w.reads).toHaveLength(1);
	});

	it('refuses invalid PTEs at either level, after reading them', () => {
		const { put, pte, walk } = setup();
		expect(walk(0x00400000)).toMatchObject({
			ok: false,
			reads: [{ gpa: ROOT + 4, pte: 0, level: 1 }]
		});
		put(ROOT + 4, pte(L0, V));
		put(L0, pte(0x80005000, R | W)); // V clear, whatever else is set
		expect(walk(0x00400000)).toMatchObject({
			ok: false,
			reads: [{ level: 1 }, { gpa: L0, level: 0 }]
		});
	});

	it('refuses the reserved encodings W without R, at either level', () => {
		const { put, pte, walk } = setup();
		put(ROOT + 0x200 * 4, pte(0x80000000, V | W));
		expect(walk(0x80000000).ok).toBe(false);
		put(ROOT + 0x200 * 4, pte(0x80000000, V | W | X));
		expect(walk(0x80000000).ok).toBe(false);
		put(ROOT + 4, pte(L0, V));
		put(L0, pte(0x80005000, V | W | U));
		expect(walk(0x00400000).ok).toBe(false);
	});

	it('refuses a pointer at level 0 (no leaf left)', () => {
		const { put, pte, walk } = setup();
		put(ROOT + 4, pte(L0, V));
		put(L0, pte(0x80005000, V)); // R = W = X = 0 at level 0
		expect(walk(0x00400000).ok).toBe(false);
	});

	it('refuses tables outside guest RAM without reading host memory there', () => {
		const { put, pte, walk } = setup();
		// The monitor's own memory (host 0x8000_0000…) is not guest RAM: a guest root pointing at
		// guest physical 0x7ff0_0000 must not read it.
		const satp = ((1 << 31) | (0x7ff00000 >>> 12)) >>> 0;
		expect(walk(0x00400000, satp)).toMatchObject({ ok: false, reads: [] });
		put(ROOT + 4, pte(0x10000000, V)); // level-0 table at the UART
		const w = walk(0x00400000);
		expect(w.ok).toBe(false);
		expect(w.reads).toHaveLength(1);
	});

	it('uses guest physical addresses: the same tables at host addresses are not what it reads', () => {
		const { machine, mem, put, pte, walk } = setup();
		put(ROOT + 4, pte(L0, V));
		put(L0, pte(0x80005000, V | R));
		// Decoys at the host addresses equal to the guest physical ones (inside the monitor).
		machine.writeWord(ROOT + 4, pte(0x80006000, V));
		machine.writeWord(L0, pte(0x80007000, V | R));
		const w = walk(0x00400000);
		expect(w.ok && w.leaf.gpa).toBe(0x80005000);
		expect(gpaToHpa(mem, ROOT)).not.toBe(ROOT);
	});
});
