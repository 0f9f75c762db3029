/**
 * The CSR file: reading and writing each implemented CSR with its WARL rules, and the access check
 * that decides between success, illegal instruction and virtual instruction (§2.1, §9.6.1).
 * Numbers and names come from isa/csr.ts.
 */
import type { Hart } from './hart.ts';
import {
	Cause,
	HEDELEG_WRITABLE,
	HSTATUS_VTVM,
	HSTATUS_WRITABLE,
	MEDELEG_WRITABLE,
	MIE_WRITABLE,
	MISA,
	MSTATUSH_GVA,
	MSTATUSH_MPV,
	MSTATUS_MPP,
	MSTATUS_TVM,
	MSTATUS_WRITABLE,
	PRIV_M,
	PRIV_S,
	PRIV_U,
	SSTATUS_MASK,
	S_IRQS,
	VS_IRQS
} from './constants.ts';
import { cycles, high32, low32, mipValue, mtime, withHigh32, withLow32 } from './counters.ts';
import { flushHostTlb } from '../mmu/host-tlb.ts';

/** When V=1, these supervisor CSRs are replaced by their VS counterparts (§9.2.11). */
export function substituteForVirtual(csr: number): number {
	switch (csr) {
		case 0x100: // sstatus
		case 0x104: // sie
		case 0x105: // stvec
		case 0x140: // sscratch
		case 0x141: // sepc
		case 0x142: // scause
		case 0x143: // stval
		case 0x144: // sip
		case 0x180: // satp
			return csr + 0x100;
		default:
			return csr;
	}
}

const tvecLegal = (v: number) => ((v & 3) >= 2 ? v & ~3 : v);
const vsTime = (h: Hart) => mtime(h) + h.htimedelta;

/** Value of a CSR, or undefined when it is not implemented. No privilege checks. */
export function readCsr(h: Hart, csr: number): number | undefined {
	if (csr >= 0x3a0 && csr <= 0x3af) return h.pmpcfg[csr - 0x3a0];
	if (csr >= 0x3b0 && csr <= 0x3ef) return h.pmpaddr[csr - 0x3b0];
	// hpmcounter3..31(h), mhpmcounter3..31(h), mhpmevent3..31: implemented as constant zero.
	if ((csr >= 0xc03 && csr <= 0xc1f) || (csr >= 0xc83 && csr <= 0xc9f)) return 0;
	if ((csr >= 0xb03 && csr <= 0xb1f) || (csr >= 0xb83 && csr <= 0xb9f)) return 0;
	if (csr >= 0x323 && csr <= 0x33f) return 0;
	switch (csr) {
		case 0xc00: // cycle
		case 0xb00: // mcycle
			return low32(cycles(h) + h.cycleOffset);
		case 0xc80:
		case 0xb80:
			return high32(cycles(h) + h.cycleOffset);
		case 0xc02: // instret
		case 0xb02:
			return low32(h.instret + h.instretOffset);
		case 0xc82:
		case 0xb82:
			return high32(h.instret + h.instretOffset);
		case 0xc01: // time (with htimedelta at V=1, §9.2.7)
			return low32(h.virt ? vsTime(h) : mtime(h));
		case 0xc81:
			return high32(h.virt ? vsTime(h) : mtime(h));
		// Supervisor
		case 0x100:
			return h.mstatus & SSTATUS_MASK;
		case 0x104:
			return h.mie & h.mideleg & S_IRQS;
		case 0x105:
			return h.stvec;
		case 0x106:
			return h.scounteren;
		case 0x10a:
			return h.senvcfg;
		case 0x140:
			return h.sscratch;
		case 0x141:
			return h.sepc;
		case 0x142:
			return h.scause;
		case 0x143:
			return h.stval;
		case 0x144:
			return mipValue(h) & h.mideleg & S_IRQS;
		case 0x180:
			return h.satp;
		// Virtual supervisor
		case 0x200:
			return h.vsstatus;
		case 0x204:
			return (h.mie & h.hideleg & VS_IRQS) >> 1;
		case 0x205:
			return h.vstvec;
		case 0x240:
			return h.vsscratch;
		case 0x241:
			return h.vsepc;
		case 0x242:
			return h.vscause;
		case 0x243:
			return h.vstval;
		case 0x244:
			return (mipValue(h) & h.hideleg & VS_IRQS) >> 1;
		case 0x280:
			return h.vsatp;
		// Hypervisor
		case 0x600:
			return h.hstatus;
		case 0x602:
			return h.hedeleg;
		case 0x603:
			return h.hideleg;
		case 0x604:
			return h.mie & (VS_IRQS | (1 << 12));
		case 0x605:
			return low32(h.htimedelta);
		case 0x615:
			return high32(h.htimedelta);
		case 0x606:
			return h.hcounteren;
		case 0x607: // hgeie
		case 0xe12: // hgeip (GEILEN = 0)
			return 0;
		case 0x60a:
			return h.henvcfg;
		case 0x61a: // henvcfgh
			return 0;
		case 0x643:
			return h.htval;
		case 0x644:
			return mipValue(h) & (VS_IRQS | (1 << 12));
		case 0x645:
			return h.hvip;
		case 0x64a:
			return h.htinst;
		case 0x680:
			return h.hgatp;
		// Machine
		case 0xf11: // mvendorid
		case 0xf12: // marchid
		case 0xf13: // mimpid
		case 0xf14: // mhartid
		case 0xf15: // mconfigptr
			return 0;
		case 0x300:
			return h.mstatus;
		case 0x310:
			return h.mstatush;
		case 0x301:
			return MISA;
		case 0x302:
			return h.medeleg;
		case 0x303:
			return h.mideleg;
		case 0x304:
			return h.mie;
		case 0x305:
			return h.mtvec;
		case 0x306:
			return h.mcounteren;
		case 0x30a:
			return h.menvcfg;
		case 0x31a: // menvcfgh
			return 0;
		case 0x320:
			return h.mcountinhibit;
		case 0x340:
			return h.mscratch;
		case 0x341:
			return h.mepc;
		case 0x342:
			return h.mcause;
		case 0x343:
			return h.mtval;
		case 0x344:
			return mipValue(h);
		case 0x34a:
			return h.mtinst;
		case 0x34b:
			return h.mtval2;
		default:
			return undefined;
	}
}

