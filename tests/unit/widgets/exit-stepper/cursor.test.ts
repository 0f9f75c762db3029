/**
 * The cursor: moves are exact both ways because the state is rebuilt only from the records'
 * changes. Oracles: `stateFromScratch` (apply exits 1..n in order) for any position, and the
 * records themselves for what each move lands on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../../../src/lib/emulator/vmm/exit-series.ts';
import type { ExitRecord } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import {
	ExitCursor,
	compareNames,
	stateFromScratch,
	type StateView
} from '../../../../src/lib/widgets/exit-stepper/cursor.ts';
import { realRun, record } from './fixtures.ts';

const records: ExitRecord[] = [
	record(1, { reason: 'hiddenPageFault', changes: [] }),
	record(2, {
		changes: [
			{ name: 'virtual stvec', before: 0, after: 0x800000a8 },
			{ name: 'pc', before: 0x80000010, after: 0x80000014 }
		]
	}),
	record(3, {
		reason: 'sret',
		changes: [
			{ name: 'virtual sstatus', before: 0x100, after: 0x20 },
			{ name: 'pc', before: 0x80000020, after: 0x80001000 },
			{ name: 'virtual privilege', before: 1, after: 0 }
		]
	}),
	// The same name twice in one exit.
	record(4, {
		reason: 'guestTrap',
		changes: [
			{ name: 'a0', before: 7, after: 8 },
			{ name: 'a0', before: 8, after: 9 },
			{ name: 'virtual stvec', before: 0x800000a8, after: 0x800000b0 }
		]
	}),
	record(5, { reason: 'sret', changes: [{ name: 'pc', before: 0x80001040, after: 0x80000100 }] })
];

/** The view computed from scratch, for comparison with the cursor's. */
function oracle(rs: readonly ExitRecord[], n: number): StateView {
	const state = stateFromScratch(rs, n);
	const r = n > 0 ? rs[n - 1] : undefined;
	const rows = [...state.values()]
		.map((e) => {
			const changed = r !== undefined && e.setAt === r.seq;
			const before = r?.changes.find((c) => c.name === e.name)?.before;
			return changed ? { ...e, changed, before: before! } : { ...e, changed };
		})
		.sort((a, b) => compareNames(a.name, b.name));
	return { position: n, rows };
}

describe('ExitCursor moves', () => {
	it('starts before the first exit with an empty view', () => {
		const c = new ExitCursor(seriesOf(records));
		expect(c.position).toBe(0);
		expect(c.current).toBeUndefined();
		expect(c.view()).toEqual({ position: 0, rows: [] });
	});

	it('next, previous, first, last and jump land where they say and clamp at the ends', () => {
		const c = new ExitCursor(seriesOf(records));
		expect(c.previous()).toBe(0);
		expect(c.next()).toBe(1);
		expect(c.current).toBe(records[0]);
		expect(c.last()).toBe(5);
		expect(c.next()).toBe(5);
		expect(c.first()).toBe(1);
		expect(c.jump(3)).toBe(3);
		expect(c.jump(99)).toBe(5);
		expect(c.jump(-4)).toBe(0);
		expect(c.jump(Number.NaN)).toBe(0);
	});

	it('finds the next and previous exit of a reason, staying put when there is none', () => {
		const c = new ExitCursor(seriesOf(records));
		expect(c.nextOf('sret')).toBe(3);
		expect(c.nextOf('sret')).toBe(5);
		expect(c.nextOf('sret')).toBe(5);
		expect(c.previousOf('sret')).toBe(3);
		expect(c.previousOf('sret')).toBe(3);
		expect(c.previousOf('hiddenPageFault')).toBe(1);
		expect(c.nextOf('wfi')).toBe(1);
	});

	it('shows after exit 4 what it changed, with the values before', () => {
		const c = new ExitCursor(seriesOf(records));
		c.jump(4);
		const rows = c.view().rows;
		expect(rows.map((r) => r.name)).toEqual([
			'pc',
			'a0',
			'virtual privilege',
			'virtual sstatus',
			'virtual stvec'
		]);
		expect(rows.find((r) => r.name === 'a0')).toEqual({
			name: 'a0',
			value: 9,
			setAt: 4,
			changed: true,
			before: 7
		});
		expect(rows.find((r) => r.name === 'pc')).toEqual({
			name: 'pc',
			value: 0x80001000,
			setAt: 3,
			changed: false
		});
		expect(rows.find((r) => r.name === 'virtual stvec')).toMatchObject({
			value: 0x800000b0,
			before: 0x800000a8,
			changed: true
		});
	});

	it('undoes a name changed twice in one exit back to its first before', () => {
		const c = new ExitCursor(seriesOf(records));
		c.jump(4);
		c.previous();
		expect(c.view().rows.find((r) => r.name === 'a0')).toBeUndefined();
		expect(c.view()).toEqual(oracle(records, 3));
	});

	it('stateAt(n) answers without moving the cursor', () => {
		const c = new ExitCursor(seriesOf(records));
		c.jump(2);
		const here = c.view();
		expect(c.stateAt(5)).toEqual(oracle(records, 5));
		expect(c.position).toBe(2);
		expect(c.view()).toEqual(here);
	});

	it('reads a series that grows while it is used, without moving', () => {
		const growing = records.slice(0, 2);
		const c = new ExitCursor(seriesOf(growing));
		c.last();
		growing.push(...records.slice(2));
		expect(c.position).toBe(2);
		expect(c.length).toBe(5);
		expect(c.last()).toBe(5);
		expect(c.view()).toEqual(oracle(records, 5));
		c.first();
		expect(c.view()).toEqual(oracle(records, 1));
	});
});

