/**
 * pv mode (paravirtual.ts, pv-abi.md): the course's kernel, built with PV defined, runs every
 * workload to the same bytes as natively, exits only for hypercalls, SBI, its processes' traps and
 * the timer, and batches its page-table updates; and the monitor's validation of direct paging
 * (Barham et al. 2003, §3.3.2) refuses every update that would let the guest escape, driven here
 * by hand through the hypercall interface.
 */
import { describe, expect, it } from 'vitest';
import {
	buildGuest,
	WORKLOADS,
	type WorkloadName
} from '../../../../src/lib/emulator/guests/build.ts';
import { PRIV_U } from '../../../../src/lib/emulator/machine/constants.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { PTE_R, PTE_V, PTE_W, PTE_X } from '../../../../src/lib/emulator/mmu/pte.ts';
import { COST_PRESETS } from '../../../../src/lib/emulator/vmm/cost.ts';
import {
	ExitLog,
	type ExitRecord,
	type VmMode
} from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import {
	GUEST_RAM_BASE,
	MONITOR_SIZE,
	guestMemory
} from '../../../../src/lib/emulator/vmm/guest-memory.ts';
import type { MonitorContext } from '../../../../src/lib/emulator/vmm/monitor.ts';
import { Hypercall, Paravirtual, Shared } from '../../../../src/lib/emulator/vmm/paravirtual.ts';
import { Sbi, SbiError } from '../../../../src/lib/emulator/vmm/sbi.ts';
import { runVm, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function run(
	workload: WorkloadName,
	mode: VmMode,
	options: { scale?: number; batching?: boolean; onExit?: (e: ExitRecord) => void } = {}
): VmRun {
	const built = buildGuest(workload, {
		pv: mode === 'pv',
		scale: options.scale,
		batching: options.batching
	});
	expect(built.diagnostics).toEqual([]);
	const result = runVm({
		mode,
		kernel: { image: built.image! },
		maxInsns: 50_000_000,
		onExit: options.onExit
	});
	if (!result.ok) throw new Error(result.error);
	expect(result.run.outcome).toEqual({ kind: 'exit', exitCode: 0, how: 'SBI system reset' });
	return result.run;
}

const byReason = (r: VmRun) =>
	Object.fromEntries([...r.exits.byReason].map(([reason, t]) => [reason, t.count]));
const hypercallName = (e: ExitRecord) =>
	e.reason === 'hypercall' ? e.steps.find((s) => s.kind === 'firmware')?.call : undefined;

describe('pv mode runs the paravirtual build of the course kernel', () => {
	for (const { name } of WORKLOADS)
		it(`${name}: the same bytes as natively, and only PV exits`, () => {
			const native = run(name, 'native');
			const pv = run(name, 'pv');
			expect(text(pv.output)).toBe(text(native.output));
			expect(pv.output.length).toBeGreaterThan(50);
			const reasons = Object.keys(byReason(pv));
			for (const reason of reasons)
				expect(['hypercall', 'sbi', 'guestTrap', 'timer']).toContain(reason);
			for (const never of [
				'csrAccess',
				'sret',
				'sfence',
				'hiddenPageFault',
				'pageTableWrite',
				'mmio'
			])
				expect(reasons).not.toContain(never);
		});

	it('syscall: fewer exits than trap-and-emulate, more than hardware assist', () => {
		const trap = run('syscall', 'trap').exits.count;
		const pv = run('syscall', 'pv');
		const hw = run('syscall', 'hw').exits.count;
		expect(trap).toBeGreaterThan(pv.exits.count);
		expect(pv.exits.count).toBeGreaterThan(hw);
		// Each getpid: the ECALL delivered to the kernel (guestTrap), and pv_sret back. The CSR
		// accesses in between are loads and stores to the shared page: no exit.
		const counts = byReason(pv);
		expect(counts.guestTrap).toBeGreaterThanOrEqual(5000);
		expect(counts.hypercall).toBeLessThan(counts.guestTrap + 100);
	});

	it('console: one exit per write system call, not one per byte', () => {
		const pv = run('console', 'pv');
		const consoleWrites: number[] = [];
		run('console', 'pv', {
			onExit: (e) => {
				if (hypercallName(e) === 'pv_console_write') consoleWrites.push(e.guestPc);
			}
		});
		expect(consoleWrites.length).toBeLessThan(pv.output.length / 4);
		expect(byReason(pv).guestTrap).toBe(41); // 40 writes and the exit
	});

	it('ptemod: one pv_mmu_update per map and per unmap, several updates in one batch where the kernel changes several PTEs', () => {
		const calls = (scale: number) => {
			const counts: Record<string, number> = {};
			const batches: number[] = [];
			run('ptemod', 'pv', {
				scale,
				onExit: (e) => {
					const name = hypercallName(e);
					if (!name) return;
					counts[name] = (counts[name] ?? 0) + 1;
					if (name === 'pv_mmu_update')
						batches.push(e.steps.filter((s) => s.kind === 'installEntry').length);
				}
			});
			return { counts, batches };
		};
		const once = calls(1);
		const twice = calls(2);
		// 500 more rounds of map and unmap: one update each, two returns to the process.
		expect(twice.counts.pv_mmu_update - once.counts.pv_mmu_update).toBe(1000);
		const returns = twice.counts.pv_sret - once.counts.pv_sret; // and a few timer ticks
		expect(returns).toBeGreaterThanOrEqual(1000);
		expect(returns).toBeLessThan(1050);
		// Boot and process creation put many updates in one batch.
		expect(Math.max(...once.batches)).toBeGreaterThan(100);
		expect(once.batches.filter((n) => n > 1).length).toBeGreaterThan(0);
		for (const n of once.batches) expect(n).toBeGreaterThan(0);
	});

	it('ptemod without batching: the same output, one pv_mmu_update per PTE, many more hypercalls', () => {
		const hypercalls = (batching: boolean) => {
			const counts: Record<string, number> = {};
			const batches: number[] = [];
			const r = run('ptemod', 'pv', {
				batching,
				onExit: (e) => {
					const name = hypercallName(e);
					if (!name) return;
					counts[name] = (counts[name] ?? 0) + 1;
					if (name === 'pv_mmu_update')
						batches.push(e.steps.filter((s) => s.kind === 'installEntry').length);
				}
			});
			return { r, counts, batches };
		};
		const lazy = hypercalls(true);
		const eager = hypercalls(false);
		expect(text(eager.r.output)).toBe(text(lazy.r.output));
		expect(text(eager.r.output)).toContain('checksum 0xa88c3b51');
		expect(new Set(eager.batches)).toEqual(new Set([1]));
		// The boot's direct map alone is 2,048 updates: one batch of 256 becomes 256 calls.
		expect(eager.counts.pv_mmu_update).toBeGreaterThan(lazy.counts.pv_mmu_update + 2000);
		// A flush is no longer folded into the batch: each map and unmap adds a pv_flush_tlb.
		expect(eager.counts.pv_flush_tlb - (lazy.counts.pv_flush_tlb ?? 0)).toBeGreaterThanOrEqual(
			1000
		);
		expect(eager.r.exits.count).toBeGreaterThan(1.5 * lazy.r.exits.count);
		expect(eager.r.modelCycles).toBeGreaterThan(lazy.r.modelCycles);
	});

	it('batching: false changes nothing without pv', () => {
		const plain = buildGuest('ptemod');
		const flagged = buildGuest('ptemod', { batching: false });
		expect(flagged.image!.sections).toEqual(plain.image!.sections);
	});

	it("records what the monitor did: shared-page writes, validated installs, pins' table reads", () => {
		const records: ExitRecord[] = [];
		run('spawn', 'pv', { onExit: (e) => records.push(e) });
		const trap = records.find((e) => e.reason === 'guestTrap')!;
		// The four trap-state words are the delivery itself (its `inject` step costs them); the
		// stack switch is one more, costed write. Every one is a recorded change, for stepping back.
		expect(trap.steps.filter((s) => s.kind === 'inject')).toHaveLength(1);
		const written = trap.steps.flatMap((s) => (s.kind === 'writeState' ? [s.name] : []));
		expect(written).toEqual(['shared sscratch']);
		expect(trap.changes.map((c) => c.name)).toEqual(
			expect.arrayContaining(['shared sepc', 'shared scause', 'shared stval', 'shared sstatus'])
		);
		expect(trap.changes.map((c) => c.name)).toContain('sp'); // the stack switch
		const update = records.find((e) => hypercallName(e) === 'pv_mmu_update')!;
		expect(update.steps.some((s) => s.kind === 'installEntry' && s.table === 'guest')).toBe(true);
		const pin = records.find((e) => hypercallName(e) === 'pv_pin')!;
		expect(pin.steps.filter((s) => s.kind === 'readGuestTable')).toHaveLength(1024);
		const sret = records.find((e) => hypercallName(e) === 'pv_sret')!;
		expect(sret.changes.map((c) => c.name)).toEqual(
			expect.arrayContaining(['pc', 'sp', 'a0', 'virtual privilege'])
		);
	});
});

// ---- The monitor alone, driven through its hypercall interface ---------------------------------

const RAM = 16 << 20;

/** A pv monitor on a fresh machine, booted on a guest that does nothing: the test plays the guest. */
function monitor() {
	const machine = new Machine({ ramSize: RAM + MONITOR_SIZE, hostTrapsM: true, hostTrapsHS: true });
	const mem = guestMemory(RAM, true);
	const ctx: MonitorContext = {
		machine,
		mem,
		log: new ExitLog('pv', COST_PRESETS[0], true),
		console: { out: () => {}, input: [] },
		end: null,
		emulatedInstructions: 0,
		nonVirtualizable: false
	};
	const pv = new Paravirtual(ctx);
	pv.boot({ entry: GUEST_RAM_BASE, fdt: 0 });
	const host = (gpa: number) => gpa - GUEST_RAM_BASE + mem.hpaBase;
	/** A hypercall from the guest kernel, as the machine would hand it over. */
	const call = (fn: number, a0 = 0, a1 = 0) => {
		machine.writeRegister(10, a0);
		machine.writeRegister(11, a1);
		machine.writeRegister(16, fn);
		machine.writeRegister(17, Sbi.virtlab);
		pv.handle({
			cause: 8,
			interrupt: false,
			tval: 0,
			htval: 0,
			htinst: 0,
			gva: false,
			priv: PRIV_U,
			virt: false,
			pc: machine.pc
		});
		return {
			error: machine.readRegister(10) | 0,
			value: machine.readRegister(11),
			why: pv.lastRefusal
		};
	};
	/** pv_mmu_update of (PTE host address, value) pairs, from a list at guest page LIST. */
	const LIST = 0x80200000;
	const update = (...pairs: [number, number][]) => {
		pairs.forEach(([ptr, v], i) => {
			machine.writeWord(host(LIST) + i * 8, ptr >>> 0);
			machine.writeWord(host(LIST) + i * 8 + 4, v >>> 0);
		});
		return call(Hypercall.mmuUpdate, LIST, pairs.length);
	};
	const leaf = (hpa: number, flags: number) => (((hpa >>> 12) << 10) | PTE_V | flags) >>> 0;
	const pointer = (hpa: number) => (((hpa >>> 12) << 10) | PTE_V) >>> 0;
	return { machine, mem, pv, host, call, update, leaf, pointer };
}

describe('direct paging: the monitor validates every table and update', () => {
	const T0 = 0x80100000; // a second-level table
	const ROOT = 0x80101000;
	const PAGE = 0x80102000; // an ordinary page

	function withTables() {
		const g = monitor();
		expect(g.call(Hypercall.pin, g.host(T0), 0).error).toBe(SbiError.success);
		expect(g.call(Hypercall.pin, g.host(ROOT), 1).error).toBe(SbiError.success);
		expect(
			g.update(
				[g.host(ROOT), g.pointer(g.host(T0))],
				[g.host(T0), g.leaf(g.host(PAGE), PTE_R | PTE_W)]
			).error
		).toBe(SbiError.success);
		return g;
	}

	it('applies a valid batch in one exit, in host frames, as the hardware will walk it', () => {
		const g = withTables();
		expect(g.pv.pinned.get(g.host(T0))).toBe(0);
		expect(g.pv.pinned.get(g.host(ROOT))).toBe(1);
		expect(g.machine.readWord(g.host(T0))! >>> 10).toBe(g.host(PAGE) >>> 12);
	});

	it('refuses a writable mapping of a pinned table (and allows a read-only one)', () => {
		const g = withTables();
		const r = g.update([g.host(T0) + 4, g.leaf(g.host(ROOT), PTE_R | PTE_W)]);
		expect(r.error).toBe(SbiError.invalidParam);
		expect(r.why).toBe('a writable mapping of a page table');
		expect(g.update([g.host(T0) + 4, g.leaf(g.host(ROOT), PTE_R)]).error).toBe(SbiError.success);
	});

	it('refuses a frame outside the guest: the monitor, or past the end of guest RAM', () => {
		const g = withTables();
		for (const frame of [0x80000000, g.mem.hpaBase + RAM, 0x10000000]) {
			const r = g.update([g.host(T0) + 8, g.leaf(frame, PTE_R)]);
			expect(r.error).toBe(SbiError.invalidParam);
			expect(r.why).toBe('a frame outside the guest');
		}
		// A megapage over the monitor's memory likewise.
		expect(g.update([g.host(ROOT) + 4, g.leaf(0x80000000, PTE_R | PTE_X)]).why).toBe(
			'a megapage outside the guest'
		);
	});

	it('refuses to pin a page mapped writable, or under a writable megapage', () => {
		const g = withTables();
		const r = g.call(Hypercall.pin, g.host(PAGE), 0);
		expect(r.error).toBe(SbiError.invalidParam);
		expect(r.why).toBe('a page mapped writable');
		// Once the mapping is read-only, the page can become a table.
		expect(g.update([g.host(T0), g.leaf(g.host(PAGE), PTE_R)]).error).toBe(SbiError.success);
		expect(g.call(Hypercall.pin, g.host(PAGE), 0).error).toBe(SbiError.success);
		// A writable megapage over the 4 MiB that holds pinned tables is refused; elsewhere it is fine.
		const region = g.host(T0) - (g.host(T0) % (4 << 20));
		expect(g.update([g.host(ROOT) + 8, g.leaf(region, PTE_R | PTE_W)]).why).toBe(
			'a writable megapage over a page table'
		);
		expect(g.update([g.host(ROOT) + 12, g.leaf(region + (8 << 20), PTE_R | PTE_W)]).error).toBe(
			SbiError.success
		);
		expect(g.call(Hypercall.pin, region + (8 << 20) + 0x5000, 0).why).toBe(
			'a page under a writable megapage'
		);
	});

	it('refuses to unpin the current root, or a table a pinned root points to', () => {
		const g = withTables();
		expect(g.call(Hypercall.setRoot, g.host(ROOT)).error).toBe(SbiError.success);
		let r = g.call(Hypercall.unpin, g.host(ROOT));
		expect(r.error).toBe(SbiError.invalidParam);
		expect(r.why).toBe('the current root');
		r = g.call(Hypercall.unpin, g.host(T0));
		expect(r.why).toBe('a table a pinned root points to');
		// Another root current: the old one can go, and then its table.
		const ROOT2 = 0x80103000;
		expect(g.call(Hypercall.pin, g.host(ROOT2), 1).error).toBe(SbiError.success);
		expect(g.call(Hypercall.setRoot, g.host(ROOT2)).error).toBe(SbiError.success);
		expect(g.call(Hypercall.unpin, g.host(ROOT)).error).toBe(SbiError.success);
		expect(g.call(Hypercall.unpin, g.host(T0)).error).toBe(SbiError.success);
		expect(g.pv.pinned.has(g.host(T0))).toBe(false);
	});

	it('refuses a pointer to a table that is not pinned, or to a root', () => {
		const g = withTables();
		let r = g.update([g.host(ROOT) + 4, g.pointer(g.host(PAGE))]);
		expect(r.error).toBe(SbiError.invalidParam);
		expect(r.why).toBe('a pointer to a page that is not a pinned level-0 table');
		r = g.update([g.host(ROOT) + 4, g.pointer(g.host(ROOT))]);
		expect(r.why).toBe('a pointer to a page that is not a pinned level-0 table');
		r = g.update([g.host(T0) + 4, g.pointer(g.host(T0))]);
		expect(r.why).toBe('a pointer in a level-0 table');
		// Pinning validates the same way: a page already holding a pointer to an unpinned page.
		const ROOT2 = 0x80103000;
		g.machine.writeWord(g.host(ROOT2), g.pointer(g.host(PAGE)));
		expect(g.call(Hypercall.pin, g.host(ROOT2), 1).why).toBe(
			'a pointer to a page that is not a pinned level-0 table'
		);
		expect(g.pv.pinned.has(g.host(ROOT2))).toBe(false);
	});

	it('refuses a PTE outside every pinned table, a root that is not pinned, and stops a batch at the first refusal', () => {
		const g = withTables();
		expect(g.update([g.host(PAGE), 0]).why).toBe('a PTE outside every pinned table');
		expect(g.call(Hypercall.setRoot, g.host(T0)).why).toBe(
			'a root that is not a pinned root table'
		);
		const r = g.update(
			[g.host(T0) + 16, g.leaf(g.host(PAGE), PTE_R)],
			[g.host(T0) + 20, g.leaf(g.host(T0), PTE_R | PTE_W)],
			[g.host(T0) + 24, g.leaf(g.host(PAGE), PTE_R)]
		);
		expect(r.error).toBe(SbiError.invalidParam);
		expect(r.value).toBe(1); // applied before the refusal
		expect(g.machine.readWord(g.host(T0) + 16)).not.toBe(0);
		expect(g.machine.readWord(g.host(T0) + 24)).toBe(0);
	});

	it('delivers a trap through the shared page, swapping sp with its sscratch', () => {
		const g = withTables();
		const shared = g.pv.shared;
		g.machine.writeWord(shared + Shared.stvec, 0x80000100);
		g.machine.writeWord(shared + Shared.sscratch, 0x80004000); // the kernel's frame
		g.machine.writeWord(shared + Shared.sstatus, 0);
		// Return to "user mode" through a frame: pc 0x00400000, sp 0x00fff000, a0 = 7.
		const FRAME = 0x80004000;
		for (let n = 0; n < 32; n++) g.machine.writeWord(g.host(FRAME) + n * 4, 0);
		g.machine.writeWord(g.host(FRAME), 0x00400000);
		g.machine.writeWord(g.host(FRAME) + 2 * 4, 0x00fff000);
		g.machine.writeWord(g.host(FRAME) + 10 * 4, 7);
		// Map the frame first: once ROOT is current, the update list is read through it.
		g.update([
			g.host(ROOT) + ((FRAME >>> 22) & 0x3ff) * 4,
			g.leaf(g.host(0x80000000), PTE_R | PTE_X) // read-only: the region holds tables
		]);
		expect(g.call(Hypercall.setRoot, g.host(ROOT)).error).toBe(SbiError.success);
		g.call(Hypercall.sret, FRAME);
		expect(g.pv.lastRefusal).toBeUndefined();
		expect(g.machine.pc).toBe(0x00400000);
		expect(g.machine.readRegister(2)).toBe(0x00fff000);
		expect(g.machine.readRegister(10)).toBe(7);
		// Now a "process" ECALL: delivered to stvec with sp = the frame, the user sp in sscratch.
		g.pv.handle({
			cause: 8,
			interrupt: false,
			tval: 0,
			htval: 0,
			htinst: 0,
			gva: false,
			priv: PRIV_U,
			virt: false,
			pc: 0x00400010
		});
		expect(g.machine.pc >>> 0).toBe(0x80000100);
		expect(g.machine.readRegister(2) >>> 0).toBe(0x80004000);
		expect(g.machine.readWord(shared + Shared.sscratch)! >>> 0).toBe(0x00fff000);
		expect(g.machine.readWord(shared + Shared.sepc)).toBe(0x00400010);
		expect(g.machine.readWord(shared + Shared.scause)).toBe(8);
		// pv_sret refuses a frame the kernel has not mapped, and changes nothing.
		const pc = g.machine.pc;
		expect(g.call(Hypercall.sret, 0x0badf000).why).toBe('a frame the kernel has not mapped');
		expect(g.machine.pc).toBe(pc + 4);
	});
});
