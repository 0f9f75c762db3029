/**
 * The machine's public API (src/lib/emulator/README.md): create from a config, load an ELF or raw image, run in
 * batches with a typed stop reason, read and write registers, CSRs and memory, snapshot and
 * restore. No JavaScript exception escapes `run`: guest behaviour ends in an architectural trap or
 * a StopReason, and an internal fault of the emulator itself becomes a machineError.
 */
import { Hart } from './hart.ts';
import { RAM_BASE } from './constants.ts';
import type { MachineConfig, RunOptions, StopReason, TrapInfo } from './types.ts';
import {
	STOP_BREAKPOINT,
	STOP_BUDGET,
	STOP_ERROR,
	STOP_HALTED,
	STOP_HOST_TRAP,
	STOP_TRAP_LOOP,
	execute
} from './execute.ts';
import { readCsr, writeCsr } from './csr-file.ts';
import { enterTrap } from './trap.ts';
import { PAGE_HAS_HTIF, forgetDecoded, forgetDecodedRange, noteRamStore } from './store-notify.ts';
import { insnsUntilTimer } from './counters.ts';
import { setTimerCompare } from '../devices/clint.ts';
import { flushHostTlb } from '../mmu/host-tlb.ts';
import { GStageWalkCache } from '../mmu/walk-cache.ts';
import { parseElf, type ElfImage } from '../elf/load-elf.ts';
import { placeInRam } from '../elf/place.ts';
import { snapshot, restore, type Snapshot } from './snapshot.ts';

export type LoadResult = { ok: true; image: ElfImage } | { ok: false; error: string };

export interface MachineStats {
	instructions: number;
	trapsByCause: Record<string, number>;
	tlbLookups: number;
	tlbMisses: number;
	/** Fraction of translated accesses served without a page walk; null when nothing was translated. */
	tlbHitRate: number | null;
	/** Page-table entries read by the hardware walks of TLB misses, by stage (S, VS, G). */
	walkReferences: { S: number; VS: number; G: number };
}

const DEFAULT_RAM = 128 * 1024 * 1024;

export class Machine {
	readonly hart: Hart;

	constructor(config: MachineConfig = {}) {
		const ramSize = config.ramSize ?? DEFAULT_RAM;
		if (!Number.isInteger(ramSize) || ramSize < 4096 || ramSize % 4096 !== 0 || ramSize > 2 ** 31)
			throw new RangeError(
				`RAM size ${ramSize} must be a multiple of 4096 between 4 KiB and 2 GiB`
			);
		const tlbEntries = config.tlbEntries ?? 64;
		if (!Number.isInteger(tlbEntries) || tlbEntries < 1 || (tlbEntries & (tlbEntries - 1)) !== 0)
			throw new RangeError(`TLB entries ${tlbEntries} must be a power of two`);
		const divisor = config.timeDivisor ?? 100;
		if (!(divisor >= 1)) throw new RangeError(`time divisor ${divisor} must be at least 1`);
		this.hart = new Hart(ramSize, tlbEntries, divisor, config.uartOut ?? (() => {}));
		const walkCacheEntries = config.walkCacheEntries ?? 0;
		if (
			!Number.isInteger(walkCacheEntries) ||
			walkCacheEntries < 0 ||
			(walkCacheEntries & (walkCacheEntries - 1)) !== 0
		)
			throw new RangeError(`walk cache entries ${walkCacheEntries} must be 0 or a power of two`);
		this.hart.walkCache = new GStageWalkCache(walkCacheEntries);
		this.hart.tlbTags = config.tlbTags ?? true;
		this.hart.hostTrapsHS = config.hostTrapsHS ?? false;
		this.hart.hostTrapsM = config.hostTrapsM ?? false;
		this.setTrace(config.trace);
	}

	setTrace(trace: MachineConfig['trace']): void {
		const h = this.hart;
		h.trace = trace;
		h.traceTraps = !!trace?.traps;
		h.traceMmu = !!trace?.mmu;
	}

	get pc(): number {
		return this.hart.pc >>> 0;
	}
	/** Sets pc; without the C extension a pc must be a multiple of 4 (Unprivileged spec §1.5). */
	set pc(v: number) {
		if (v & 3) throw new RangeError(`pc 0x${(v >>> 0).toString(16)} is not a multiple of 4`);
		this.hart.pc = v | 0;
	}

