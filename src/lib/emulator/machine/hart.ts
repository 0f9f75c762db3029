/**
 * The complete state of the hart and its memory, as flat numbers and typed arrays (no objects in
 * the hot path, everything serializable by `snapshot`). Behaviour lives in the functions that take
 * a Hart: execute.ts (the interpreter loop), csr-file.ts, trap.ts, memory-access.ts, ../mmu/*.
 *
 * Integer-valued fields hold signed 32-bit values (`| 0`) unless noted; 64-bit counters are plain
 * numbers (exact up to 2^53).
 */
import { PRIV_M, RAM_BASE } from './constants.ts';
import type { TraceOptions, TrapInfo, TrapSite } from './types.ts';
import { Tlb } from '../mmu/tlb.ts';
import { GStageWalkCache } from '../mmu/walk-cache.ts';
import { EMPTY_TAG, FETCH_TLB_SIZE, HOST_TLB_SIZE } from '../mmu/host-tlb.ts';
import { Uart } from '../devices/uart.ts';

/**
 * The decode pool holds DECODE_SLOTS pages of pre-decoded words; each slot is a page's 1024 words
 * and a guard word after them (machine/fetch.ts). When every slot is taken, the whole pool is
 * forgotten and refilled, as QEMU flushes its translation cache: the pool is never replaced, so
 * the interpreter's fast loop built over it stays valid for the life of the hart.
 */
export const DECODE_SLOT_WORDS = 1025;
export const DECODE_SLOTS = 128;

export class Hart {
	/** x0..x31, and x[32]: the write sink the reference executor substitutes for rd = x0. */
	readonly x = new Int32Array(33);
	pc = RAM_BASE | 0;
	/** Privilege level (0 U, 1 S, 3 M) and the virtualization mode V (0 or 1). */
	priv = PRIV_M;
	virt = 0;

	// Machine-level CSRs.
	mstatus = 0;
	mstatush = 0;
	medeleg = 0;
	mideleg = 0x1444; // VSSI, VSTI, VSEI, SGEI are read-only one with H (§9.4.2)
	mie = 0;
	/** Software-writable pending bits of mip (SSIP, STIP, SEIP). MSIP/MTIP come from the CLINT. */
	mipSw = 0;
	mtvec = 0;
	mcounteren = 0;
	mcountinhibit = 0;
	mscratch = 0;
	mepc = 0;
	mcause = 0;
	mtval = 0;
	mtval2 = 0;
	mtinst = 0;
	menvcfg = 0;
	readonly pmpcfg = new Int32Array(16);
	readonly pmpaddr = new Int32Array(64);

	// Supervisor (HS when H is present).
	stvec = 0;
	scounteren = 0;
	senvcfg = 0;
	sscratch = 0;
	sepc = 0;
	scause = 0;
	stval = 0;
	satp = 0;

	// Hypervisor.
	hstatus = 0;
	hedeleg = 0;
	hideleg = 0;
	hvip = 0;
	hcounteren = 0;
	htimedelta = 0; // 64-bit signed, as a number
	henvcfg = 0;
	htval = 0;
	htinst = 0;
	hgatp = 0;

	// Virtual supervisor: the CSRs VS-mode sees as s* (§9.2.11–9.2.18).
	vsstatus = 0;
	vstvec = 0;
	vsscratch = 0;
	vsepc = 0;
	vscause = 0;
	vstval = 0;
	vsatp = 0;

	// Counters (model: one cycle per instruction, plus cycles skipped by WFI).
	instret = 0;
	stallCycles = 0;
	/** mcycle/minstret writes store an offset from the free-running counts. */
	cycleOffset = 0;
	instretOffset = 0;

	// CLINT.
	msip = 0;
	/**
	 * mtimecmp as the two 32-bit halves software writes (§3.2.1), and their value as a number:
	 * exact below 2^53, Infinity above (a compare that far away never fires in a run). A double
	 * cannot hold every 64-bit value, so the halves are the truth and reads return them.
	 */
	mtimecmpLow = 0xffffffff;
	mtimecmpHigh = 0xffffffff;
	mtimecmp = Infinity;
	mtimeOffset = 0;
	readonly timeDivisor: number;

	/** LR/SC reservation: physical address, or -1. */
	reservation = -1;

	// RAM and its views (little-endian host assumed, as every JS engine in use).
	readonly ramSize: number;
	readonly ram: Uint8Array;
	readonly ram8: Int8Array;
	readonly ram16: Int16Array;
	readonly ramU16: Uint16Array;
	readonly ram32: Int32Array;
	/** Per RAM page: bit 0 = holds decoded instructions, bit 1 = HTIF tohost lives here. */
	readonly pageFlags: Uint8Array;
	/**
	 * Pre-decoded instructions (machine/predecode.ts, machine/fetch.ts): one slot of
	 * DECODE_SLOT_WORDS words per RAM page that has been executed; 0 = not decoded yet.
	 * `pageSlot[page]` is the slot's first index, or -1.
	 */
	readonly decodePool = new Int32Array(DECODE_SLOT_WORDS * DECODE_SLOTS);
	decodePoolUsed = 0;
	readonly pageSlot: Int32Array;

