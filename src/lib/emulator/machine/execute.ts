/**
 * The interpreter: a fast loop for the common instructions, and the outer loop that handles
 * everything else through the reference executor (execute-slow.ts), interrupts and traps.
 *
 * Speed rules (docs/architecture.md, "Speed rules of the interpreter"). The fast loop reads one
 * pre-decoded word per instruction (predecode.ts) from the page's slot in the decode pool and
 * switches on its low seven bits with integer literal case labels: V8 compiles those to a jump table, while named constants would be
 * compared one by one. Each label's comment names the constant it stands for (`Op.ADDI` of
 * isa/ops.ts, `FAST_J` of predecode.ts), and tests/unit/emulator/isa-decode/ops.test.ts checks
 * every literal against that name.
 *
 * Within a page the fast loop never looks at the pc: it walks an index into the page's slot, moves
 * it by a pre-computed word distance for a near branch or JAL, and runs into the slot's guard word
 * at the end of the page; only a jump, a far branch or the guard re-translate, through the fetch
 * TLB. The pc is computed from the index when an instruction needs it (AUIPC, a link register,
 * an exit). Loads and stores that hit the host-side TLB (mmu/host-tlb.ts) touch RAM directly. The
 * loop calls nothing but the small multiply helpers (which V8 inlines) and allocates nothing.
 *
 * Whatever it cannot finish — a TLB miss, a device, a CSR, a privileged instruction, an exception —
 * it leaves to the outer loop by recording why in `h.slow` and stopping *before* that instruction.
 * Nothing here traces: tracing hooks live only in the slow paths, so tracing off costs nothing.
 */
import type { Hart } from './hart.ts';
import type { TrapSite } from './types.ts';
import { PRIV_M } from './constants.ts';
import { decodeAt, fillFetch } from './fetch.ts';
import { dataPriv, dataVirt } from './memory-access.ts';
import { noteRamStore } from './store-notify.ts';
import { enterTrap, pendingInterrupt } from './trap.ts';
import { insnsUntilTimer } from './counters.ts';
import { FETCH_TLB_SIZE, HOST_TLB_SIZE } from '../mmu/host-tlb.ts';
import { mulh, mulhsu, mulhu } from './multiply.ts';
import { executeOne } from './execute-slow.ts';

/** Why the fast loop stopped (Hart.slow). */
const SLOW_NONE = 0;
const SLOW_FETCH = 1; // the fetch TLB has no entry for pc's page
const SLOW_DECODE = 2; // the word at pc is not decoded yet
const SLOW_EXEC = 3; // the instruction at pc needs the reference executor
const SLOW_NOTIFY = 4; // a store hit a page with code or the HTIF mailbox (offset in slowArg)

/** Whether fetches (data accesses) in the current context go through Sv32/Sv32x4. */
function translated(h: Hart, priv: number, virt: number): boolean {
	if (priv === PRIV_M) return false;
	if (virt) return h.vsatp >>> 31 === 1 || h.hgatp >>> 31 === 1;
	return h.satp >>> 31 === 1;
}

/**
 * Builds the fast loop for one hart: a closure over the hart's typed arrays, which never change.
 * While a process has only one such closure, V8 specializes the optimized loop to it and embeds
 * the arrays as constants (no loads or type checks per access). Once a second hart exists, V8
 * compiles a generic copy that reloads and checks each array at every access: correct, but about
 * half as fast (measured), which is why `virtlab bench` reuses one machine.
 */
function makeFastLoop(h: Hart): (limit: number) => number {
	return fastLoop(
		h,
		h.x,
		h.decodePool,
		h.ram8,
		h.ram,
		h.ram16,
		h.ramU16,
		h.ram32,
		h.readTag,
		h.readDelta,
		h.writeTag,
		h.writeDelta,
		h.fetchTag,
		h.fetchSlot,
		h.pageFlags
	);
}

/**
 * The arrays are parameters (not `const`s) so the closure reads them without TDZ checks. The
 * table masks are copied into locals here: V8 re-reads an imported binding, with a check that it
 * is initialized, at every use.
 */
