/**
 * Packed exit records: what the page unpacks equals what the worker packed, field for field,
 * whatever the batches. Oracles: the records themselves (made up to hold every kind of step, and
 * a real run's), and an array read as a series (seriesOf) for progress and reason.
 */
import { describe, expect, it } from 'vitest';
import { seriesOf, slice } from '../../../src/lib/emulator/vmm/exit-series.ts';
import type { ExitRecord } from '../../../src/lib/emulator/vmm/exit-trace.ts';
import { ExitPacker, PackedExitLog } from '../../../src/lib/worker/packed-exits.ts';
import { realRun, record } from '../widgets/exit-stepper/fixtures.ts';

/** One record with every kind of step, flags both ways, a negative value and ∞. */
const everyStep: ExitRecord = record(1, {
	mode: 'pv',
	reason: 'hypercall',
	interrupt: true,
	guestInstructions: 12_345,
	modelCycles: 1_034,
	steps: [
		{ kind: 'readState', name: 'shared sstatus', value: 0x100 },
		{ kind: 'writeState', name: 'pc', before: 0x8000_0010, after: 0x8000_0014 },
		{ kind: 'readGuestTable', gpa: 0x8010_2000, pte: 0x2004_0cf, level: 1 },
		{ kind: 'installEntry', table: 'guest', address: 0x8100_0004, pte: 0x2004_00f, level: 0 },
		{ kind: 'dropEntries', table: 'shadow', count: 3, why: 'the guest wrote satp' },
		{ kind: 'decode', instruction: 0x1050_0073 },
		{ kind: 'device', device: 'uart', offset: 5, write: false, value: 0x60 },
		{ kind: 'device', device: 'uart', offset: 0, write: true, value: 0x41 },
		{ kind: 'inject', what: 'supervisor timer interrupt' },
		{ kind: 'firmware', call: 'set_timer' },
		{ kind: 'idle', cycles: 4_000 }
	],
	changes: [
		{ name: 'virtual stimecmp', before: Infinity, after: 1_000_000 },
		{ name: 'a0', before: -1, after: 0 }
	]
});

function log(...batches: ExitRecord[][]): PackedExitLog {
	const packer = new ExitPacker();
	const out = new PackedExitLog();
	for (const b of batches) out.append(structuredClone(packer.pack(b)));
	return out;
}

describe('packed exit records', () => {
	it('unpack to the records packed, every kind of step included', () => {
		const records = [everyStep, record(2), record(3, { reason: 'sret', interrupt: false })];
		const unpacked = log(records);
		expect(unpacked.length).toBe(3);
		expect(slice(unpacked)).toEqual(records);
		expect(unpacked.at(0).steps.map((s) => s.kind)).toEqual(everyStep.steps.map((s) => s.kind));
	});

	it('send each string once, with the batch that first uses it', () => {
		const packer = new ExitPacker();
		const first = packer.pack([everyStep]);
		const second = packer.pack([{ ...everyStep, seq: 2 }]);
		expect(first.strings).toContain('hypercall');
		expect(first.strings).toContain('shared sstatus');
		expect(second.strings).toEqual([]);
		const unpacked = new PackedExitLog();
		unpacked.append(first);
		unpacked.append(second);
		expect(unpacked.at(1)).toEqual({ ...everyStep, seq: 2 });
	});

	it('read a real run, in batches of any size, as the run’s own array does', () => {
		const records = realRun('syscall', 'trap').exits.records;
		const batches = [records.slice(0, 1), records.slice(1, 700), records.slice(700)];
		const unpacked = log(...batches);
		const array = seriesOf(records);
		expect(unpacked.length).toBe(array.length);
		for (const i of [0, 1, 699, 700, 5_000, records.length - 1]) {
			expect(unpacked.at(i)).toEqual(array.at(i));
			expect(unpacked.progress(i)).toBe(array.progress(i));
			expect(unpacked.reason(i)).toBe(array.reason(i));
		}
		for (let i = 0; i < records.length; i++)
			if (unpacked.progress(i) !== records[i].guestInstructions) throw new Error(`progress ${i}`);
	});

	it('give the same object for a record asked for again, even after more arrive', () => {
		const packer = new ExitPacker();
		const unpacked = new PackedExitLog();
		unpacked.append(packer.pack([everyStep, record(2)]));
		const current = unpacked.at(1);
		unpacked.append(packer.pack([record(3), record(4)]));
		expect(unpacked.at(1)).toBe(current);
		expect(unpacked.at(3)).toEqual(record(4));
	});

	it('refuse an index outside the records', () => {
		const unpacked = log([record(1)]);
		expect(() => unpacked.at(1)).toThrow(RangeError);
		expect(() => unpacked.at(-1)).toThrow(RangeError);
	});
});
