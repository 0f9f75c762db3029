/**
 * The interpreter: a fast loop for the common instructions, and the outer loop that handles
 * everything else through the reference executor (execute-slow.ts), interrupts and traps.
 *
 * Speed rules (DESIGN.md §9): the fast loop calls nothing but the small pure multiply helpers
 * (which V8 inlines), allocates nothing, and reads registers and pre-decoded instructions from one
 * typed array (fetch.ts; measured: one type check per instruction fewer than two arrays); it
 * switches on integer literal case labels (V8 compiles that to a jump table), and touches RAM
 * directly when a load or store hits the host-side TLB (mmu/host-tlb.ts). Whatever it cannot finish — a TLB miss,
 * a device, a CSR, a privileged instruction, an exception — it leaves to the outer loop by
 * recording why in `h.slow` and stopping *before* that instruction. Nothing here traces: tracing
 * hooks live only in the slow paths, so tracing off costs nothing.
 */
import type { Hart } from './hart.ts';
import { PRIV_M } from './constants.ts';
import { decodeAt, fillFetch } from './fetch.ts';
import { dataPriv, dataVirt } from './memory-access.ts';
import { noteRamStore } from './store-notify.ts';
import { enterTrap, pendingInterrupt } from './trap.ts';
import { insnsUntilTimer } from './counters.ts';
import { FETCH_TLB_MASK, HOST_TLB_MASK } from '../mmu/host-tlb.ts';
import { mulh, mulhsu, mulhu } from './multiply.ts';
import { executeOne } from './execute-slow.ts';

export { executorOpNames } from './execute-slow.ts';

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
 * Builds the fast loop for one hart. The loop is a closure over the hart's typed arrays so that
 * V8 can treat them as constants (no type checks per access). The hart keeps it until its decode
 * pool is replaced (fetch.ts), which is the only array that ever changes.
 */
function makeFastLoop(h: Hart): (limit: number) => number {
	return fastLoop(
		h,
		h.ram8,
		h.ram,
		h.ram16,
		h.ramU16,
		h.ram32,
		h.readTag,
		h.readOff,
		h.writeTag,
		h.writeOff,
		h.fetchTag,
		h.fetchSlot,
		h.decodePool,
		h.pageFlags
	);
}

/**
 * The arrays are parameters (not `const`s) so the closure reads them without TDZ checks. Registers
 * are read and written through `pool`, whose first words are the register file (Hart.x).
 */
