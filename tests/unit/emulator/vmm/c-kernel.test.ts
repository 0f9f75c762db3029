/**
 * Full virtualization, tested on a kernel we did not write for VirtLab's monitor: the C kernel of
 * tests/fixtures/c-kernel (paging with several address spaces, system calls, demand faults,
 * copy-on-write, killed processes, timer preemption, megapages, ASIDs, SUM, MXR, WFI with
 * interrupts masked). Its expected output was recorded on QEMU; it must come out byte for byte the
 * same on the bare machine behind the fixture's M-mode firmware, and under the monitor in native,
 * trap-and-emulate and hardware-assisted modes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { runVm, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import {
	DEFAULT_SHADOW_SYNC,
	SHADOW_SYNCS
} from '../../../../src/lib/emulator/vmm/shadow-paging.ts';

const dir = new URL('../../../fixtures/c-kernel/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const expected = readFileSync(new URL('kernel.expected.out', dir), 'utf8');
const expectedCode = Number(readFileSync(new URL('kernel.expected.code', dir), 'utf8'));
const text = (bytes: Uint8Array | number[]) => new TextDecoder().decode(Uint8Array.from(bytes));

/** One run per mode, shared by the tests below (each takes a second or two). */
const runs = new Map<string, VmRun>();
function runIn(mode: 'native' | 'trap' | 'hw'): VmRun {
	if (!runs.has(mode)) {
		const result = runVm({ mode, kernel: { elf: read('kernel.elf') }, maxInsns: 100_000_000 });
		if (!result.ok) throw new Error(result.error);
		runs.set(mode, result.run);
	}
	return runs.get(mode)!;
}

describe('the C test kernel', () => {
	it('prints what QEMU printed, on the bare machine behind the M-mode firmware', () => {
		const out: number[] = [];
		const m = new Machine({ uartOut: (b) => out.push(b) });
		expect(m.loadElf(read('kernel-with-firmware.elf')).ok).toBe(true);
		const stop = m.run({ maxInsns: 100_000_000 });
		expect(stop).toEqual({ kind: 'halted', exitCode: expectedCode });
		expect(text(out)).toBe(expected);
	});

	for (const mode of ['native', 'trap', 'hw'] as const) {
		it(`prints the same bytes under the monitor in ${mode} mode`, () => {
			const run = runIn(mode);
			expect(run.outcome).toMatchObject({ kind: 'exit', exitCode: expectedCode });
			expect(text(run.output)).toBe(expected);
			if (mode === 'native') expect(run.exits.count).toBe(0);
			else expect(run.exits.count).toBeGreaterThan(0);
		});
	}

	it('exits for what each mode cannot run directly', () => {
		const exits = (mode: 'trap' | 'hw') => runIn(mode).exits.byReason;
		const trap = exits('trap');
		const hw = exits('hw');
		// Trap-and-emulate: CSR accesses, SRET and SFENCE.VMA of the deprivileged kernel exit, and
		// its page tables are shadowed (hidden faults, writes to protected tables).
		for (const reason of [
			'csrAccess',
			'sret',
			'sfence',
			'hiddenPageFault',
			'pageTableWrite'
		] as const)
			expect(trap.get(reason)?.count, reason).toBeGreaterThan(0);
		// Hardware assist: none of those; the kernel's privileged instructions run on the vs* CSRs.
		for (const reason of [
			'csrAccess',
			'sret',
			'sfence',
			'hiddenPageFault',
			'pageTableWrite'
		] as const)
			expect(hw.get(reason), reason).toBeUndefined();
		expect(hw.get('guestPageFault')!.count).toBeGreaterThan(0);
		// The same SBI calls in both (the kernel asks the same things of its firmware).
		expect(hw.get('sbi')!.count).toBe(trap.get('sbi')!.count);
	});
});

describe('the C test kernel under each shadow synchronisation strategy (trap mode)', () => {
	// The default strategy is the trap-mode run above; the others take a few seconds each, mostly
	// emulating the kernel's stores to its page tables.
	for (const shadowSync of SHADOW_SYNCS.filter((s) => s !== DEFAULT_SHADOW_SYNC))
		it(`prints the same bytes with ${shadowSync}`, () => {
			const result = runVm({
				mode: 'trap',
				kernel: { elf: read('kernel.elf') },
				maxInsns: 100_000_000,
				shadowSync
			});
			if (!result.ok) throw new Error(result.error);
			expect(result.run.outcome).toMatchObject({ kind: 'exit', exitCode: expectedCode });
			expect(text(result.run.output)).toBe(expected);
		}, 60_000);
});