	/**
	 * Loads an ELF32 executable into RAM, sets pc to its entry and finds HTIF tohost/fromhost.
	 * Header bytes that a linker put below RAM are left out (elf/place.ts); code or data outside
	 * RAM, or an entry point that cannot be fetched, is refused with a message saying why.
	 */
	loadElf(bytes: Uint8Array): LoadResult {
		const parsed = parseElf(bytes);
		if (!parsed.ok) return parsed;
		const image = parsed.image;
		const placed = placeInRam(image, RAM_BASE, this.hart.ramSize);
		if (!placed.ok) return placed;
		const entryError = this.entryError(image.entry);
		if (entryError) return { ok: false, error: entryError };
		for (const piece of placed.pieces) {
			this.hart.ram.set(piece.bytes, piece.offset);
			const zerosAt = piece.offset + piece.bytes.length;
			this.hart.ram.fill(0, zerosAt, zerosAt + piece.zeros);
		}
		forgetDecoded(this.hart);
		this.hart.pc = image.entry | 0;
		const tohost = image.symbols.find((s) => s.name === 'tohost');
		const fromhost = image.symbols.find((s) => s.name === 'fromhost');
		this.setHtif(tohost?.value ?? -1, fromhost?.value ?? -1);
		return { ok: true, image };
	}

	/**
	 * Loads an assembled image (sections at their addresses, symbols, entry point), as produced by
	 * the assembler in src/lib/emulator/asm.
	 */
	loadImage(image: {
		sections: readonly { name?: string; address: number; bytes: Uint8Array }[];
		symbols: readonly { name: string; value: number }[];
		entry: number;
	}): { ok: true } | { ok: false; error: string } {
		const top = RAM_BASE + this.hart.ramSize;
		for (const sec of image.sections) {
			if (sec.bytes.length === 0) continue;
			if (sec.address < RAM_BASE || sec.address + sec.bytes.length > top)
				return {
					ok: false,
					error: `section ${sec.name ?? ''} at 0x${sec.address.toString(16)} (${sec.bytes.length} bytes) lies outside RAM 0x80000000–0x${top.toString(16)}`
				};
		}
		const entryError = this.entryError(image.entry);
		if (entryError) return { ok: false, error: entryError };
		for (const sec of image.sections) this.hart.ram.set(sec.bytes, sec.address - RAM_BASE);
		forgetDecoded(this.hart);
		this.hart.pc = image.entry | 0;
		const find = (name: string) => image.symbols.find((s) => s.name === name)?.value ?? -1;
		this.setHtif(find('tohost'), find('fromhost'));
		return { ok: true };
	}

	/**
	 * Why execution cannot start at `entry`, or undefined. Without the C extension every
	 * instruction address is a multiple of 4 (Unprivileged spec §1.5, IALIGN = 32); the machine
	 * starts in M-mode with paging off, so the entry must also lie in RAM.
	 */
	private entryError(entry: number): string | undefined {
		const top = RAM_BASE + this.hart.ramSize;
		const at = `entry point 0x${(entry >>> 0).toString(16).padStart(8, '0')}`;
		if (entry & 3)
			return `${at} is not a multiple of 4: this machine has no compressed (C) instructions, so it cannot fetch from there`;
		if (entry >>> 0 < RAM_BASE || entry >>> 0 >= top)
			return `${at} lies outside RAM 0x80000000–0x${top.toString(16)}: the first fetch would fault`;
		return undefined;
	}

	/** Places the HTIF mailbox (physical addresses in RAM), or removes it with -1. */
	setHtif(tohost: number, fromhost: number): void {
		const h = this.hart;
		if (h.tohost >= 0) h.pageFlags[(h.tohost - RAM_BASE) >>> 12] &= ~PAGE_HAS_HTIF;
		const inRam = tohost >= RAM_BASE && tohost + 8 <= RAM_BASE + h.ramSize;
		h.tohost = inRam ? (tohost & ~3) >>> 0 : -1;
		h.fromhost = fromhost;
		if (inRam) h.pageFlags[(tohost - RAM_BASE) >>> 12] |= PAGE_HAS_HTIF;
	}

	/**
	 * Copies bytes into physical memory (RAM only), forgetting the pre-decoded instructions of those
	 * bytes; returns false if the range is not all RAM.
	 */
	writeMemory(pa: number, bytes: Uint8Array): boolean {
		const off = pa - RAM_BASE;
		if (off < 0 || off + bytes.length > this.hart.ramSize) return false;
		this.hart.ram.set(bytes, off);
		forgetDecodedRange(this.hart, off, bytes.length);
		return true;
	}

