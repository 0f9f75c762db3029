import { describe, expect, it } from 'vitest';
import { GStageWalkCache } from '../../../../src/lib/emulator/mmu/walk-cache.ts';

describe('G-stage walk cache', () => {
	it('finds a guest page of its VMID, not of another', () => {
		const c = new GStageWalkCache(4);
		c.insert(0x80100, 1, 0x80900, 0xdf);
		const i = c.lookup(0x80100, 1);
		expect(i).toBeGreaterThanOrEqual(0);
		expect([c.ppn[i], c.flags[i]]).toEqual([0x80900, 0xdf]);
		expect(c.lookup(0x80100, 2)).toBe(-1);
		expect(c.lookup(0x80101, 1)).toBe(-1);
	});

	it('is direct-mapped: a page with the same index replaces the entry', () => {
		const c = new GStageWalkCache(4);
		c.insert(0x80100, 1, 1, 0xdf);
		c.insert(0x80104, 1, 2, 0xdf);
		expect(c.lookup(0x80100, 1)).toBe(-1);
		expect(c.lookup(0x80104, 1)).toBeGreaterThanOrEqual(0);
	});

	it('flushes one VMID or everything', () => {
		const c = new GStageWalkCache(4);
		c.insert(0x80100, 1, 1, 0xdf);
		c.insert(0x80101, 2, 2, 0xdf);
		c.flush(2);
		expect(c.lookup(0x80100, 1)).toBeGreaterThanOrEqual(0);
		expect(c.lookup(0x80101, 2)).toBe(-1);
		c.flush();
		expect(c.lookup(0x80100, 1)).toBe(-1);
	});

	it('of size 0 holds nothing', () => {
		const c = new GStageWalkCache(0);
		c.insert(0x80100, 1, 1, 0xdf);
		expect(c.lookup(0x80100, 1)).toBe(-1);
	});
});
