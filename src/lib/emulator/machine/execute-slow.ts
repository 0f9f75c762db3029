/**
 * The reference executor: executes the one instruction at pc with its complete semantics, every
 * instruction of the table included. The interpreter's fast loop (execute.ts) handles the common
 * cases itself and hands everything else here: CSR and privileged instructions, atomics,
 * hypervisor loads and stores, loads and stores that miss the host TLB, traps. A differential test
 * runs programs with `Hart.slowOnly` (every instruction here) and compares with the fast loop.
 *
 * It switches on the op ids of isa/ops.ts by name (`case Op.ECALL`); a unit test
 * (tests/unit/emulator/isa-decode/ops.test.ts) checks that the cases are exactly the table's.
 * Exceptions are raised on the hart (exception.ts) and leave pc at the instruction.
 */
import type { Hart } from './hart.ts';
import { Cause, RAM_BASE } from './constants.ts';
import { raise } from './exception.ts';
import { decodeOp, Op, OP_ILLEGAL } from '../isa/ops.ts';
import { immB, immI, immJ, immS, immU, rdOf, rs1Of, rs2Of } from '../isa/fields.ts';
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

/** Division and remainder with RISC-V's results for zero divisors and overflow (Volume I §7.2). */
function divide(op: number, a: number, b: number): number {
	switch (op) {
		case Op.DIV:
			return b === 0 ? -1 : b === -1 ? -a | 0 : (a / b) | 0;
		case Op.DIVU:
			return b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0;
		case Op.REM:
			return b === 0 ? a : b === -1 ? 0 : (a % b) | 0;
		default:
			return b === 0 ? a : ((a >>> 0) % (b >>> 0)) | 0;
	}
}

/** Conditional branch outcomes (Volume I §2.5). */
function branchTaken(op: number, a: number, b: number): boolean {
	switch (op) {
		case Op.BEQ:
			return a === b;
		case Op.BNE:
			return a !== b;
		case Op.BLT:
			return a < b;
		case Op.BGE:
			return a >= b;
		case Op.BLTU:
			return a >>> 0 < b >>> 0;
		default:
			return a >>> 0 >= b >>> 0;
	}
}