function fastLoop(
	h: Hart,
	x: Int32Array,
	pool: Int32Array,
	r8: Int8Array,
	ru8: Uint8Array,
	r16: Int16Array,
	ru16: Uint16Array,
	r32: Int32Array,
	readTag: Int32Array,
	readDelta: Int32Array,
	writeTag: Int32Array,
	writeDelta: Int32Array,
	fetchTag: Int32Array,
	fetchSlot: Int32Array,
	pageFlags: Uint8Array
): (limit: number) => number {
	const fetchMask = FETCH_TLB_SIZE - 1;
	const hostMask = HOST_TLB_SIZE - 1;
	return function runFast(limit: number): number {
		let pc = h.pc | 0;
		// Counters are incremented with `| 0` so that V8 emits a plain add with no overflow check.
		let n = 0; // instructions retired
		let hits = 0; // loads and stores served by the host TLB
		const end = limit | 0; // at most 2^30 (see execute): a small integer for the loop test
		let why = SLOW_NONE;
		page: for (;;) {
			const f = (pc >>> 12) & fetchMask;
			if (fetchTag[f] !== (pc & -4096)) {
				why = SLOW_FETCH;
				break;
			}
			// Word i of the pool lies at pc = pcBase + 4 * i while we stay in this page.
			const pcBase = ((pc & -4096) - (fetchSlot[f] << 2)) | 0;
			let i = fetchSlot[f] + ((pc & 4095) >> 2);
			words: for (;;) {
				if (n >= end) break;
				const p = pool[i];
				// Fields: rd (p >> 7) & 31, rs1 (p >> 15) & 31, rs2 (p >> 20) & 31 or, in stores and
				// branches, (p >> 7) & 31; immediates as predecode.ts describes.
				switch (p & 127) {
					case 0: // FAST_NOT_DECODED: not decoded yet
						why = SLOW_DECODE;
						break words;
					case 1: // Op.LUI
						x[(p >> 7) & 31] = p & -4096;
						break;
					case 2: // Op.AUIPC
						x[(p >> 7) & 31] = (pcBase + (i << 2) + (p & -4096)) | 0;
						break;
					case 3: // Op.JAL, target in this page
						x[(p >> 7) & 31] = (pcBase + (i << 2) + 4) | 0;
						i += p >> 12;
						n = (n + 1) | 0;
						continue;
					case 4: {
						// Op.JALR: the target is computed, so it is always re-translated
						const t = (x[(p >> 15) & 31] + (p >> 20)) & ~1;
						if (t & 3) {
							why = SLOW_EXEC; // instruction-address-misaligned
							break words;
						}
						x[(p >> 7) & 31] = (pcBase + (i << 2) + 4) | 0;
						pc = t;
						n = (n + 1) | 0;
						continue page;
					}
					// Branches with a target in this page: the field is the distance in words.
					case 5: // Op.BEQ
						if (x[(p >> 15) & 31] === x[(p >> 7) & 31]) {
							i += p >> 20;
							n = (n + 1) | 0;
							continue;
						}
						break;
					case 6: // Op.BNE
						if (x[(p >> 15) & 31] !== x[(p >> 7) & 31]) {
							i += p >> 20;
							n = (n + 1) | 0;
							continue;
						}
						break;
					case 7: // Op.BLT
						if (x[(p >> 15) & 31] < x[(p >> 7) & 31]) {
							i += p >> 20;
							n = (n + 1) | 0;
							continue;
						}
						break;
					case 8: // Op.BGE
						if (x[(p >> 15) & 31] >= x[(p >> 7) & 31]) {
							i += p >> 20;
							n = (n + 1) | 0;
							continue;
						}
						break;
					case 9: // Op.BLTU
						if (x[(p >> 15) & 31] >>> 0 < x[(p >> 7) & 31] >>> 0) {
							i += p >> 20;
							n = (n + 1) | 0;
							continue;
						}
						break;
					case 10: // Op.BGEU
						if (x[(p >> 15) & 31] >>> 0 >= x[(p >> 7) & 31] >>> 0) {
							i += p >> 20;
							n = (n + 1) | 0;
							continue;
						}
						break;
					// Loads: a host TLB hit reads RAM at address + delta. The tag comparison also
					// checks alignment (mmu/host-tlb.ts): -4096 keeps the page, -4095 also bit 0,
					// -4093 also bits 1:0.
					case 11: {
						// Op.LB
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (readTag[t] !== (a & -4096)) {
							why = SLOW_EXEC;
							break words;
						}
						x[(p >> 7) & 31] = r8[(a + readDelta[t]) | 0];
						hits = (hits + 1) | 0;
						break;
					}
					case 12: {
						// Op.LH
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (readTag[t] !== (a & -4095)) {
							why = SLOW_EXEC;
							break words;
						}
						x[(p >> 7) & 31] = r16[((a + readDelta[t]) | 0) >> 1];
						hits = (hits + 1) | 0;
						break;
					}
					case 13: {
						// Op.LW
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (readTag[t] !== (a & -4093)) {
							why = SLOW_EXEC;
							break words;
						}
						x[(p >> 7) & 31] = r32[((a + readDelta[t]) | 0) >> 2];
						hits = (hits + 1) | 0;
						break;
					}
					case 14: {
						// Op.LBU
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (readTag[t] !== (a & -4096)) {
							why = SLOW_EXEC;
							break words;
						}
						x[(p >> 7) & 31] = ru8[(a + readDelta[t]) | 0];
						hits = (hits + 1) | 0;
						break;
					}
					case 15: {
						// Op.LHU
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (readTag[t] !== (a & -4095)) {
							why = SLOW_EXEC;
							break words;
						}
						x[(p >> 7) & 31] = ru16[((a + readDelta[t]) | 0) >> 1];
						hits = (hits + 1) | 0;
						break;
					}
					// Stores: as loads; a store into a page holding decoded code or the HTIF mailbox
					// (pageFlags) completes, then stops the loop so the outer loop can react.
					case 16: {
						// Op.SB
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (writeTag[t] !== (a & -4096)) {
							why = SLOW_EXEC;
							break words;
						}
						const o = (a + writeDelta[t]) | 0;
						r8[o] = x[(p >> 7) & 31];
						hits = (hits + 1) | 0;
						if (pageFlags[o >>> 12] !== 0) {
							why = SLOW_NOTIFY;
							h.slowArg = o;
							i++;
							n = (n + 1) | 0;
							break words;
						}
						break;
					}
					case 17: {
						// Op.SH
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (writeTag[t] !== (a & -4095)) {
							why = SLOW_EXEC;
							break words;
						}
						const o = (a + writeDelta[t]) | 0;
						r16[o >> 1] = x[(p >> 7) & 31];
						hits = (hits + 1) | 0;
						if (pageFlags[o >>> 12] !== 0) {
							why = SLOW_NOTIFY;
							h.slowArg = o;
							i++;
							n = (n + 1) | 0;
							break words;
						}
						break;
					}
					case 18: {
						// Op.SW
						const a = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						const t = (a >>> 12) & hostMask;
						if (writeTag[t] !== (a & -4093)) {
							why = SLOW_EXEC;
							break words;
						}
						const o = (a + writeDelta[t]) | 0;
						r32[o >> 2] = x[(p >> 7) & 31];
						hits = (hits + 1) | 0;
						if (pageFlags[o >>> 12] !== 0) {
							why = SLOW_NOTIFY;
							h.slowArg = o;
							i++;
							n = (n + 1) | 0;
							break words;
						}
						break;
					}
					case 19: // Op.ADDI
						x[(p >> 7) & 31] = (x[(p >> 15) & 31] + (p >> 20)) | 0;
						break;
					case 20: // Op.SLTI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] < p >> 20 ? 1 : 0;
						break;
					case 21: // Op.SLTIU
						x[(p >> 7) & 31] = x[(p >> 15) & 31] >>> 0 < (p >> 20) >>> 0 ? 1 : 0;
						break;
					case 22: // Op.XORI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] ^ (p >> 20);
						break;
					case 23: // Op.ORI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] | (p >> 20);
						break;
					case 24: // Op.ANDI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] & (p >> 20);
						break;
					// Shifts by shamt: JS uses the low five bits of the count, here bits 24:20.
					case 25: // Op.SLLI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] << (p >> 20);
						break;
					case 26: // Op.SRLI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] >>> (p >> 20);
						break;
					case 27: // Op.SRAI
						x[(p >> 7) & 31] = x[(p >> 15) & 31] >> (p >> 20);
						break;
					case 28: // Op.ADD
						x[(p >> 7) & 31] = (x[(p >> 15) & 31] + x[(p >> 20) & 31]) | 0;
						break;
					case 29: // Op.SUB
						x[(p >> 7) & 31] = (x[(p >> 15) & 31] - x[(p >> 20) & 31]) | 0;
						break;
					case 30: // Op.SLL
						x[(p >> 7) & 31] = x[(p >> 15) & 31] << x[(p >> 20) & 31];
						break;
					case 31: // Op.SLT
						x[(p >> 7) & 31] = x[(p >> 15) & 31] < x[(p >> 20) & 31] ? 1 : 0;
						break;
					case 32: // Op.SLTU
						x[(p >> 7) & 31] = x[(p >> 15) & 31] >>> 0 < x[(p >> 20) & 31] >>> 0 ? 1 : 0;
						break;
					case 33: // Op.XOR
						x[(p >> 7) & 31] = x[(p >> 15) & 31] ^ x[(p >> 20) & 31];
						break;
					case 34: // Op.SRL
						x[(p >> 7) & 31] = x[(p >> 15) & 31] >>> x[(p >> 20) & 31];
						break;
					case 35: // Op.SRA
						x[(p >> 7) & 31] = x[(p >> 15) & 31] >> x[(p >> 20) & 31];
						break;
					case 36: // Op.OR
						x[(p >> 7) & 31] = x[(p >> 15) & 31] | x[(p >> 20) & 31];
						break;
					case 37: // Op.AND
						x[(p >> 7) & 31] = x[(p >> 15) & 31] & x[(p >> 20) & 31];
						break;
					case 48: // Op.MUL
						x[(p >> 7) & 31] = Math.imul(x[(p >> 15) & 31], x[(p >> 20) & 31]);
						break;
					case 49: // Op.MULH
						x[(p >> 7) & 31] = mulh(x[(p >> 15) & 31], x[(p >> 20) & 31]);
						break;
					case 50: // Op.MULHSU
						x[(p >> 7) & 31] = mulhsu(x[(p >> 15) & 31], x[(p >> 20) & 31]);
						break;
					case 51: // Op.MULHU
						x[(p >> 7) & 31] = mulhu(x[(p >> 15) & 31], x[(p >> 20) & 31]);
						break;
					case 52: {
						// Op.DIV: division by zero gives -1, overflow gives the dividend (Volume I §7.2)
						const a = x[(p >> 15) & 31];
						const b = x[(p >> 20) & 31];
						x[(p >> 7) & 31] = b === 0 ? -1 : b === -1 ? -a | 0 : (a / b) | 0;
						break;
					}
					case 53: {
						// Op.DIVU
						const b = x[(p >> 20) & 31] >>> 0;
						x[(p >> 7) & 31] = b === 0 ? -1 : ((x[(p >> 15) & 31] >>> 0) / b) | 0;
						break;
					}
					case 54: {
						// Op.REM: by zero gives the dividend, overflow gives 0
						const a = x[(p >> 15) & 31];
						const b = x[(p >> 20) & 31];
						x[(p >> 7) & 31] = b === 0 ? a : b === -1 ? 0 : (a % b) | 0;
						break;
					}
					case 55: {
						// Op.REMU
						const a = x[(p >> 15) & 31];
						const b = x[(p >> 20) & 31] >>> 0;
						x[(p >> 7) & 31] = b === 0 ? a : ((a >>> 0) % b) | 0;
						break;
					}
					case 57: // FAST_NOP: fence, fence.i, or an ALU op writing x0
						break;
					case 58: // FAST_PAGE_END: the guard word after the page's last word
						pc = (pcBase + (i << 2)) | 0;
						continue page;
					case 59: // FAST_J: j (jal x0), target in this page
						i += p >> 12;
						n = (n + 1) | 0;
						continue;
					case 60: // FAST_JAL_FAR: jal, target in another page; the field is the offset / 2
						x[(p >> 7) & 31] = (pcBase + (i << 2) + 4) | 0;
						pc = (pcBase + (i << 2) + ((p >> 12) << 1)) | 0;
						n = (n + 1) | 0;
						continue page;
					case 61: // FAST_J_FAR: j, target in another page
						pc = (pcBase + (i << 2) + ((p >> 12) << 1)) | 0;
						n = (n + 1) | 0;
						continue page;
					case 62: {
						// FAST_JR: jr, that is jalr x0
						const t = (x[(p >> 15) & 31] + (p >> 20)) & ~1;
						if (t & 3) {
							why = SLOW_EXEC;
							break words;
						}
						pc = t;
						n = (n + 1) | 0;
						continue page;
					}
					// Branches with a target in another page: the field is the offset / 2.
					case 63: // Op.BEQ + FAST_BRANCH_FAR_DELTA
						if (x[(p >> 15) & 31] === x[(p >> 7) & 31]) {
							pc = (pcBase + (i << 2) + ((p >> 20) << 1)) | 0;
							n = (n + 1) | 0;
							continue page;
						}
						break;
					case 64: // Op.BNE + FAST_BRANCH_FAR_DELTA
						if (x[(p >> 15) & 31] !== x[(p >> 7) & 31]) {
							pc = (pcBase + (i << 2) + ((p >> 20) << 1)) | 0;
							n = (n + 1) | 0;
							continue page;
						}
						break;
					case 65: // Op.BLT + FAST_BRANCH_FAR_DELTA
						if (x[(p >> 15) & 31] < x[(p >> 7) & 31]) {
							pc = (pcBase + (i << 2) + ((p >> 20) << 1)) | 0;
							n = (n + 1) | 0;
							continue page;
						}
						break;
					case 66: // Op.BGE + FAST_BRANCH_FAR_DELTA
						if (x[(p >> 15) & 31] >= x[(p >> 7) & 31]) {
							pc = (pcBase + (i << 2) + ((p >> 20) << 1)) | 0;
							n = (n + 1) | 0;
							continue page;
						}
						break;
					case 67: // Op.BLTU + FAST_BRANCH_FAR_DELTA
						if (x[(p >> 15) & 31] >>> 0 < x[(p >> 7) & 31] >>> 0) {
							pc = (pcBase + (i << 2) + ((p >> 20) << 1)) | 0;
							n = (n + 1) | 0;
							continue page;
						}
						break;
					case 68: // Op.BGEU + FAST_BRANCH_FAR_DELTA
						if (x[(p >> 15) & 31] >>> 0 >= x[(p >> 7) & 31] >>> 0) {
							pc = (pcBase + (i << 2) + ((p >> 20) << 1)) | 0;
							n = (n + 1) | 0;
							continue page;
						}
						break;
					default: // FAST_SLOW (56) and anything else: the reference executor runs it (execute-slow.ts)
						why = SLOW_EXEC;
						break words;
				}
				i++;
				n = (n + 1) | 0;
			}
			// Left `words` before the instruction at index i (or after a store that must notify).
			pc = (pcBase + (i << 2)) | 0;
			break;
		}
		h.slow = why;
		h.pc = pc;
		h.instret += n;
		if (h.fetchTranslated) h.tlbLookups += n;
		if (h.dataTranslated) h.tlbLookups += hits;
		return n;
	};
}

