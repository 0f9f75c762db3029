/**
 * pv mode: paravirtualization, the Xen approach (vmm/pv-abi.md is the interface). The modified
 * guest kernel runs deprivileged in real U-mode, like trap mode's, but never executes a privileged
 * instruction: it keeps its virtual CSRs in a page shared with the monitor, asks for what it cannot
 * do with hypercalls, and writes its page tables — which the hardware walks directly, holding host
 * frame numbers — only through validated, batched `pv_mmu_update` calls. What still exits: the
 * hypercalls, the traps of guest processes (delivered to the kernel in software), the timer.
 */
import { Csr } from '../isa/csr.ts';
import {
	Cause,
	Irq,
	MSTATUS_SIE,
	MSTATUS_SPIE,
	MSTATUS_SPP,
	PRIV_S,
	PRIV_U
} from '../machine/constants.ts';
import type { TrapInfo } from '../machine/types.ts';
import { PTE_A, PTE_D, PTE_R, PTE_U, PTE_V, PTE_W, PTE_X } from '../mmu/pte.ts';
import { ExitBuilder } from './exit-builder.ts';
import { GUEST_RAM_BASE, gpaToHpa, type Booted } from './guest-memory.ts';
import { MonitorMemory } from './monitor-memory.ts';
import {
	answerSbiCall,
	argumentRegisters,
	armHostTimer,
	sbiPlatform,
	type Monitor,
	type MonitorContext,
	claimGuestTraps,
	enterKernel
} from './monitor.ts';
import { Sbi, SbiError, type SbiPlatform } from './sbi.ts';

/** Hypercall numbers (a6), as pv-abi.md lists them. */
export const Hypercall = {
	sret: 0,
	mmuUpdate: 1,
	pin: 2,
	unpin: 3,
	setRoot: 4,
	flushTlb: 5,
	block: 6,
	syncInterrupts: 7,
	consoleWrite: 8
} as const;
const HYPERCALL_NAMES = Object.fromEntries(
	Object.entries(Hypercall).map(([k, v]) => [
		v,
		`pv_${k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}`
	])
);

/** Word offsets in the shared page (pv-abi.md, "The shared page"). */
export const Shared = {
	sepc: 0,
	scause: 4,
	stval: 8,
	sstatus: 12,
	sip: 16,
	sie: 20,
	stvec: 24,
	sscratch: 28,
	hpaOffset: 32
} as const;
const SHARED_NAMES: Record<number, string> = Object.fromEntries(
	Object.entries(Shared).map(([k, v]) => [v, k])
);

/** Most PTE updates one pv_mmu_update may carry (Xen's batches go up to 2,048). */
export const MAX_BATCH = 2048;
const KERNEL_HALF = 512;
const MEGA = 4 << 20;

/** Why the monitor refused a hypercall (kept for tests and the exit stepper). */
export type Refusal = string | undefined;

export class Paravirtual implements Monitor {
	readonly mode = 'pv';
	private readonly memory: MonitorMemory;
	private readonly sbi: SbiPlatform;
	private current: ExitBuilder | null = null;
	/** Virtual privilege: PRIV_S while the kernel runs. */
	private priv: number = PRIV_S;
	/** Host address of the shared page. */
	readonly shared: number;
	readonly sharedGpa: number;
	/** The monitor's boot table (4 KiB entries, so pinned frames can lose W one by one). */
	private bootRoot = 0;
	private readonly bootLeaves = new Map<number, number>(); // frame HPA → its boot-table PTE address
	/** Pinned tables: frame HPA → level; and the user copies of pinned roots. */
	readonly pinned = new Map<number, number>();
	private readonly userCopy = new Map<number, number>();
	/** Pages of the monitor's memory that held user copies of roots since unpinned. */
	private readonly spareCopies: number[] = [];
	/** Writable mappings of each frame (4 KiB leaves) and of each 4 MiB region (megapages). */
	private readonly writableFrames = new Map<number, number>();
	private readonly writableRegions = new Map<number, number>();
	private readonly pinnedPerRegion = new Map<number, number>();
	/** How many pinned roots point to each pinned level-0 table. */
	private readonly references = new Map<number, number>();
	/** The guest's current root (host address), or 0 while it runs on the boot table. */
	private root = 0;
	/** Why the last refused hypercall was refused. */
	lastRefusal: Refusal;