/**
 * Writes a CSR with its WARL legalization. The caller has checked that the CSR exists and that
 * the access is allowed. Writes that can change translation flush the host-side TLB.
 */
export function writeCsr(h: Hart, csr: number, v: number): void {
	v |= 0;
	if (csr >= 0x3a0 && csr <= 0x3af) {
		h.pmpcfg[csr - 0x3a0] = v;
		return;
	}
	if (csr >= 0x3b0 && csr <= 0x3ef) {
		h.pmpaddr[csr - 0x3b0] = v; // RV32: address bits 33:2, all 32 bits
		return;
	}
	switch (csr) {
		case 0xb00:
			h.cycleOffset = withLow32(cycles(h) + h.cycleOffset, v) - cycles(h);
			return;
		case 0xb80:
			h.cycleOffset = withHigh32(cycles(h) + h.cycleOffset, v) - cycles(h);
			return;
		case 0xb02:
			h.instretOffset = withLow32(h.instret + h.instretOffset, v) - h.instret;
			return;
		case 0xb82:
			h.instretOffset = withHigh32(h.instret + h.instretOffset, v) - h.instret;
			return;
		case 0x100:
			h.mstatus = (h.mstatus & ~SSTATUS_MASK) | (v & SSTATUS_MASK);
			break;
		case 0x104: {
			const mask = h.mideleg & S_IRQS;
			h.mie = (h.mie & ~mask) | (v & mask);
			return;
		}
		case 0x105:
			h.stvec = tvecLegal(v);
			return;
		case 0x106:
			h.scounteren = v;
			return;
		case 0x10a:
			h.senvcfg = v & 1;
			return;
		case 0x140:
			h.sscratch = v;
			return;
		case 0x141:
			h.sepc = v & ~3;
			return;
		case 0x142:
			h.scause = v;
			return;
		case 0x143:
			h.stval = v;
			return;
		case 0x144: {
			const mask = h.mideleg & (1 << 1); // only SSIP is writable through sip
			h.mipSw = (h.mipSw & ~mask) | (v & mask);
			return;
		}
		case 0x180:
			h.satp = v;
			break;
		case 0x200:
			h.vsstatus = v & SSTATUS_MASK;
			break;
		case 0x204: {
			const mask = h.hideleg & VS_IRQS;
			h.mie = (h.mie & ~mask) | ((v << 1) & mask);
			return;
		}
		case 0x205:
			h.vstvec = tvecLegal(v);
			return;
		case 0x240:
			h.vsscratch = v;
			return;
		case 0x241:
			h.vsepc = v & ~3;
			return;
		case 0x242:
			h.vscause = v;
			return;
		case 0x243:
			h.vstval = v;
			return;
		case 0x244: {
			const mask = h.hideleg & (1 << 2); // vsip.SSIP is hvip.VSSIP
			h.hvip = (h.hvip & ~mask) | ((v << 1) & mask);
			return;
		}
		case 0x280:
			h.vsatp = v;
			break;
		case 0x600:
			h.hstatus = v & HSTATUS_WRITABLE;
			return;
		case 0x602:
			h.hedeleg = v & HEDELEG_WRITABLE;
			return;
		case 0x603:
			h.hideleg = v & VS_IRQS;
			return;
		case 0x604:
			h.mie = (h.mie & ~VS_IRQS) | (v & VS_IRQS);
			return;
		case 0x605:
			h.htimedelta = withLow32(h.htimedelta, v);
			return;
		case 0x615:
			h.htimedelta = withHigh32(h.htimedelta, v);
			return;
		case 0x606:
			h.hcounteren = v;
			return;
		case 0x60a:
			h.henvcfg = v & 1;
			return;
		case 0x643:
			h.htval = v;
			return;
		case 0x644:
			h.hvip = (h.hvip & ~(1 << 2)) | (v & (1 << 2));
			return;
		case 0x645:
			h.hvip = v & VS_IRQS;
			return;
		case 0x64a:
			h.htinst = v;
			return;
		case 0x680:
			// Sv32x4 root tables are 16 KiB aligned: PPN bits 1:0 read as zero (§9.2.10).
			h.hgatp = v & 0x9ffffffc;
			break;
		case 0x300: {
			let mpp = v & MSTATUS_MPP;
			if (mpp === 2 << 11) mpp = h.mstatus & MSTATUS_MPP; // MPP=2 is reserved: keep the old value
			h.mstatus = (h.mstatus & ~MSTATUS_WRITABLE) | (v & MSTATUS_WRITABLE & ~MSTATUS_MPP) | mpp;
			break;
		}
		case 0x310:
			h.mstatush = v & (MSTATUSH_MPV | MSTATUSH_GVA);
			break;
		case 0x302:
			h.medeleg = v & MEDELEG_WRITABLE;
			return;
		case 0x303:
			h.mideleg = (v & S_IRQS) | VS_IRQS | (1 << 12);
			return;
		case 0x304:
			h.mie = v & MIE_WRITABLE;
			return;
		case 0x305:
			h.mtvec = tvecLegal(v);
			return;
		case 0x306:
			h.mcounteren = v;
			return;
		case 0x30a:
			h.menvcfg = v & 1;
			return;
		case 0x320:
			h.mcountinhibit = v & ~2;
			return;
		case 0x340:
			h.mscratch = v;
			return;
		case 0x341:
			h.mepc = v & ~3;
			return;
		case 0x342:
			h.mcause = v;
			return;
		case 0x343:
			h.mtval = v;
			return;
		case 0x344: {
			h.mipSw = (h.mipSw & ~S_IRQS) | (v & S_IRQS);
			h.hvip = (h.hvip & ~(1 << 2)) | (v & (1 << 2));
			return;
		}
		case 0x34a:
			h.mtinst = v;
			return;
		case 0x34b:
			h.mtval2 = v;
			return;
		default:
			return; // read-only zero CSRs (misa, counters 3..31, ...): writes are ignored
	}
	flushHostTlb(h);
}