	/** Reads physical memory (RAM only); undefined if the range is not all RAM. */
	readMemory(pa: number, length: number): Uint8Array | undefined {
		const off = pa - RAM_BASE;
		if (off < 0 || length < 0 || off + length > this.hart.ramSize) return undefined;
		return this.hart.ram.slice(off, off + length);
	}

	/** Reads an aligned 32-bit word of physical RAM; undefined outside RAM or unaligned. */
	readWord(pa: number): number | undefined {
		const off = pa - RAM_BASE;
		if (off < 0 || off > this.hart.ramSize - 4 || off & 3) return undefined;
		return this.hart.ram32[off >>> 2] >>> 0;
	}

	/**
	 * Writes an aligned 32-bit word of physical RAM as a store would: a pre-decoded instruction of
	 * that word is forgotten, and the HTIF mailbox is watched. For a host that edits page tables
	 * word by word. Returns false outside RAM or unaligned.
	 */
	writeWord(pa: number, v: number): boolean {
		const off = pa - RAM_BASE;
		if (off < 0 || off > this.hart.ramSize - 4 || off & 3) return false;
		this.hart.ram32[off >>> 2] = v;
		noteRamStore(this.hart, off);
		return true;
	}

	readRegister(i: number): number {
		return this.hart.x[i & 31] | 0;
	}
	writeRegister(i: number, v: number): void {
		if ((i & 31) !== 0) this.hart.x[i & 31] = v;
	}

	/** Reads a CSR as the debugger sees it (no privilege checks); undefined if not implemented. */
	readCsr(csr: number): number | undefined {
		const v = readCsr(this.hart, csr);
		return v === undefined ? undefined : v >>> 0;
	}
	/** Writes a CSR with its WARL rules (no privilege checks); false if not implemented. */
	writeCsr(csr: number, v: number): boolean {
		if (readCsr(this.hart, csr) === undefined) return false;
		writeCsr(this.hart, csr, v);
		flushHostTlb(this.hart);
		return true;
	}

	/**
	 * Forgets every cached translation (what SFENCE.VMA with x0, x0 and HFENCE.GVMA do together),
	 * for a host that has rewritten page tables the hardware may have cached.
	 */
	flushTlb(): void {
		this.hart.tlb.flushAll();
		this.hart.walkCache.flush();
		flushHostTlb(this.hart);
	}

	/**
	 * Sets the CLINT's mtimecmp, as firmware does for SBI set_timer: a deadline in mtime ticks;
	 * 2^53 or more (the SBI's "never", 2^64 − 1, say) disarms it.
	 */
	setTimerCompare(deadline: number): void {
		if (deadline >= 2 ** 53 || !(deadline >= 0)) setTimerCompare(this.hart, 0xffffffff, 0xffffffff);
		else setTimerCompare(this.hart, Math.floor(deadline / 2 ** 32), deadline % 2 ** 32);
	}

	/** mtimecmp as a number (Infinity when disarmed), for a host that records it. */
	get timerCompare(): number {
		return this.hart.mtimecmp;
	}

	/** Privilege level (0 U, 1 S, 3 M) and V. */
	get mode(): { priv: number; virt: boolean } {
		return { priv: this.hart.priv, virt: this.hart.virt === 1 };
	}
	setMode(priv: number, virt: boolean): void {
		this.hart.priv = priv === 3 || priv === 1 ? priv : 0;
		this.hart.virt = virt && this.hart.priv !== 3 ? 1 : 0;
		flushHostTlb(this.hart);
	}

	/** Queues bytes for the UART receiver. */
	uartInput(bytes: Iterable<number>): void {
		this.hart.uart.pushInput(bytes);
	}

	/** Breakpoints are physical addresses of instructions. */
	setBreakpoint(pa: number): void {
		this.hart.breakpoints.add(pa >>> 0);
		forgetDecoded(this.hart);
	}
	clearBreakpoint(pa: number): void {
		this.hart.breakpoints.delete(pa >>> 0);
		forgetDecoded(this.hart);
	}