function fastLoop(
	h: Hart,
	r8: Int8Array,
	ru8: Uint8Array,
	r16: Int16Array,
	ru16: Uint16Array,
	r32: Int32Array,
	readTag: Int32Array,
	readOff: Int32Array,
	writeTag: Int32Array,
	writeOff: Int32Array,
	fetchTag: Int32Array,
	fetchSlot: Int32Array,
	pool: Int32Array,
	pageFlags: Uint8Array
): (limit: number) => number {
	return function runFast(limit: number): number {
		let pc = h.pc | 0;
		let fpage = 1; // the page `slot` belongs to; 1 (not page-aligned) = none
		let slot = 0;
		let n = 0;
		let hits = 0;
		const end = limit | 0; // at most 2^30 (see execute): a small integer for the loop test
		h.slow = SLOW_NONE;

		inner: while (n < end) {
			if ((pc & -4096) !== fpage) {
				const f = (pc >>> 12) & FETCH_TLB_MASK;
				if (fetchTag[f] !== (pc & -4096)) {
					h.slow = SLOW_FETCH;
					break;
				}
				fpage = pc & -4096;
				slot = fetchSlot[f];
			}
			const di = slot + ((pc & 4095) >> 1);
			const p = pool[di];
			if (p === 0) {
				h.slow = SLOW_DECODE;
				break;
			}
			const imm = pool[di + 1];
			switch (p & 255) {
				case 1: // lui
					pool[(p >> 8) & 63] = imm;
					pc = (pc + 4) | 0;
					break;
				case 2: // auipc
					pool[(p >> 8) & 63] = (pc + imm) | 0;
					pc = (pc + 4) | 0;
					break;
				case 3: {
					// jal
					const t = (pc + imm) | 0;
					if (t & 3) {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pool[(p >> 8) & 63] = (pc + 4) | 0;
					pc = t;
					break;
				}
				case 4: {
					// jalr
					const t = (pool[(p >> 14) & 31] + imm) & ~1;
					if (t & 3) {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pool[(p >> 8) & 63] = (pc + 4) | 0;
					pc = t;
					break;
				}
				case 5: {
					// beq
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					if (a === b) {
						const t = (pc + imm) | 0;
						if (t & 3) {
							h.slow = SLOW_EXEC;
							break inner;
						}
						pc = t;
					} else pc = (pc + 4) | 0;
					break;
				}
				case 6: {
					// bne
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					if (a !== b) {
						const t = (pc + imm) | 0;
						if (t & 3) {
							h.slow = SLOW_EXEC;
							break inner;
						}
						pc = t;
					} else pc = (pc + 4) | 0;
					break;
				}
				case 7: {
					// blt
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					if (a < b) {
						const t = (pc + imm) | 0;
						if (t & 3) {
							h.slow = SLOW_EXEC;
							break inner;
						}
						pc = t;
					} else pc = (pc + 4) | 0;
					break;
				}
				case 8: {
					// bge
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					if (a >= b) {
						const t = (pc + imm) | 0;
						if (t & 3) {
							h.slow = SLOW_EXEC;
							break inner;
						}
						pc = t;
					} else pc = (pc + 4) | 0;
					break;
				}
				case 9: {
					// bltu
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					if (a >>> 0 < b >>> 0) {
						const t = (pc + imm) | 0;
						if (t & 3) {
							h.slow = SLOW_EXEC;
							break inner;
						}
						pc = t;
					} else pc = (pc + 4) | 0;
					break;
				}
				case 10: {
					// bgeu
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					if (a >>> 0 >= b >>> 0) {
						const t = (pc + imm) | 0;
						if (t & 3) {
							h.slow = SLOW_EXEC;
							break inner;
						}
						pc = t;
					} else pc = (pc + 4) | 0;
					break;
				}
				case 11: {
					// lb
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					if (readTag[t] === (a & -4096)) {
						const o = readOff[t] | (a & 4095);
						pool[(p >> 8) & 63] = r8[o];
						hits++;
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 12: {
					// lh
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					if (readTag[t] === (a & -4095)) {
						const o = readOff[t] | (a & 4095);
						pool[(p >> 8) & 63] = r16[o >> 1];
						hits++;
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 13: {
					// lw
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					if (readTag[t] === (a & -4093)) {
						const o = readOff[t] | (a & 4095);
						pool[(p >> 8) & 63] = r32[o >> 2];
						hits++;
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 14: {
					// lbu
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					if (readTag[t] === (a & -4096)) {
						const o = readOff[t] | (a & 4095);
						pool[(p >> 8) & 63] = ru8[o];
						hits++;
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 15: {
					// lhu
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					if (readTag[t] === (a & -4095)) {
						const o = readOff[t] | (a & 4095);
						pool[(p >> 8) & 63] = ru16[o >> 1];
						hits++;
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 16: {
					// sb
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					const v = pool[(p >> 19) & 31];
					if (writeTag[t] === (a & -4096)) {
						const o = writeOff[t] | (a & 4095);
						r8[o] = v;
						hits++;
						if (pageFlags[o >>> 12] !== 0) {
							// Code or the HTIF mailbox lives here: finish the store, then notify.
							h.slow = SLOW_NOTIFY;
							h.slowArg = o;
							pc = (pc + 4) | 0;
							n++;
							break inner;
						}
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 17: {
					// sh
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					const v = pool[(p >> 19) & 31];
					if (writeTag[t] === (a & -4095)) {
						const o = writeOff[t] | (a & 4095);
						r16[o >> 1] = v;
						hits++;
						if (pageFlags[o >>> 12] !== 0) {
							// Code or the HTIF mailbox lives here: finish the store, then notify.
							h.slow = SLOW_NOTIFY;
							h.slowArg = o;
							pc = (pc + 4) | 0;
							n++;
							break inner;
						}
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 18: {
					// sw
					const a = (pool[(p >> 14) & 31] + imm) | 0;
					const t = (a >>> 12) & HOST_TLB_MASK;
					const v = pool[(p >> 19) & 31];
					if (writeTag[t] === (a & -4093)) {
						const o = writeOff[t] | (a & 4095);
						r32[o >> 2] = v;
						hits++;
						if (pageFlags[o >>> 12] !== 0) {
							// Code or the HTIF mailbox lives here: finish the store, then notify.
							h.slow = SLOW_NOTIFY;
							h.slowArg = o;
							pc = (pc + 4) | 0;
							n++;
							break inner;
						}
					} else {
						h.slow = SLOW_EXEC;
						break inner;
					}
					pc = (pc + 4) | 0;
					break;
				}
				case 19: // addi
					pool[(p >> 8) & 63] = (pool[(p >> 14) & 31] + imm) | 0;
					pc = (pc + 4) | 0;
					break;
				case 20: // slti
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] < imm ? 1 : 0;
					pc = (pc + 4) | 0;
					break;
				case 21: // sltiu
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] >>> 0 < imm >>> 0 ? 1 : 0;
					pc = (pc + 4) | 0;
					break;
				case 22: // xori
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] ^ imm;
					pc = (pc + 4) | 0;
					break;
				case 23: // ori
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] | imm;
					pc = (pc + 4) | 0;
					break;
				case 24: // andi
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] & imm;
					pc = (pc + 4) | 0;
					break;
				case 25: // slli
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] << imm;
					pc = (pc + 4) | 0;
					break;
				case 26: // srli
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] >>> imm;
					pc = (pc + 4) | 0;
					break;
				case 27: // srai
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] >> imm;
					pc = (pc + 4) | 0;
					break;
				case 28: // add
					pool[(p >> 8) & 63] = (pool[(p >> 14) & 31] + pool[(p >> 19) & 31]) | 0;
					pc = (pc + 4) | 0;
					break;
				case 29: // sub
					pool[(p >> 8) & 63] = (pool[(p >> 14) & 31] - pool[(p >> 19) & 31]) | 0;
					pc = (pc + 4) | 0;
					break;
				case 30: // sll
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] << pool[(p >> 19) & 31];
					pc = (pc + 4) | 0;
					break;
				case 31: // slt
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] < pool[(p >> 19) & 31] ? 1 : 0;
					pc = (pc + 4) | 0;
					break;
				case 32: // sltu
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] >>> 0 < pool[(p >> 19) & 31] >>> 0 ? 1 : 0;
					pc = (pc + 4) | 0;
					break;
				case 33: // xor
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] ^ pool[(p >> 19) & 31];
					pc = (pc + 4) | 0;
					break;
				case 34: // srl
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] >>> pool[(p >> 19) & 31];
					pc = (pc + 4) | 0;
					break;
				case 35: // sra
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] >> pool[(p >> 19) & 31];
					pc = (pc + 4) | 0;
					break;
				case 36: // or
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] | pool[(p >> 19) & 31];
					pc = (pc + 4) | 0;
					break;
				case 37: // and
					pool[(p >> 8) & 63] = pool[(p >> 14) & 31] & pool[(p >> 19) & 31];
					pc = (pc + 4) | 0;
					break;
				case 38: // fence
				case 41: // fence.i: stores already invalidate pre-decoded instructions
					pc = (pc + 4) | 0;
					break;
				case 48: // mul
					pool[(p >> 8) & 63] = Math.imul(pool[(p >> 14) & 31], pool[(p >> 19) & 31]);
					pc = (pc + 4) | 0;
					break;
				case 49: // mulh
					pool[(p >> 8) & 63] = mulh(pool[(p >> 14) & 31], pool[(p >> 19) & 31]);
					pc = (pc + 4) | 0;
					break;
				case 50: // mulhsu
					pool[(p >> 8) & 63] = mulhsu(pool[(p >> 14) & 31], pool[(p >> 19) & 31]);
					pc = (pc + 4) | 0;
					break;
				case 51: // mulhu
					pool[(p >> 8) & 63] = mulhu(pool[(p >> 14) & 31], pool[(p >> 19) & 31]);
					pc = (pc + 4) | 0;
					break;
				case 52: {
					// div: division by zero gives -1, overflow gives the dividend (Volume I §7.2)
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					pool[(p >> 8) & 63] = b === 0 ? -1 : b === -1 ? -a | 0 : (a / b) | 0;
					pc = (pc + 4) | 0;
					break;
				}
				case 53: {
					// divu
					const b = pool[(p >> 19) & 31] >>> 0;
					pool[(p >> 8) & 63] = b === 0 ? -1 : ((pool[(p >> 14) & 31] >>> 0) / b) | 0;
					pc = (pc + 4) | 0;
					break;
				}
				case 54: {
					// rem: by zero gives the dividend, overflow gives 0
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31];
					pool[(p >> 8) & 63] = b === 0 ? a : b === -1 ? 0 : (a % b) | 0;
					pc = (pc + 4) | 0;
					break;
				}
				case 55: {
					// remu
					const a = pool[(p >> 14) & 31];
					const b = pool[(p >> 19) & 31] >>> 0;
					pool[(p >> 8) & 63] = b === 0 ? a : ((a >>> 0) % b) | 0;
					pc = (pc + 4) | 0;
					break;
				}
				default: // everything else: the reference executor (execute-slow.ts)
					h.slow = SLOW_EXEC;
					break inner;
			}
			n++;
		}
		h.pc = pc;
		h.instret += n;
		if (h.fetchTranslated) h.tlbLookups += n;
		if (h.dataTranslated) h.tlbLookups += hits;
		return n;
	};
}