/** Whether a counter CSR (cycle, time, instret, hpmcounterN and high halves) is a counter. */
const isCounter = (csr: number) => (csr >= 0xc00 && csr <= 0xc1f) || (csr >= 0xc80 && csr <= 0xc9f);

/**
 * Checks an access to `csr` from the current mode (§2.1 and §9.6.1). Returns 0 when allowed, or
 * the exception cause: illegal instruction, or virtual instruction when V=1 and the access would
 * have been allowed in HS-mode (hypervisor and VS CSRs, supervisor CSRs from VU-mode, counters
 * hidden by hcounteren/scounteren, satp under hstatus.VTVM).
 */
export function csrAccessCause(h: Hart, csr: number, write: boolean): number {
	const illegal = Cause.illegalInstruction;
	const virtual = Cause.virtualInstruction;
	if (readCsr(h, csr) === undefined) return illegal;
	if (write && csr >>> 10 === 3) return illegal; // read-only CSR
	const level = (csr >>> 8) & 3;
	const priv = h.priv;
	const virt = h.virt === 1;
	if (level === 3) return priv === PRIV_M ? 0 : illegal;
	if (level === 2) {
		if (priv === PRIV_M || (priv === PRIV_S && !virt)) {
			if (csr === 0x680 && priv === PRIV_S && h.mstatus & MSTATUS_TVM) return illegal;
			return 0;
		}
		return virt ? virtual : illegal;
	}
	if (level === 1) {
		if (priv === PRIV_U) return virt ? virtual : illegal;
		if (csr === 0x180 && priv === PRIV_S) {
			if (!virt && h.mstatus & MSTATUS_TVM) return illegal;
			if (virt && h.hstatus & HSTATUS_VTVM) return virtual;
		}
		return 0;
	}
	if (isCounter(csr) && priv !== PRIV_M) {
		const bit = 1 << (csr & 31);
		if (!(h.mcounteren & bit)) return illegal;
		if (virt && !(h.hcounteren & bit)) return virtual;
		if (priv === PRIV_U && !(h.scounteren & bit)) return virt ? virtual : illegal;
	}
	return 0;
}