	/** Fetch translations for the current mode: virtual page -> RAM offset and decode slot. */
	readonly fetchTag = new Int32Array(FETCH_TLB_SIZE).fill(EMPTY_TAG);
	readonly fetchOff = new Int32Array(FETCH_TLB_SIZE);
	readonly fetchSlot = new Int32Array(FETCH_TLB_SIZE);

	/** The interpreter's fast loop for this hart, built on first use (execute.ts). */
	fastLoop: ((limit: number) => number) | undefined = undefined;
	/** Why the fast loop stopped (execute.ts SLOW_*), and its argument. */
	slow = 0;
	slowArg = 0;
	/** Run every instruction through the reference executor (for differential tests). */
	slowOnly = false;

	/**
	 * Host-side translation cache in front of the TLB (see mmu/host-tlb.ts): tags, and per entry the
	 * RAM offset minus the virtual address of the page (so RAM offset = address + delta).
	 */
	readonly readTag = new Int32Array(HOST_TLB_SIZE).fill(EMPTY_TAG);
	readonly readDelta = new Int32Array(HOST_TLB_SIZE);
	readonly writeTag = new Int32Array(HOST_TLB_SIZE).fill(EMPTY_TAG);
	readonly writeDelta = new Int32Array(HOST_TLB_SIZE);
	/** True when the current batch's data accesses are translated (for the TLB hit rate). */
	dataTranslated = false;
	fetchTranslated = false;
	readonly tlb: Tlb;
	/**
	 * Whether TLB entries carry ASID and VMID tags (`MachineConfig.tlbTags`). Without them a write of
	 * satp, vsatp or hgatp that changes its value flushes that regime's entries (csr-file.ts).
	 */
	tlbTags = true;
	/** The G-stage walk cache (mmu/walk-cache.ts); size 0 (the default) means none. */
	walkCache = new GStageWalkCache(0);

	// Devices.
	readonly uart: Uart;
	/** Physical address of the HTIF `tohost` word, or -1. */
	tohost = -1;
	fromhost = -1;

	// Pending exception raised by a slow path, consumed by the interpreter loop.
	excPending = false;
	excCause = 0;
	excTval = 0;
	excTval2 = 0;
	excTinst = 0;
	excGva = false;
	/** The instruction word being executed when a slow path runs (for htinst and tval). */
	insn = 0;

	/** Set by devices to stop the run. */
	haltCode = -1;
	errorMessage = '';

	/** Traps handed to the host instead of entering HS-mode (a hypervisor written in the host). */
	hostTrapsHS = false;
	/** Traps handed to the host instead of entering M-mode (firmware written in the host). */
	hostTrapsM = false;
	pendingHostTrap: TrapInfo | null = null;

	/** The traps that led into and repeat in a loop the interpreter stopped with STOP_TRAP_LOOP. */
	trapLoop: { first: TrapSite; repeating: TrapSite } | null = null;

	/** Set by the interpreter when it reaches a breakpoint. */
	breakpointHit = false;
	/** Physical address of the breakpoint the last run stopped at, or -1: the next run resumes past it. */
	stoppedAtBreakpoint = -1;
	/** Physical addresses carrying a debugger breakpoint. */
	readonly breakpoints = new Set<number>();

	// Statistics.
	/** Traps entered by the hart (not those handed to the host): each spends one unit of budget. */
	trapEntries = 0;
	readonly trapCounts = new Float64Array(64);
	readonly interruptCounts = new Float64Array(64);
	tlbLookups = 0;
	tlbMisses = 0;
	/** Page-table entries read by TLB-miss walks, by stage (mmu/translate.ts). */
	walkRefsS = 0;
	walkRefsVS = 0;
	walkRefsG = 0;

	trace: TraceOptions | undefined;
	traceTraps = false;
	traceMmu = false;

	constructor(
		ramSize: number,
		tlbEntries: number,
		timeDivisor: number,
		uartOut: (b: number) => void
	) {
		this.ramSize = ramSize;
		const buffer = new ArrayBuffer(ramSize);
		this.ram = new Uint8Array(buffer);
		this.ram8 = new Int8Array(buffer);
		this.ram16 = new Int16Array(buffer);
		this.ramU16 = new Uint16Array(buffer);
		this.ram32 = new Int32Array(buffer);
		this.pageFlags = new Uint8Array(ramSize >>> 12);
		this.pageSlot = new Int32Array(ramSize >>> 12).fill(-1);
		this.tlb = new Tlb(tlbEntries);
		this.timeDivisor = timeDivisor;
		this.uart = new Uart(uartOut);
	}
}