/** The hart's fast loop, built on first use. */
function fastLoopOf(h: Hart): (limit: number) => number {
	if (h.fastLoop === undefined) h.fastLoop = makeFastLoop(h);
	return h.fastLoop;
}

/**
 * The most instructions one call of the fast loop runs. A first call that loops for long makes V8
 * compile the loop by on-stack replacement, and that code is not specialized to the hart's arrays
 * (it reloads and checks each array at every access: about half the speed); worse, V8 re-enters
 * it on every later call once the regular optimized code has been deoptimized (an instruction
 * kind first seen after optimization does that), so a run could stay at half speed for good.
 * Short calls let V8 optimize the loop as a whole function instead, and re-optimize it after a
 * deoptimization. Returning to the outer loop every 1,024 instructions costs about 0.2 host
 * instructions per guest instruction (measured with valgrind on `virtlab bench`).
 */
const FAST_CALL_INSNS = 1024;

/** Internal stop codes of `execute`; machine.ts turns them into StopReason objects. */
export const STOP_BUDGET = 0;
export const STOP_HALTED = 1;
export const STOP_HOST_TRAP = 2;
export const STOP_BREAKPOINT = 3;
export const STOP_ERROR = 4;
export const STOP_TRAP_LOOP = 5;

/**
 * Trap entries in a row without an instruction retiring between them, after which the machine
 * can never leave the loop. Without a retired instruction nothing changes but the trap CSRs (the
 * same values each time after the first entry or two), and time stands still (counters.ts: time
 * is instructions plus WFI stalls), so no timer or device can break in. A trap vector that faults,
 * an empty program, code outside RAM: all end here instead of spending the whole budget.
 */