/** The hart's fast loop, rebuilt when the decode pool array has been replaced. */
function fastLoopOf(h: Hart): (limit: number) => number {
	if (h.fastLoop === undefined || h.fastLoopPool !== h.decodePool) {
		h.fastLoop = makeFastLoop(h);
		h.fastLoopPool = h.decodePool;
	}
	return h.fastLoop;
}

/** Internal stop codes of `execute`; machine.ts turns them into StopReason objects. */
export const STOP_BUDGET = 0;
export const STOP_HALTED = 1;
export const STOP_HOST_TRAP = 2;
export const STOP_BREAKPOINT = 3;
export const STOP_ERROR = 4;

/**
 * Runs until `maxInsns` instructions have retired (trap entries count as one each) or something
 * stops the machine. Interrupts are checked whenever the fast loop stops; exceptions raised by the
 * reference executor or a fetch are entered here.
 */
export function execute(h: Hart, maxInsns: number): number {
	let remaining = maxInsns;
	for (;;) {
		if (h.haltCode >= 0) return STOP_HALTED;
		if (h.errorMessage !== '') return STOP_ERROR;
		if (remaining <= 0) return STOP_BUDGET;
		const irq = pendingInterrupt(h);
		if (irq >= 0) {
			if (!enterTrap(h, irq, true, 0, 0, 0, false)) return STOP_HOST_TRAP;
			remaining--;
			continue;
		}
		// The fast loop may run until the timer can fire (then the interrupt check above sees it).
		let limit = Math.min(remaining, 0x40000000);
		const untilTimer = insnsUntilTimer(h);
		if (untilTimer < limit) limit = untilTimer;
		h.fetchTranslated = translated(h, h.priv, h.virt);
		h.dataTranslated = translated(h, dataPriv(h), dataVirt(h));
		if (h.slowOnly) h.slow = SLOW_EXEC;
		else remaining -= fastLoopOf(h)(limit);
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
			const ok = enterTrap(h, h.excCause, false, h.excTval, h.excTval2, h.excTinst, h.excGva);
			if (!ok) return STOP_HOST_TRAP;
			// A trap entry spends one unit of budget, so a guest that traps forever (say, with a
			// trap vector that itself faults) still returns to the host.
			remaining--;
		}
		if (h.breakpointHit) {
			h.breakpointHit = false;
			return STOP_BREAKPOINT;
		}
	}
}
