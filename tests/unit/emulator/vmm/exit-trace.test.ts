/**
 * The exit log (exit-trace.ts): sequence numbers, the per-reason tally `perf kvm stat` shows, and
 * the records kept for the exit stepper.
 */
import { describe, expect, it } from 'vitest';
import {
	ExitLog,
	type ExitRecord,
	type ExitStep
} from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { costPreset, roundTripCost, stepCost } from '../../../../src/lib/emulator/vmm/cost.ts';
import type { ExitReason } from '../../../../src/lib/emulator/vmm/exit-reasons.ts';

const p4 = costPreset('p4')!;
const exit = (
	reason: ExitReason,
	steps: ExitStep[] = [],
	mode: ExitRecord['mode'] = 'hw'
): ExitRecord => ({
	seq: 0,
	mode,
	modelCycles: 0,
	reason,
	cause: 2,
	interrupt: false,
	guestPc: 0x80000000,
	instruction: 0x10500073,
	guestInstructions: 7,
	steps,
	changes: []
});
const decode: ExitStep = { kind: 'decode', instruction: 0 };
const read: ExitStep = { kind: 'readState', name: 'x', value: 1 };

describe('ExitLog', () => {
	it('numbers exits 1, 2, 3… and prices each as its round trip plus its steps', () => {
		const log = new ExitLog('hw', p4, true);
		const a = log.add(exit('wfi'));
		const b = log.add(exit('csrAccess', [decode, read]));
		expect([a.seq, b.seq]).toEqual([1, 2]);
		expect(a.mode).toBe('hw');
		expect(a.modelCycles).toBe(roundTripCost('hw', p4));
		expect(b.modelCycles).toBe(p4.vmExitRoundTrip + stepCost(decode, p4) + stepCost(read, p4));
		expect(log.cost([decode, read])).toBe(b.modelCycles);
		expect(log.count).toBe(2);
		expect(log.modelCycles).toBe(a.modelCycles + b.modelCycles);
	});

	it('tallies count, min, max and total model cycles per reason', () => {
		const log = new ExitLog('trap', p4, false);
		log.add(exit('mmio', [decode], 'trap'));
		log.add(exit('mmio', [], 'trap'));
		log.add(exit('mmio', [decode, decode], 'trap'));
		log.add(exit('sbi', [], 'trap'));
		const rt = p4.trapRoundTrip;
		expect(log.byReason.get('mmio')).toEqual({
			count: 3,
			modelCycles: { min: rt, max: rt + 2 * p4.decode, total: 3 * rt + 3 * p4.decode }
		});
		expect(log.byReason.get('sbi')).toEqual({
			count: 1,
			modelCycles: { min: rt, max: rt, total: rt }
		});
		expect(log.byReason.has('wfi')).toBe(false);
	});

	it('keeps records only when asked, but always calls onExit, in order', () => {
		const seen: ExitRecord[] = [];
		const quiet = new ExitLog('trap', p4, false, (r) => seen.push(r));
		quiet.add(exit('sret', [], 'trap'));
		quiet.add(exit('sfence', [], 'trap'));
		expect(quiet.records).toEqual([]);
		expect(seen.map((r) => [r.seq, r.reason])).toEqual([
			[1, 'sret'],
			[2, 'sfence']
		]);
		const kept = new ExitLog('trap', p4, true);
		kept.add(exit('sret', [], 'trap'));
		expect(kept.records).toHaveLength(1);
		expect(kept.records[0]).toMatchObject({
			seq: 1,
			reason: 'sret',
			guestPc: 0x80000000,
			guestInstructions: 7
		});
	});

	it('counts native firmware calls at the firmware-call price, without exits', () => {
		const log = new ExitLog('native', p4, true);
		log.firmwareCall();
		log.firmwareCall();
		expect(log.firmwareCalls).toBe(2);
		expect(log.count).toBe(0);
		expect(log.modelCycles).toBe(2 * p4.firmwareCall);
		expect(log.byReason.size).toBe(0);
	});
});
