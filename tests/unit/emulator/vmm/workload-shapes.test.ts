/**
 * The shapes the CPU-virtualization lessons teach, asserted on counts of real exits (never on
 * times): which work makes a monitor step in, in each mode. The guest is the course's own kernel
 * (src/lib/emulator/guests) running its workloads.
 */
import { describe, expect, it } from 'vitest';
import { buildGuest, type WorkloadName } from '../../../../src/lib/emulator/guests/build.ts';
import { runVm, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import type { VmMode } from '../../../../src/lib/emulator/vmm/exit-trace.ts';

function run(workload: WorkloadName, mode: VmMode, scale = 1): VmRun {
	const built = buildGuest(workload, { scale, pv: mode === 'pv' });
	const result = runVm({ mode, kernel: { image: built.image! } });
	if (!result.ok) throw new Error(result.error);
	expect(result.run.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
	return result.run;
}

const count = (r: VmRun, reason: string) => r.exits.byReason.get(reason as never)?.count ?? 0;

/** Exits by reason that `more` has beyond `less`: what the extra work cost. */
function extra(less: VmRun, more: VmRun): Record<string, number> {
	const d: Record<string, number> = {};
	for (const [reason, t] of more.exits.byReason) {
		const n = t.count - count(less, reason);
		if (n !== 0) d[reason] = n;
	}
	return d;
}

describe('syscall: a loop of getpid', () => {
	it('exits most under trap-and-emulate, less paravirtualized, least with hardware assist, never natively', () => {
		const native = run('syscall', 'native');
		const trap = run('syscall', 'trap');
		const pv = run('syscall', 'pv');
		const hw = run('syscall', 'hw');
		expect(native.exits.count).toBe(0);
		expect(trap.exits.count).toBeGreaterThan(pv.exits.count);
		expect(pv.exits.count).toBeGreaterThan(hw.exits.count);
		expect(trap.exits.count).toBeGreaterThan(10 * hw.exits.count);
		// Each getpid is reflected into the guest kernel and returns by SRET: one guestTrap and
		// one sret exit per call at least (the scaled run isolates the loop from boot and printing).
		const more = extra(trap, run('syscall', 'trap', 2));
		expect(more.guestTrap).toBeGreaterThan(0);
		expect(more.sret).toBeGreaterThanOrEqual(more.guestTrap);
		// With hardware assist the same extra calls add no exit beyond the timer's.
		const hwMore = extra(hw, run('syscall', 'hw', 2));
		expect(Object.keys(hwMore).filter((r) => r !== 'timer' && r !== 'sbi')).toEqual([]);
	});
});

describe('compute: no system calls', () => {
	it('never exits natively', () => {
		expect(run('compute', 'native', 3).exits.count).toBe(0);
	});

	for (const mode of ['trap', 'pv', 'hw'] as const)
		it(`exits, in ${mode} mode, only for the timer as the computation grows`, () => {
			const more = extra(run('compute', mode), run('compute', mode, 3));
			const ticks = more.timer;
			expect(ticks).toBeGreaterThan(0);
			// Every extra exit is the timer interrupt, the guest's SBI set_timer for the next tick,
			// and in trap mode its timer handler's CSR accesses and SRET.
			// (±1: the run may end before the last tick's interrupt is taken.)
			expect(Math.abs(more.sbi - ticks)).toBeLessThanOrEqual(1);
			// and, paravirtualized, its hypercalls to return from the handler and switch processes.
			const allowed = {
				trap: ['timer', 'sbi', 'csrAccess', 'sret'],
				pv: ['timer', 'sbi', 'hypercall'],
				hw: ['timer', 'sbi']
			}[mode];
			expect(Object.keys(more).filter((r) => !allowed.includes(r))).toEqual([]);
			if (mode === 'trap') {
				expect(Math.abs(more.sret - ticks)).toBeLessThanOrEqual(1);
				expect(more.csrAccess).toBeLessThanOrEqual(8 * (ticks + 1));
			}
			// pv: returning from the handler and switching address space, a few hypercalls a tick.
			if (mode === 'pv') expect(more.hypercall).toBeLessThanOrEqual(4 * (ticks + 1));
		});
});

describe('ptemod: a map/unmap loop', () => {
	it('exits more than once per iteration under trap-and-emulate, for each page-table write', () => {
		const trap = run('ptemod', 'trap');
		const more = extra(trap, run('ptemod', 'trap', 2));
		// map and unmap each write one PTE: both are stores to a write-protected guest table.
		const iterations = more.pageTableWrite / 2;
		expect(iterations).toBeGreaterThan(100);
		const total = Object.values(more).reduce((s, n) => s + n, 0);
		expect(total / iterations).toBeGreaterThan(1);
	});

	it('makes no exit from page-table writes with hardware assist', () => {
		const hw = run('ptemod', 'hw');
		expect(count(hw, 'pageTableWrite')).toBe(0);
		const more = extra(hw, run('ptemod', 'hw', 2));
		expect(Object.keys(more).filter((r) => r !== 'timer' && r !== 'sbi')).toEqual([]);
	});
});
