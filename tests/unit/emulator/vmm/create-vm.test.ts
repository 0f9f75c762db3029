/**
 * The resumable run: stepping a run in slices makes exactly the exits runVm makes in one call, in
 * every mode, because a slice boundary only pauses the machine (Machine.run resumes where a budget
 * stop left it).
 */
import { describe, expect, it } from 'vitest';
import { buildGuest } from '../../../../src/lib/emulator/guests/build.ts';
import { createVm, runVm, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import type { VmMode } from '../../../../src/lib/emulator/vmm/exit-trace.ts';

const image = (pv: boolean) => buildGuest('syscall', { pv }).image!;

function whole(mode: VmMode, maxInsns?: number): VmRun {
	const r = runVm({ mode, kernel: { image: image(mode === 'pv') }, keepExits: true, maxInsns });
	if (!r.ok) throw new Error(r.error);
	return r.run;
}

function sliced(mode: VmMode, slice: number, maxInsns?: number) {
	const r = createVm({ mode, kernel: { image: image(mode === 'pv') }, keepExits: true, maxInsns });
	if (!r.ok) throw new Error(r.error);
	let slices = 0;
	while (!r.vm.step(slice)) slices++;
	return { run: r.vm.result(), slices };
}

describe('createVm', () => {
	for (const mode of ['native', 'trap', 'pv', 'hw'] as const)
		it(`makes the same exits in slices as runVm in one call (${mode})`, () => {
			const a = whole(mode);
			const { run: b, slices } = sliced(mode, 50_000);
			expect(slices).toBeGreaterThan(3);
			expect(b.outcome).toEqual(a.outcome);
			expect(b.guestInstructions).toBe(a.guestInstructions);
			expect(b.modelCycles).toBe(a.modelCycles);
			expect(b.output).toEqual(a.output);
			expect(b.exits.count).toBe(a.exits.count);
			expect(b.exits.firmwareCalls).toBe(a.exits.firmwareCalls);
			expect(b.exits.records).toEqual(a.exits.records);
		});

	it('stops at the budget as runVm does', () => {
		const a = whole('trap', 300_000);
		const { run: b } = sliced('trap', 7_777, 300_000);
		expect(a.outcome).toEqual({ kind: 'budget', budget: 300_000 });
		expect(b.outcome).toEqual(a.outcome);
		expect(b.exits.records).toEqual(a.exits.records);
	});

	it('reports progress between slices and refuses a result before the end', () => {
		const r = createVm({ mode: 'hw', kernel: { image: image(false) } });
		if (!r.ok) throw new Error(r.error);
		expect(() => r.vm.result()).toThrow(/not ended/);
		expect(r.vm.step(20_000)).toBeUndefined();
		expect(r.vm.spent).toBeGreaterThanOrEqual(20_000);
		expect(r.vm.guestInstructions).toBeGreaterThan(0);
		expect(() => r.vm.step(0)).toThrow(RangeError);
	});

	it('returns the errors runVm returns', () => {
		expect(createVm({ mode: 'hw', kernel: { image: image(false) }, ramSize: 3 })).toMatchObject({
			ok: false
		});
		expect(createVm({ mode: 'hw', kernel: { image: image(false) }, maxInsns: -1 })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/budget/)
		});
	});
});
