/**
 * The reference executor: executes the one instruction at pc with its complete semantics, every
 * instruction of the table included. The interpreter's fast loop (execute.ts) handles the common
 * cases itself and hands everything else here: CSR and privileged instructions, atomics,
 * hypervisor loads and stores, loads and stores that miss the host TLB, traps. A differential test
 * runs programs with `Hart.slowOnly` (every instruction here) and compares with the fast loop.
 *
 * Exceptions are raised on the hart (exception.ts) and leave pc at the instruction.
 */
import type { Hart } from './hart.ts';
import { Cause, RAM_BASE } from './constants.ts';
import { raise } from './exception.ts';
import { decodeOp, OP_ILLEGAL } from '../isa/ops.ts';
import { immB, immI, immJ, immS, immU } from '../isa/fields.ts';
import { fetchedOffset, fillFetch } from './fetch.ts';
import { atomic, loadSlow, storeSlow } from './memory-access.ts';
import {
	csrInstruction,
	ecallCause,
	hfence,
	hypervisorAccessAllowed,
	mret,
	sfenceVma,
	sret,
	wfi
} from './system.ts';
import { mulh, mulhsu, mulhu } from './multiply.ts';
import { FETCH_TLB_MASK } from '../mmu/host-tlb.ts';

/**
 * The mnemonics the switch below handles, in op-id order (id = index + 1). A unit test checks this
 * equals the instruction table, so the literal case labels and the table cannot drift apart.
 */
export const executorOpNames: readonly string[] = [
	'lui', 'auipc', 'jal', 'jalr', 'beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu',
	'lb', 'lh', 'lw', 'lbu', 'lhu', 'sb', 'sh', 'sw',
	'addi', 'slti', 'sltiu', 'xori', 'ori', 'andi', 'slli', 'srli', 'srai',
	'add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
	'fence', 'ecall', 'ebreak', 'fence.i',
	'csrrw', 'csrrs', 'csrrc', 'csrrwi', 'csrrsi', 'csrrci',
	'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu',
	'lr.w', 'sc.w', 'amoswap.w', 'amoadd.w', 'amoxor.w', 'amoand.w', 'amoor.w',
	'amomin.w', 'amomax.w', 'amominu.w', 'amomaxu.w',
	'sret', 'mret', 'wfi', 'sfence.vma', 'hfence.vvma', 'hfence.gvma',
	'hlv.b', 'hlv.bu', 'hlv.h', 'hlv.hu', 'hlvx.hu', 'hlv.w', 'hlvx.wu',
	'hsv.b', 'hsv.h', 'hsv.w'
]; // prettier-ignore

/** Division and remainder with RISC-V's results for zero divisors and overflow (Volume I §7.2). */
function divide(op: number, a: number, b: number): number {
	switch (op) {
		case 52:
			return b === 0 ? -1 : b === -1 ? -a | 0 : (a / b) | 0;
		case 53:
			return b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0;
		case 54:
			return b === 0 ? a : b === -1 ? 0 : (a % b) | 0;
		default:
			return b === 0 ? a : ((a >>> 0) % (b >>> 0)) | 0;
	}
}

/** Conditional branch outcomes (Volume I §2.5). */
function branchTaken(op: number, a: number, b: number): boolean {
	switch (op) {
		case 5:
			return a === b;
		case 6:
			return a !== b;
		case 7:
			return a < b;
		case 8:
			return a >= b;
		case 9:
			return a >>> 0 < b >>> 0;
		default:
			return a >>> 0 >= b >>> 0;
	}
}

/** Jumps and taken branches need a 4-byte aligned target without the C extension (§2.2). */
function misalignedTarget(h: Hart, target: number): boolean {
	if ((target & 3) === 0) return false;
	raise(h, Cause.instructionMisaligned, target);
	return true;
}