	constructor(private readonly ctx: MonitorContext) {
		this.memory = new MonitorMemory(ctx.machine);
		this.sbi = sbiPlatform(ctx, (deadline) => this.setTimer(deadline));
		this.sharedGpa = GUEST_RAM_BASE + ctx.mem.ramSize - 4096;
		this.shared = gpaToHpa(ctx.mem, this.sharedGpa);
	}

	boot(booted: Booted): void {
		const m = this.ctx.machine;
		claimGuestTraps(m);
		m.writeCsr(Csr.scounteren, 0b111);
		this.buildBootTable();
		this.write(Shared.hpaOffset, this.ctx.mem.hpaBase - GUEST_RAM_BASE);
		m.setMode(PRIV_U, false);
		this.applyRoot();
		enterKernel(m, booted);
		m.writeRegister(12, this.sharedGpa);
	}

	/** Guest RAM at its guest physical addresses, read-write, one 4 KiB entry per page. */
	private buildBootTable(): void {
		const m = this.ctx.machine;
		this.bootRoot = this.memory.allocate();
		const pages = this.ctx.mem.ramSize / 4096;
		for (let i = 0; i < pages; i += 1024) {
			const table = this.memory.allocate();
			const gpa = GUEST_RAM_BASE + i * 4096;
			m.writeWord(
				this.bootRoot + Math.floor(gpa / 2 ** 22) * 4,
				(((table >>> 12) << 10) | PTE_V) >>> 0
			);
			for (let j = 0; j < 1024 && i + j < pages; j++) {
				const hpa = this.ctx.mem.hpaBase + (i + j) * 4096;
				const at = table + j * 4;
				m.writeWord(
					at,
					(((hpa >>> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D) >>> 0
				);
				this.bootLeaves.set(hpa, at);
			}
		}
	}

	private read(offset: number): number {
		return this.ctx.machine.readWord(this.shared + offset)! | 0;
	}

	/** Writes a word of the shared page; with an exit, records it as a `writeState` step. */
	/**
	 * Writes a word of the shared page. With an exit, the write is recorded as a change (so the
	 * exit can be stepped back) and, unless it is part of a trap delivery (whose `inject` step
	 * already costs the four trap-state writes), as a costed step.
	 */
	private write(offset: number, v: number, exit?: ExitBuilder, partOfDelivery = false): void {
		const before = this.read(offset);
		this.ctx.machine.writeWord(this.shared + offset, v);
		if (!exit) return;
		const name = `shared ${SHARED_NAMES[offset]}`;
		if (partOfDelivery) exit.change(name, before, v);
		else exit.step({ kind: 'writeState', name, before: before >>> 0, after: v >>> 0 });
	}

	/** The hardware root for the current privilege: the guest's root, or its user copy. */
	private applyRoot(exit?: ExitBuilder): void {
		const m = this.ctx.machine;
		let table = this.bootRoot;
		if (this.root) table = this.priv === PRIV_S ? this.root : this.userCopy.get(this.root)!;
		const satp = ((1 << 31) | (table >>> 12)) >>> 0;
		const before = m.readCsr(Csr.satp)! >>> 0;
		if (before !== satp) {
			if (exit) exit.setCsr(Csr.satp, satp);
			else m.writeCsr(Csr.satp, satp);
			m.flushTlb();
		}
	}

	handle(trap: TrapInfo): void {
		if (trap.interrupt) {
			if (trap.cause === Irq.MTI) return this.timerInterrupt(trap);
			this.ctx.end = {
				kind: 'exit',
				exitCode: 1,
				how: `monitor: unexpected interrupt ${trap.cause}`
			};
			return;
		}
		if (trap.cause === Cause.ecallFromU && this.priv === PRIV_S) {
			const a7 = this.ctx.machine.readRegister(17) >>> 0;
			return a7 === Sbi.virtlab ? this.hypercall(trap) : this.sbiCall(trap);
		}
		// Everything else is the guest's own trap: deliver it to the kernel, in software.
		const exit = new ExitBuilder(this.ctx, trap);
		this.deliver(exit, trap.cause, false, trap.tval, trap.pc);
		exit.finish('guestTrap');
	}

	// --- trap delivery through the shared page ------------------------------------------------

	/**
	 * What the hardware does on a trap, done in software: sepc, scause, stval and the sstatus bits
	 * in the shared page, the kernel's address space, the stack switch (sp swapped with the shared
	 * page's sscratch, where the kernel keeps its frame pointer: Xen's stack switch on delivery),
	 * and a jump to the shared stvec.
	 */
	private deliver(
		exit: ExitBuilder,
		cause: number,
		interrupt: boolean,
		tval: number,
		pc: number
	): void {
		const m = this.ctx.machine;
		const status = this.read(Shared.sstatus);
		let s = status & ~(MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP);
		if (status & MSTATUS_SIE) s |= MSTATUS_SPIE;
		if (this.priv === PRIV_S) s |= MSTATUS_SPP;
		this.write(Shared.sepc, pc, exit, true);
		this.write(Shared.scause, (interrupt ? 0x80000000 : 0) | cause | 0, exit, true);
		this.write(Shared.stval, tval, exit, true);
		this.write(Shared.sstatus, s, exit, true);
		const frame = this.read(Shared.sscratch);
		this.write(Shared.sscratch, m.readRegister(2), exit);
		exit.setRegister(2, frame);
		exit.step({
			kind: 'inject',
			what: `${interrupt ? 'interrupt' : 'exception'} ${cause} into the guest kernel (shared page)`
		});
		if (this.priv !== PRIV_S) exit.change('virtual privilege', this.priv, PRIV_S);
		this.priv = PRIV_S;
		this.applyRoot(exit);
		exit.setPc(this.read(Shared.stvec) & ~3);
	}

	/** Delivers a pending, enabled virtual interrupt if the guest can take it now. */
	private deliverPending(exit: ExitBuilder): void {
		const ready = this.read(Shared.sip) & this.read(Shared.sie) & (1 << Irq.STI);
		if (!ready) return;
		if (this.priv === PRIV_S && !(this.read(Shared.sstatus) & MSTATUS_SIE)) return;
		this.deliver(exit, Irq.STI, true, 0, this.ctx.machine.pc);
	}

	private timerInterrupt(trap: TrapInfo): void {
		const m = this.ctx.machine;
		const exit = new ExitBuilder(this.ctx, trap);
		exit.setCsr(Csr.mie, m.readCsr(Csr.mie)! & ~(1 << Irq.MTI));
		this.write(Shared.sip, this.read(Shared.sip) | (1 << Irq.STI), exit);
		this.deliverPending(exit);
		exit.finish('timer');
	}

	private setTimer(deadline: number): void {
		armHostTimer(this.ctx, deadline, this.current);
		this.write(Shared.sip, this.read(Shared.sip) & ~(1 << Irq.STI), this.current ?? undefined);
	}

	private sbiCall(trap: TrapInfo): void {
		answerSbiCall(
			this.ctx,
			trap,
			this.sbi,
			(e) => (this.current = e),
			(e) => this.deliverPending(e)
		);
	}

	// --- hypercalls ---------------------------------------------------------------------------

	private hypercall(trap: TrapInfo): void {
		const m = this.ctx.machine;
		const a = argumentRegisters(m);
		const fn = a[6] >>> 0;
		const exit = (this.current = new ExitBuilder(this.ctx, trap, 0x00000073));
		exit.step({ kind: 'firmware', call: HYPERCALL_NAMES[fn] ?? `pv_unknown(${fn})` });
		const done = (a0: number, a1 = 0) => {
			exit.setRegister(10, a0);
			exit.setRegister(11, a1);
			exit.setPc(trap.pc + 4);
		};
		/** A validated call: success, or invalid_param with the reason kept in lastRefusal. */
		const checked = (why: Refusal, a1 = 0) => {
			this.lastRefusal = why;
			done(why === undefined ? SbiError.success : SbiError.invalidParam, a1);
		};
		switch (fn) {
			case Hypercall.sret: {
				const why = this.sret(exit, a[0] >>> 0);
				if (why !== undefined) checked(why);
				break;
			}
			case Hypercall.mmuUpdate: {
				const applied = this.mmuUpdate(exit, a[0] >>> 0, a[1] >>> 0);
				checked(applied.refused, applied.count);
				break;
			}
			case Hypercall.pin:
				checked(this.pin(exit, a[0] >>> 0, a[1]));
				break;
			case Hypercall.unpin:
				checked(this.unpin(a[0] >>> 0));
				break;
			case Hypercall.setRoot:
				checked(this.setRoot(exit, a[0] >>> 0));
				break;
			case Hypercall.flushTlb:
				m.flushTlb();
				done(SbiError.success);
				break;
			case Hypercall.block: {
				if ((this.read(Shared.sip) & this.read(Shared.sie)) === 0) {
					const idle = m.idleUntilTimer();
					if (idle > 0) exit.step({ kind: 'idle', cycles: idle });
					else if ((m.readCsr(Csr.mie)! & (1 << Irq.MTI)) === 0)
						this.ctx.end = {
							kind: 'exit',
							exitCode: 1,
							how: 'the guest blocks with no timer armed and no interrupt pending: it would wait forever'
						};
				}
				done(SbiError.success);
				break;
			}
			case Hypercall.syncInterrupts:
				done(SbiError.success); // deliverPending, below, does it
				break;
			case Hypercall.consoleWrite: {
				const written = this.consoleWrite(exit, a[0] >>> 0, a[1] >>> 0);
				done(written < 0 ? SbiError.invalidParam : SbiError.success, Math.max(written, 0));
				break;
			}
			default:
				done(SbiError.notSupported);
		}
		this.deliverPending(exit);
		exit.finish('hypercall');
		this.current = null;
	}

	/**
	 * pv_sret(frame): Xen's iret. Restores pc (word 0) and x1…x31 (word n = xn) from the frame at
	 * guest virtual `frame` (in the kernel's address space), the privilege from the shared SPP and
	 * SIE from SPIE. Refused, with nothing changed, if the frame is not mapped.
	 */
	private sret(exit: ExitBuilder, frame: number): Refusal {
		const m = this.ctx.machine;
		if (frame % 4) return 'a misaligned frame';
		const words: number[] = [];
		for (let n = 0; n < 32; n++) {
			const hpa = this.guestVirtualToHost(frame + n * 4);
			if (hpa < 0) return 'a frame the kernel has not mapped';
			words.push(m.readWord(hpa)! >>> 0);
		}
		exit.step({ kind: 'readState', name: 'frame', value: frame });
		const status = this.read(Shared.sstatus);
		const priv = status & MSTATUS_SPP ? PRIV_S : PRIV_U;
		let s = status & ~(MSTATUS_SIE | MSTATUS_SPP);
		if (status & MSTATUS_SPIE) s |= MSTATUS_SIE;
		this.write(Shared.sstatus, s | MSTATUS_SPIE, exit);
		if (priv !== this.priv) exit.change('virtual privilege', this.priv, priv);
		this.priv = priv;
		for (let n = 1; n < 32; n++) exit.setRegister(n, words[n]);
		exit.setPc(words[0] & ~1);
		this.applyRoot(exit);
		return undefined;
	}

	private setRoot(exit: ExitBuilder, table: number): Refusal {
		if (this.pinned.get(table) !== 1) return 'a root that is not a pinned root table';
		this.root = table;
		this.applyRoot(exit);
		this.ctx.machine.flushTlb();
		return undefined;
	}

	/**
	 * Host address that `va` maps to in the kernel's address space (its current root, or the boot
	 * table before it has one), for reading hypercall arguments; -1 if it maps nothing of the guest.
	 */
	private guestVirtualToHost(va: number): number {
		const m = this.ctx.machine;
		va >>>= 0;
		const root = this.root || this.bootRoot;
		const rootEntry = m.readWord(root + (va >>> 22) * 4) ?? 0;
		if (!(rootEntry & PTE_V)) return -1;
		let hpa: number;
		if (rootEntry & (PTE_R | PTE_X)) hpa = (rootEntry >>> 20) * 2 ** 22 + (va & 0x3fffff);
		else {
			const leaf = m.readWord((rootEntry >>> 10) * 4096 + ((va >>> 12) & 0x3ff) * 4) ?? 0;
			if (!(leaf & PTE_V) || !(leaf & (PTE_R | PTE_X))) return -1;
			hpa = (leaf >>> 10) * 4096 + (va & 0xfff);
		}
		return this.inGuest(hpa) ? hpa : -1;
	}

	private consoleWrite(exit: ExitBuilder, va: number, length: number): number {
		const bytes: number[] = [];
		for (let i = 0; i < length; i++) {
			const hpa = this.guestVirtualToHost(va + i);
			const byte = hpa < 0 ? undefined : this.ctx.machine.readMemory(hpa, 1)?.[0];
			if (byte === undefined) return -1;
			bytes.push(byte);
		}
		for (const b of bytes) this.ctx.console.out(b);
		exit.step({ kind: 'device', device: 'console', offset: 0, write: true, value: length });
		return length;
	}

	// --- direct paging: validation (Barham et al. 2003, §3.3.3) --------------------------------

	private inGuest(hpa: number): boolean {
		return hpa >= this.ctx.mem.hpaBase && hpa < this.ctx.mem.hpaBase + this.ctx.mem.ramSize;
	}

	/** The 4 MiB region (host address) a frame lies in. */
	private regionOf(hpa: number): number {
		return hpa - (hpa % MEGA);
	}

	/** Why `pte` may not stand at `level`, or undefined when it may. */
	invalid(pte: number, level: number): Refusal {
		if (!(pte & PTE_V)) return undefined;
		const frame = (pte >>> 10) * 4096;
		const leaf = (pte & (PTE_R | PTE_X)) !== 0;
		if (!leaf) {
			if (level !== 1) return 'a pointer in a level-0 table';
			return this.pinned.get(frame) === 0
				? undefined
				: 'a pointer to a page that is not a pinned level-0 table';
		}
		if (level === 1) {
			if ((pte >>> 10) & 0x3ff) return 'a misaligned megapage';
			if (!this.inGuest(frame) || !this.inGuest(frame + MEGA - 1))
				return 'a megapage outside the guest';
			if (pte & PTE_W && (this.pinnedPerRegion.get(frame) ?? 0) > 0)
				return 'a writable megapage over a page table';
			return undefined;
		}
		if (!this.inGuest(frame)) return 'a frame outside the guest';
		if (pte & PTE_W && this.pinned.has(frame)) return 'a writable mapping of a page table';
		return undefined;
	}

	/** Counts (+1) or uncounts (−1) what an entry maps, for the writable-mapping checks. */
	private account(pte: number, level: number, delta: number): void {
		if (!(pte & PTE_V)) return;
		const frame = (pte >>> 10) * 4096;
		if (!(pte & (PTE_R | PTE_X))) {
			this.references.set(frame, (this.references.get(frame) ?? 0) + delta);
			return;
		}
		if (!(pte & PTE_W)) return;
		const map = level === 1 ? this.writableRegions : this.writableFrames;
		map.set(frame, (map.get(frame) ?? 0) + delta);
	}

	/** Leaves get U, A and D: the kernel runs in U-mode and A/D tracking is not in the interface. */
	private installed(pte: number): number {
		return (pte & PTE_V && pte & (PTE_R | PTE_X) ? pte | PTE_U | PTE_A | PTE_D : pte) >>> 0;
	}

	/** pv_mmu_update: applies (PTE host address, value) pairs in order until one is refused. */
	private mmuUpdate(
		exit: ExitBuilder,
		listVa: number,
		count: number
	): { count: number; refused?: Refusal } {
		const m = this.ctx.machine;
		if (count > MAX_BATCH) return { count: 0, refused: `more than ${MAX_BATCH} updates` };
		let applied = 0;
		let refused: Refusal;
		for (; applied < count; applied++) {
			const at = this.guestVirtualToHost(listVa + applied * 8);
			const atValue = this.guestVirtualToHost(listVa + applied * 8 + 4);
			if (at < 0 || atValue < 0 || (listVa + applied * 8) % 4) {
				refused = 'an update list the kernel has not mapped';
				break;
			}
			const ptr = m.readWord(at)! >>> 0;
			const value = m.readWord(atValue)! >>> 0;
			const table = ptr - (ptr % 4096);
			const level = this.pinned.get(table);
			if (level === undefined || ptr % 4) {
				refused = 'a PTE outside every pinned table';
				break;
			}
			refused = this.invalid(value, level);
			if (refused) break;
			const old = m.readWord(ptr)! >>> 0;
			const pte = this.installed(value);
			this.account(old, level, -1);
			this.account(pte, level, +1);
			m.writeWord(ptr, pte);
			const index = (ptr % 4096) / 4;
			const copy = this.userCopy.get(table);
			if (copy !== undefined && index < KERNEL_HALF) m.writeWord(copy + index * 4, pte);
			exit.step({ kind: 'installEntry', table: 'guest', address: ptr, pte, level });
		}
		if (applied > 0) m.flushTlb();
		return { count: applied, refused };
	}

	/** pv_pin: validates every entry of the page and makes it a page table of `level`. */
	private pin(exit: ExitBuilder, table: number, level: number): Refusal {
		const m = this.ctx.machine;
		if (table % 4096 || !this.inGuest(table)) return 'not a page of the guest';
		if (level !== 0 && level !== 1) return 'a level other than 0 or 1';
		if (this.pinned.has(table)) return 'a page pinned already';
		if ((this.writableFrames.get(table) ?? 0) > 0) return 'a page mapped writable';
		if ((this.writableRegions.get(this.regionOf(table)) ?? 0) > 0)
			return 'a page under a writable megapage';
		if (table === this.shared) return 'the shared page';
		const gpa = table - this.ctx.mem.hpaBase + GUEST_RAM_BASE;
		for (let i = 0; i < 1024; i++) {
			const pte = m.readWord(table + i * 4)! >>> 0;
			exit.step({ kind: 'readGuestTable', gpa: gpa + i * 4, pte, level });
			const why = this.invalid(pte, level);
			if (why) return why;
		}
		for (let i = 0; i < 1024; i++) {
			const pte = this.installed(m.readWord(table + i * 4)! >>> 0);
			m.writeWord(table + i * 4, pte);
			this.account(pte, level, +1);
		}
		this.pinned.set(table, level);
		const region = this.regionOf(table);
		this.pinnedPerRegion.set(region, (this.pinnedPerRegion.get(region) ?? 0) + 1);
		// The boot table must not leave the new page table writable either.
		const boot = this.bootLeaves.get(table);
		if (boot !== undefined) m.writeWord(boot, m.readWord(boot)! & ~PTE_W);
		if (level === 1) {
			const copy = this.spareCopies.pop() ?? this.memory.allocate();
			for (let i = 0; i < 1024; i++)
				m.writeWord(copy + i * 4, i < KERNEL_HALF ? m.readWord(table + i * 4)! : 0);
			this.userCopy.set(table, copy);
		}
		m.flushTlb();
		return undefined;
	}

	/** pv_unpin: the page stops being a page table (its own entries stop counting). */
	private unpin(table: number): Refusal {
		const m = this.ctx.machine;
		const level = this.pinned.get(table);
		if (level === undefined) return 'a page that is not pinned';
		if (table === this.root) return 'the current root';
		if ((this.references.get(table) ?? 0) > 0) return 'a table a pinned root points to';
		for (let i = 0; i < 1024; i++) this.account(m.readWord(table + i * 4)! >>> 0, level, -1);
		this.pinned.delete(table);
		const region = this.regionOf(table);
		this.pinnedPerRegion.set(region, this.pinnedPerRegion.get(region)! - 1);
		const boot = this.bootLeaves.get(table);
		if (boot !== undefined) m.writeWord(boot, m.readWord(boot)! | PTE_W);
		const copy = this.userCopy.get(table);
		if (copy !== undefined) {
			this.userCopy.delete(table);
			this.spareCopies.push(copy);
		}
		m.flushTlb();
		return undefined;
	}
}