const TRAP_LOOP_ENTRIES = 16;

/**
 * Runs until `maxInsns` instructions have retired (trap entries count as one each) or something
 * stops the machine. Interrupts are checked whenever the fast loop stops; exceptions raised by the
 * reference executor or a fetch are entered here.
 */
export function execute(h: Hart, maxInsns: number): number {
	let remaining = maxInsns;
	let trapsInARow = 0;
	let instretAtLastTrap = -1;
	let first: TrapSite | null = null;
	/** Counts a trap entry; true when it completes a loop the machine cannot leave. */
	const looping = (cause: number, interrupt: boolean, pc: number, tval: number): boolean => {
		const site = { cause, interrupt, pc: pc >>> 0, tval: tval >>> 0 };
		trapsInARow = h.instret === instretAtLastTrap ? trapsInARow + 1 : 1;
		instretAtLastTrap = h.instret;
		if (trapsInARow === 1) first = site;
		if (trapsInARow < TRAP_LOOP_ENTRIES) return false;
		h.trapLoop = { first: first ?? site, repeating: site };
		return true;
	};
	for (;;) {
		if (h.haltCode >= 0) return STOP_HALTED;
		if (h.errorMessage !== '') return STOP_ERROR;
		if (remaining <= 0) return STOP_BUDGET;
		const irq = pendingInterrupt(h);
		if (irq >= 0) {
			const pc = h.pc;
			if (!enterTrap(h, irq, true, 0, 0, 0, false)) return STOP_HOST_TRAP;
			remaining--;
			if (looping(irq, true, pc, 0)) return STOP_TRAP_LOOP;
			continue;
		}
		// The fast loop may run until the timer can fire (then the interrupt check above sees it).
		let limit = Math.min(remaining, FAST_CALL_INSNS);
		const untilTimer = insnsUntilTimer(h);
		if (untilTimer < limit) limit = untilTimer;
		h.fetchTranslated = translated(h, h.priv, h.virt);
		h.dataTranslated = translated(h, dataPriv(h), dataVirt(h));
		if (h.slowOnly) h.slow = SLOW_EXEC;
		else remaining -= fastLoopOf(h)(limit);
		// A fast loop that spent the budget may still have stopped before a fetch or an
		// instruction it cannot run: leave that for the next run, or the run would overspend
		// (a fetch fault is a trap entry). A store's notification cannot wait: the store is done.
		if (remaining <= 0 && h.slow !== SLOW_NOTIFY) h.slow = SLOW_NONE;
		switch (h.slow) {
			case SLOW_FETCH:
				fillFetch(h, h.pc);
				break;
			case SLOW_DECODE:
				decodeAt(h, h.pc);
				break;
			case SLOW_EXEC:
				if (executeOne(h)) {
					h.instret++;
					remaining--;
				}
				break;
			case SLOW_NOTIFY:
				noteRamStore(h, h.slowArg);
				break;
		}
		h.slow = SLOW_NONE;
		if (h.excPending) {
			h.excPending = false;
			const pc = h.pc;
			const ok = enterTrap(h, h.excCause, false, h.excTval, h.excTval2, h.excTinst, h.excGva);
			if (!ok) return STOP_HOST_TRAP;
			// A trap entry spends one unit of budget, so a guest that traps forever (say, with a
			// trap vector that itself faults) still returns to the host.
			remaining--;
			if (looping(h.excCause, false, pc, h.excTval)) return STOP_TRAP_LOOP;
		}
		if (h.breakpointHit) {
			h.breakpointHit = false;
			return STOP_BREAKPOINT;
		}
	}
}