/** Executes the instruction at h.pc. Returns false when it did not retire (a trap or a stop). */
export function executeOne(h: Hart): boolean {
	const pc = h.pc | 0;
	if (h.fetchTag[(pc >>> 12) & FETCH_TLB_MASK] !== (pc & -4096) && !fillFetch(h, pc)) return false;
	const ramOff = fetchedOffset(h, pc);
	if (h.breakpoints.size > 0 && h.breakpoints.has(ramOff + RAM_BASE)) {
		h.breakpointHit = true;
		return false;
	}
	const w = h.ram32[ramOff >> 2];
	h.insn = w;
	const x = h.x;
	const rd = (w >>> 7) & 31 || 32; // x0 writes go to the sink x[32]
	const a = x[(w >>> 15) & 31];
	const b = x[(w >>> 20) & 31];
	const op = decodeOp(w);
	let next = (pc + 4) | 0;
	switch (op) {
		case 1: // lui
			x[rd] = immU(w);
			break;
		case 2: // auipc
			x[rd] = (pc + immU(w)) | 0;
			break;
		case 3: // jal
			next = (pc + immJ(w)) | 0;
			if (misalignedTarget(h, next)) return false;
			x[rd] = (pc + 4) | 0;
			break;
		case 4: // jalr
			next = (a + immI(w)) & ~1;
			if (misalignedTarget(h, next)) return false;
			x[rd] = (pc + 4) | 0;
			break;
		case 5: // beq
		case 6: // bne
		case 7: // blt
		case 8: // bge
		case 9: // bltu
		case 10: {
			// bgeu
			if (branchTaken(op, a, b)) {
				next = (pc + immB(w)) | 0;
				if (misalignedTarget(h, next)) return false;
			}
			break;
		}
		case 11: // lb
		case 12: // lh
		case 13: // lw
		case 14: // lbu
		case 15: {
			// lhu
			const size = op === 13 ? 4 : op === 12 || op === 15 ? 2 : 1;
			const v = loadSlow(h, (a + immI(w)) | 0, size, op <= 13);
			if (h.excPending) return false;
			x[rd] = v;
			break;
		}
		case 16: // sb
		case 17: // sh
		case 18: // sw
			storeSlow(h, (a + immS(w)) | 0, op === 18 ? 4 : op === 17 ? 2 : 1, b);
			if (h.excPending) return false;
			break;
		case 19: // addi
			x[rd] = (a + immI(w)) | 0;
			break;
		case 20: // slti
			x[rd] = a < immI(w) ? 1 : 0;
			break;
		case 21: // sltiu
			x[rd] = a >>> 0 < immI(w) >>> 0 ? 1 : 0;
			break;
		case 22: // xori
			x[rd] = a ^ immI(w);
			break;
		case 23: // ori
			x[rd] = a | immI(w);
			break;
		case 24: // andi
			x[rd] = a & immI(w);
			break;
		case 25: // slli
			x[rd] = a << ((w >>> 20) & 31);
			break;
		case 26: // srli
			x[rd] = a >>> ((w >>> 20) & 31);
			break;
		case 27: // srai
			x[rd] = a >> ((w >>> 20) & 31);
			break;
		case 28: // add
			x[rd] = (a + b) | 0;
			break;
		case 29: // sub
			x[rd] = (a - b) | 0;
			break;
		case 30: // sll
			x[rd] = a << b;
			break;
		case 31: // slt
			x[rd] = a < b ? 1 : 0;
			break;
		case 32: // sltu
			x[rd] = a >>> 0 < b >>> 0 ? 1 : 0;
			break;
		case 33: // xor
			x[rd] = a ^ b;
			break;
		case 34: // srl
			x[rd] = a >>> b;
			break;
		case 35: // sra
			x[rd] = a >> b;
			break;
		case 36: // or
			x[rd] = a | b;
			break;
		case 37: // and
			x[rd] = a & b;
			break;
		case 38: // fence: one hart and coherent devices, nothing to order
		case 41: // fence.i: stores already invalidate pre-decoded instructions
			break;
		case 39: // ecall
			raise(h, ecallCause(h), 0);
			return false;
		case 40: // ebreak
			raise(h, Cause.breakpoint, pc);
			return false;
		case 42: // csrrw
		case 43: // csrrs
		case 44: // csrrc
		case 45: // csrrwi
		case 46: // csrrsi
		case 47: // csrrci
			if (!csrInstruction(h, (w >>> 12) & 7, rd, (w >>> 15) & 31, w >>> 20)) return false;
			break;
		case 48: // mul
			x[rd] = Math.imul(a, b);
			break;
		case 49: // mulh
			x[rd] = mulh(a, b);
			break;
		case 50: // mulhsu
			x[rd] = mulhsu(a, b);
			break;
		case 51: // mulhu
			x[rd] = mulhu(a, b);
			break;
		case 52: // div
		case 53: // divu
		case 54: // rem
		case 55: // remu
			x[rd] = divide(op, a, b);
			break;
		case 56: // lr.w
		case 57: // sc.w
		case 58: // amoswap.w
		case 59: // amoadd.w
		case 60: // amoxor.w
		case 61: // amoand.w
		case 62: // amoor.w
		case 63: // amomin.w
		case 64: // amomax.w
		case 65: // amominu.w
		case 66: // amomaxu.w
			if (!atomic(h, w >>> 27, rd, a, b)) return false;
			break;
		case 67: // sret
			if (!sret(h)) return false;
			return true;
		case 68: // mret
			if (!mret(h)) return false;
			return true;
		case 69: // wfi
			if (!wfi(h)) return false;
			break;
		case 70: // sfence.vma
			if (!sfenceVma(h, (w >>> 15) & 31, (w >>> 20) & 31)) return false;
			break;
		case 71: // hfence.vvma
		case 72: // hfence.gvma
			if (!hfence(h, op === 72, (w >>> 15) & 31, (w >>> 20) & 31)) return false;
			break;
		case 73: // hlv.b
		case 74: // hlv.bu
		case 75: // hlv.h
		case 76: // hlv.hu
		case 77: // hlvx.hu
		case 78: // hlv.w
		case 79: {
			// hlvx.wu
			if (!hypervisorAccessAllowed(h)) return false;
			const size = op <= 74 ? 1 : op <= 77 ? 2 : 4;
			const signed = op === 73 || op === 75 || op === 78;
			const v = loadSlow(h, a, size, signed, op === 77 || op === 79 ? 2 : 1);
			if (h.excPending) return false;
			x[rd] = v;
			break;
		}
		case 80: // hsv.b
		case 81: // hsv.h
		case 82: // hsv.w
			if (!hypervisorAccessAllowed(h)) return false;
			storeSlow(h, a, op === 80 ? 1 : op === 81 ? 2 : 4, b, true);
			if (h.excPending) return false;
			break;
		case OP_ILLEGAL:
		default: // illegal instruction: tval holds the instruction bits (§3.1.16)
			raise(h, Cause.illegalInstruction, w);
			return false;
	}
	h.pc = next;
	return true;
}