/** Jumps and taken branches need a 4-byte aligned target without the C extension (Volume I §2.5). */
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
		h.stoppedAtBreakpoint = ramOff + RAM_BASE;
		return false;
	}
	const w = h.ram32[ramOff >> 2];
	h.insn = w;
	const x = h.x;
	const rd = rdOf(w) || 32; // x0 writes go to the sink x[32]
	const a = x[rs1Of(w)];
	const b = x[rs2Of(w)];
	const op = decodeOp(w);
	let next = (pc + 4) | 0;
	switch (op) {
		case Op.LUI:
			x[rd] = immU(w);
			break;
		case Op.AUIPC:
			x[rd] = (pc + immU(w)) | 0;
			break;
		case Op.JAL:
			next = (pc + immJ(w)) | 0;
			if (misalignedTarget(h, next)) return false;
			x[rd] = (pc + 4) | 0;
			break;
		case Op.JALR:
			next = (a + immI(w)) & ~1;
			if (misalignedTarget(h, next)) return false;
			x[rd] = (pc + 4) | 0;
			break;
		case Op.BEQ:
		case Op.BNE:
		case Op.BLT:
		case Op.BGE:
		case Op.BLTU:
		case Op.BGEU: {
			if (branchTaken(op, a, b)) {
				next = (pc + immB(w)) | 0;
				if (misalignedTarget(h, next)) return false;
			}
			break;
		}
		case Op.LB:
		case Op.LH:
		case Op.LW:
		case Op.LBU:
		case Op.LHU: {
			const size = op === Op.LW ? 4 : op === Op.LH || op === Op.LHU ? 2 : 1;
			const signed = op === Op.LB || op === Op.LH || op === Op.LW;
			const v = loadSlow(h, (a + immI(w)) | 0, size, signed);
			if (h.excPending) return false;
			x[rd] = v;
			break;
		}
		case Op.SB:
		case Op.SH:
		case Op.SW:
			storeSlow(h, (a + immS(w)) | 0, op === Op.SW ? 4 : op === Op.SH ? 2 : 1, b);
			if (h.excPending) return false;
			break;
		case Op.ADDI:
			x[rd] = (a + immI(w)) | 0;
			break;
		case Op.SLTI:
			x[rd] = a < immI(w) ? 1 : 0;
			break;
		case Op.SLTIU:
			x[rd] = a >>> 0 < immI(w) >>> 0 ? 1 : 0;
			break;
		case Op.XORI:
			x[rd] = a ^ immI(w);
			break;
		case Op.ORI:
			x[rd] = a | immI(w);
			break;
		case Op.ANDI:
			x[rd] = a & immI(w);
			break;
		case Op.SLLI:
			x[rd] = a << rs2Of(w); // shamt, in the rs2 field
			break;
		case Op.SRLI:
			x[rd] = a >>> rs2Of(w);
			break;
		case Op.SRAI:
			x[rd] = a >> rs2Of(w);
			break;
		case Op.ADD:
			x[rd] = (a + b) | 0;
			break;
		case Op.SUB:
			x[rd] = (a - b) | 0;
			break;
		case Op.SLL:
			x[rd] = a << b;
			break;
		case Op.SLT:
			x[rd] = a < b ? 1 : 0;
			break;
		case Op.SLTU:
			x[rd] = a >>> 0 < b >>> 0 ? 1 : 0;
			break;
		case Op.XOR:
			x[rd] = a ^ b;
			break;
		case Op.SRL:
			x[rd] = a >>> b;
			break;
		case Op.SRA:
			x[rd] = a >> b;
			break;
		case Op.OR:
			x[rd] = a | b;
			break;
		case Op.AND:
			x[rd] = a & b;
			break;
		case Op.FENCE: // one hart and coherent devices, nothing to order
		case Op.FENCE_I: // stores already invalidate pre-decoded instructions
			break;
		case Op.ECALL:
			raise(h, ecallCause(h), 0);
			return false;
		case Op.EBREAK:
			raise(h, Cause.breakpoint, pc);
			return false;
		case Op.CSRRW:
		case Op.CSRRS:
		case Op.CSRRC:
		case Op.CSRRWI:
		case Op.CSRRSI:
		case Op.CSRRCI:
			// funct3 (bits 14:12) selects the operation; the CSR number is bits 31:20 (Volume I §9.1).
			if (!csrInstruction(h, (w >>> 12) & 7, rd, rs1Of(w), w >>> 20)) return false;
			break;
		case Op.MUL:
			x[rd] = Math.imul(a, b);
			break;
		case Op.MULH:
			x[rd] = mulh(a, b);
			break;
		case Op.MULHSU:
			x[rd] = mulhsu(a, b);
			break;
		case Op.MULHU:
			x[rd] = mulhu(a, b);
			break;
		case Op.DIV:
		case Op.DIVU:
		case Op.REM:
		case Op.REMU:
			x[rd] = divide(op, a, b);
			break;
		case Op.LR_W:
		case Op.SC_W:
		case Op.AMOSWAP_W:
		case Op.AMOADD_W:
		case Op.AMOXOR_W:
		case Op.AMOAND_W:
		case Op.AMOOR_W:
		case Op.AMOMIN_W:
		case Op.AMOMAX_W:
		case Op.AMOMINU_W:
		case Op.AMOMAXU_W:
			if (!atomic(h, w >>> 27, rd, a, b)) return false; // funct5, bits 31:27
			break;
		case Op.SRET:
			if (!sret(h)) return false;
			return true;
		case Op.MRET:
			if (!mret(h)) return false;
			return true;
		case Op.WFI:
			if (!wfi(h)) return false;
			break;
		case Op.SFENCE_VMA:
			if (!sfenceVma(h, rs1Of(w), rs2Of(w))) return false;
			break;
		case Op.HFENCE_VVMA:
		case Op.HFENCE_GVMA:
			if (!hfence(h, op === Op.HFENCE_GVMA, rs1Of(w), rs2Of(w))) return false;
			break;
		case Op.HLV_B:
		case Op.HLV_BU:
		case Op.HLV_H:
		case Op.HLV_HU:
		case Op.HLVX_HU:
		case Op.HLV_W:
		case Op.HLVX_WU: {
			if (!hypervisorAccessAllowed(h)) return false;
			const size = op <= Op.HLV_BU ? 1 : op <= Op.HLVX_HU ? 2 : 4;
			const signed = op === Op.HLV_B || op === Op.HLV_H || op === Op.HLV_W;
			const hlvx = op === Op.HLVX_HU || op === Op.HLVX_WU; // execute permission suffices
			const v = loadSlow(h, a, size, signed, hlvx ? 2 : 1);
			if (h.excPending) return false;
			x[rd] = v;
			break;
		}
		case Op.HSV_B:
		case Op.HSV_H:
		case Op.HSV_W:
			if (!hypervisorAccessAllowed(h)) return false;
			storeSlow(h, a, op === Op.HSV_B ? 1 : op === Op.HSV_H ? 2 : 4, b, true);
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