/** Random runs: a handful of names, random befores and afters, some exits changing nothing. */
const NAMES = ['pc', 'a0', 'sp', 'mie', 'virtual sstatus', 'virtual sepc', 'shared scause'];
const arbRecords = fc
	.array(
		fc.array(
			fc.record({
				name: fc.constantFrom(...NAMES),
				before: fc.nat(0xffff_ffff),
				after: fc.nat(0xffff_ffff)
			}),
			{ maxLength: 5 }
		),
		{ minLength: 1, maxLength: 40 }
	)
	.map((runs) => runs.map((changes, i) => record(i + 1, { changes })));

const arbMove = fc.oneof(
	fc.constant('next' as const),
	fc.constant('previous' as const),
	fc.constant('first' as const),
	fc.constant('last' as const),
	fc.integer({ min: -2, max: 45 })
);

describe('ExitCursor properties', () => {
	it('N steps forward then N back restore an identical view', () => {
		fc.assert(
			fc.property(arbRecords, fc.nat(45), fc.nat(45), (rs, start, n) => {
				const c = new ExitCursor(seriesOf(rs));
				c.jump(start);
				const before = c.view();
				const from = c.position;
				const steps = Math.min(n, rs.length - from);
				for (let i = 0; i < steps; i++) c.next();
				for (let i = 0; i < steps; i++) c.previous();
				expect(c.view()).toEqual(before);
			})
		);
	});

	it('after any sequence of moves the view equals the one built from scratch', () => {
		fc.assert(
			fc.property(arbRecords, fc.array(arbMove, { maxLength: 30 }), (rs, moves) => {
				const c = new ExitCursor(seriesOf(rs));
				for (const m of moves) {
					if (typeof m === 'number') c.jump(m);
					else c[m]();
					expect(c.view()).toEqual(oracle(rs, c.position));
				}
			})
		);
	});
});

describe('ExitCursor on a real trace', () => {
	it('steps a trap-mode syscall run 5 forward and 5 back to the same exit and view', () => {
		const rs = realRun('syscall', 'trap').exits.records;
		const c = new ExitCursor(seriesOf(rs));
		for (const at of [1, 100, 5000, rs.length - 5]) {
			c.jump(at);
			const exit = c.current;
			const view = c.view();
			for (let i = 0; i < 5; i++) c.next();
			expect(c.position).toBe(at + 5);
			for (let i = 0; i < 5; i++) c.previous();
			expect(c.current).toBe(exit);
			expect(c.view()).toEqual(view);
		}
	});

	it('is exact for the virtual CSRs: each exit undoes to its own before', () => {
		const rs = realRun('syscall', 'trap').exits.records;
		const c = new ExitCursor(seriesOf(rs));
		let checked = 0;
		for (const at of [2, 50, 777, 4321]) {
			const r = rs[at - 1];
			const before = c.stateAt(at - 1).rows;
			for (const ch of r.changes.filter((x) => x.name.startsWith('virtual '))) {
				const row = before.find((x) => x.name === ch.name);
				if (row) {
					expect(row.value).toBe(ch.before);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(0);
	});

	it('walks the whole run back to the empty view, and the view at the end matches scratch', () => {
		const rs = realRun('syscall', 'trap').exits.records;
		const c = new ExitCursor(seriesOf(rs));
		c.last();
		expect(c.view()).toEqual(oracle(rs, rs.length));
		c.first();
		c.previous();
		expect(c.view()).toEqual({ position: 0, rows: [] });
	});
});