	/**
	 * Runs until something stops the machine or the budget is spent. The budget, `maxInsns`, counts
	 * instructions retired and trap entries, one each, so that every run ends: a guest whose trap
	 * handler faults again (a trap vector of 0, say) enters traps without retiring anything. A
	 * `budget` stop means the whole budget was spent. Resuming at a breakpoint that stopped the
	 * previous run executes that instruction first.
	 */
	run(options: RunOptions): StopReason {
		const h = this.hart;
		let budget = options.maxInsns;
		if (!Number.isSafeInteger(budget) || budget < 0)
			return {
				kind: 'machineError',
				message: `budget ${budget} must be a whole number from 0 to 2^53 − 1 (${Number.MAX_SAFE_INTEGER})`
			};
		const spentBefore = h.instret + h.trapEntries;
		try {
			if (h.pendingHostTrap) h.pendingHostTrap = null;
			// Resume past the breakpoint the last run stopped at, found by its physical address
			// (the pc may be virtual), by running that one instruction without it.
			const here = h.stoppedAtBreakpoint;
			h.stoppedAtBreakpoint = -1;
			if (here >= 0 && h.breakpoints.has(here) && budget > 0) {
				h.breakpoints.delete(here);
				forgetDecoded(h);
				const code = execute(h, 1);
				h.breakpoints.add(here);
				forgetDecoded(h);
				if (code !== STOP_BUDGET) return this.reason(code);
				budget -= 1;
			}
			return this.reason(execute(h, budget));
		} catch (e) {
			return { kind: 'machineError', message: `internal emulator error: ${(e as Error).message}` };
		} finally {
			this.spentByLastRun = h.instret + h.trapEntries - spentBefore;
		}
	}

	/**
	 * The budget the last `run` spent: instructions retired plus traps entered. A trap handed to
	 * the host is not entered, so it spends nothing; the host counts its own work.
	 */
	get lastRunSpent(): number {
		return this.spentByLastRun;
	}
	private spentByLastRun = 0;

	/**
	 * Lets time pass as WFI does when nothing is pending: the model core idles until the machine
	 * timer fires (cycles pass, instructions do not). For a host that emulates WFI. Returns the
	 * cycles skipped (0 when the timer is off or already due).
	 */
	idleUntilTimer(): number {
		const idle = insnsUntilTimer(this.hart);
		if (idle === Infinity) return 0;
		this.hart.stallCycles += idle;
		return idle;
	}

	step(): StopReason {
		return this.run({ maxInsns: 1 });
	}

	/**
	 * The host's answer to a hostTrap it does not handle itself: enter the trap as hardware would
	 * (it goes where medeleg/mideleg send it, HS-mode or M-mode).
	 */
	deliverTrap(trap: TrapInfo): void {
		const h = this.hart;
		const saved = [h.hostTrapsHS, h.hostTrapsM] as const;
		h.hostTrapsHS = h.hostTrapsM = false;
		enterTrap(h, trap.cause, trap.interrupt, trap.tval, trap.htval, trap.htinst, trap.gva);
		[h.hostTrapsHS, h.hostTrapsM] = saved;
	}

	private reason(code: number): StopReason {
		const h = this.hart;
		switch (code) {
			case STOP_HALTED:
				return { kind: 'halted', exitCode: h.haltCode };
			case STOP_HOST_TRAP:
				return { kind: 'hostTrap', trap: h.pendingHostTrap! };
			case STOP_BREAKPOINT:
				return { kind: 'breakpoint', pc: h.pc >>> 0 };
			case STOP_ERROR:
				return { kind: 'machineError', message: h.errorMessage };
			case STOP_TRAP_LOOP:
				return { kind: 'trapLoop', ...h.trapLoop! };
			default:
				return { kind: 'budget' };
		}
	}

	/** Instructions retired since creation. */
	get instret(): number {
		return this.hart.instret;
	}

	stats(): MachineStats {
		const h = this.hart;
		const trapsByCause: Record<string, number> = {};
		h.trapCounts.forEach((n, c) => {
			if (n > 0) trapsByCause[String(c)] = n;
		});
		h.interruptCounts.forEach((n, c) => {
			if (n > 0) trapsByCause[`interrupt ${c}`] = n;
		});
		return {
			instructions: h.instret,
			trapsByCause,
			tlbLookups: h.tlbLookups,
			tlbMisses: h.tlbMisses,
			tlbHitRate: h.tlbLookups > 0 ? 1 - h.tlbMisses / h.tlbLookups : null,
			walkReferences: { S: h.walkRefsS, VS: h.walkRefsVS, G: h.walkRefsG }
		};
	}

	/** A copy of the complete machine state; `{ ram: false }` leaves RAM out (snapshot.ts). */
	snapshot(options?: { ram?: boolean }): Snapshot {
		return snapshot(this.hart, options);
	}
	/** Restores a snapshot; returns an error message if it does not fit this machine. */
	restore(s: Snapshot): string | undefined {
		return restore(this.hart, s);
	}
}

export type { Snapshot };
