/**
 * The CSR file: reading and writing each implemented CSR with its WARL rules (Privileged
 * Architecture chapters 2–4 and §9.2); who may access a CSR is csr-access.ts's business. CSRs are
 * named by `Csr` and `CsrFamily` of isa/csr.ts, the one table of CSR numbers; a unit test checks
 * that `readCsr` implements exactly the CSRs listed there.
 */
import type { Hart } from './hart.ts';
import {
	HEDELEG_WRITABLE,
	Irq,
	HSTATUS_WRITABLE,
	MEDELEG_WRITABLE,
	MIE_WRITABLE,
	MISA,
	MSTATUSH_GVA,
	MSTATUSH_MPV,
	MSTATUS_MPP,
	MSTATUS_WRITABLE,
	SSTATUS_MASK,
	S_IRQS,
	VS_IRQS
} from './constants.ts';
import { cycles, high32, low32, mipValue, mtime, withHigh32, withLow32 } from './counters.ts';
import { flushHostTlb } from '../mmu/host-tlb.ts';
import { Csr, CsrFamily, familyIndex } from '../isa/csr.ts';

const tvecLegal = (v: number) => ((v & 3) >= 2 ? v & ~3 : v);

/** hpmcounter3–31(h), mhpmcounter3–31(h), mhpmevent3–31: implemented as constant zero (§3.1.10). */
const isZeroCounter = (csr: number) =>
	familyIndex(csr, CsrFamily.hpmcounter) >= 0 ||
	familyIndex(csr, CsrFamily.hpmcounterh) >= 0 ||
	familyIndex(csr, CsrFamily.mhpmcounter) >= 0 ||
	familyIndex(csr, CsrFamily.mhpmcounterh) >= 0 ||
	familyIndex(csr, CsrFamily.mhpmevent) >= 0;
const vsTime = (h: Hart) => mtime(h) + h.htimedelta;

/** Value of a CSR, or undefined when it is not implemented. No privilege checks. */
export function readCsr(h: Hart, csr: number): number | undefined {
	const pmpcfg = familyIndex(csr, CsrFamily.pmpcfg);
	if (pmpcfg >= 0) return h.pmpcfg[pmpcfg];
	const pmpaddr = familyIndex(csr, CsrFamily.pmpaddr);
	if (pmpaddr >= 0) return h.pmpaddr[pmpaddr];
	if (isZeroCounter(csr)) return 0;
	switch (csr) {
		case Csr.cycle:
		case Csr.mcycle:
			return low32(cycles(h) + h.cycleOffset);
		case Csr.cycleh:
		case Csr.mcycleh:
			return high32(cycles(h) + h.cycleOffset);
		case Csr.instret:
		case Csr.minstret:
			return low32(h.instret + h.instretOffset);
		case Csr.instreth:
		case Csr.minstreth:
			return high32(h.instret + h.instretOffset);
		case Csr.time: // with htimedelta added at V=1 (§9.2.7)
			return low32(h.virt ? vsTime(h) : mtime(h));
		case Csr.timeh:
			return high32(h.virt ? vsTime(h) : mtime(h));
		// Supervisor
		case Csr.sstatus:
			return h.mstatus & SSTATUS_MASK;
		case Csr.sie:
			return h.mie & h.mideleg & S_IRQS;
		case Csr.stvec:
			return h.stvec;
		case Csr.scounteren:
			return h.scounteren;
		case Csr.senvcfg:
			return h.senvcfg;
		case Csr.sscratch:
			return h.sscratch;
		case Csr.sepc:
			return h.sepc;
		case Csr.scause:
			return h.scause;
		case Csr.stval:
			return h.stval;
		case Csr.sip:
			return mipValue(h) & h.mideleg & S_IRQS;
		case Csr.satp:
			return h.satp;
		// Virtual supervisor
		case Csr.vsstatus:
			return h.vsstatus;
		case Csr.vsie:
			return (h.mie & h.hideleg & VS_IRQS) >> 1;
		case Csr.vstvec:
			return h.vstvec;
		case Csr.vsscratch:
			return h.vsscratch;
		case Csr.vsepc:
			return h.vsepc;
		case Csr.vscause:
			return h.vscause;
		case Csr.vstval:
			return h.vstval;
		case Csr.vsip:
			return (mipValue(h) & h.hideleg & VS_IRQS) >> 1;
		case Csr.vsatp:
			return h.vsatp;
		// Hypervisor
		case Csr.hstatus:
			return h.hstatus;
		case Csr.hedeleg:
			return h.hedeleg;
		case Csr.hideleg:
			return h.hideleg;
		case Csr.hie:
			return h.mie & (VS_IRQS | (1 << Irq.SGEI));
		case Csr.htimedelta:
			return low32(h.htimedelta);
		case Csr.htimedeltah:
			return high32(h.htimedelta);
		case Csr.hcounteren:
			return h.hcounteren;
		case Csr.hgeie:
		case Csr.hgeip: // GEILEN = 0: no guest external interrupts
			return 0;
		case Csr.henvcfg:
			return h.henvcfg;
		case Csr.henvcfgh:
			return 0;
		case Csr.htval:
			return h.htval;
		case Csr.hip:
			return mipValue(h) & (VS_IRQS | (1 << Irq.SGEI));
		case Csr.hvip:
			return h.hvip;
		case Csr.htinst:
			return h.htinst;
		case Csr.hgatp:
			return h.hgatp;
		// Machine
		case Csr.mvendorid:
		case Csr.marchid:
		case Csr.mimpid:
		case Csr.mhartid:
		case Csr.mconfigptr:
			return 0;
		case Csr.mstatus:
			return h.mstatus;
		case Csr.mstatush:
			return h.mstatush;
		case Csr.misa:
			return MISA;
		case Csr.medeleg:
			return h.medeleg;
		case Csr.mideleg:
			return h.mideleg;
		case Csr.mie:
			return h.mie;
		case Csr.mtvec:
			return h.mtvec;
		case Csr.mcounteren:
			return h.mcounteren;
		case Csr.menvcfg:
			return h.menvcfg;
		case Csr.menvcfgh:
			return 0;
		case Csr.mcountinhibit:
			return h.mcountinhibit;
		case Csr.mscratch:
			return h.mscratch;
		case Csr.mepc:
			return h.mepc;
		case Csr.mcause:
			return h.mcause;
		case Csr.mtval:
			return h.mtval;
		case Csr.mip:
			return mipValue(h);
		case Csr.mtinst:
			return h.mtinst;
		case Csr.mtval2:
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
	const pmpcfg = familyIndex(csr, CsrFamily.pmpcfg);
	if (pmpcfg >= 0) {
		h.pmpcfg[pmpcfg] = v;
		return;
	}
	const pmpaddr = familyIndex(csr, CsrFamily.pmpaddr);
	if (pmpaddr >= 0) {
		h.pmpaddr[pmpaddr] = v; // RV32: address bits 33:2, all 32 bits
		return;
	}
	switch (csr) {
		case Csr.mcycle:
			h.cycleOffset = withLow32(cycles(h) + h.cycleOffset, v) - cycles(h);
			return;
		case Csr.mcycleh:
			h.cycleOffset = withHigh32(cycles(h) + h.cycleOffset, v) - cycles(h);
			return;
		case Csr.minstret:
			h.instretOffset = withLow32(h.instret + h.instretOffset, v) - h.instret;
			return;
		case Csr.minstreth:
			h.instretOffset = withHigh32(h.instret + h.instretOffset, v) - h.instret;
			return;
		case Csr.sstatus:
			h.mstatus = (h.mstatus & ~SSTATUS_MASK) | (v & SSTATUS_MASK);
			break;
		case Csr.sie: {
			const mask = h.mideleg & S_IRQS;
			h.mie = (h.mie & ~mask) | (v & mask);
			return;
		}
		case Csr.stvec:
			h.stvec = tvecLegal(v);
			return;
		case Csr.scounteren:
			h.scounteren = v;
			return;
		case Csr.senvcfg:
			h.senvcfg = v & 1;
			return;
		case Csr.sscratch:
			h.sscratch = v;
			return;
		case Csr.sepc:
			h.sepc = v & ~3;
			return;
		case Csr.scause:
			h.scause = v;
			return;
		case Csr.stval:
			h.stval = v;
			return;
		case Csr.sip: {
			const mask = h.mideleg & (1 << Irq.SSI); // only SSIP is writable through sip
			h.mipSw = (h.mipSw & ~mask) | (v & mask);
			return;
		}
		case Csr.satp:
			if (!h.tlbTags && (v ^ h.satp) !== 0) h.tlb.flushNonGlobal(0);
			h.satp = v;
			break;
		case Csr.vsstatus:
			h.vsstatus = v & SSTATUS_MASK;
			break;
		case Csr.vsie: {
			const mask = h.hideleg & VS_IRQS;
			h.mie = (h.mie & ~mask) | ((v << 1) & mask);
			return;
		}
		case Csr.vstvec:
			h.vstvec = tvecLegal(v);
			return;
		case Csr.vsscratch:
			h.vsscratch = v;
			return;
		case Csr.vsepc:
			h.vsepc = v & ~3;
			return;
		case Csr.vscause:
			h.vscause = v;
			return;
		case Csr.vstval:
			h.vstval = v;
			return;
		case Csr.vsip: {
			const mask = h.hideleg & (1 << Irq.VSSI); // vsip.SSIP is hvip.VSSIP
			h.hvip = (h.hvip & ~mask) | ((v << 1) & mask);
			return;
		}
		case Csr.vsatp:
			if (!h.tlbTags && (v ^ h.vsatp) !== 0) h.tlb.flushNonGlobal(1, (h.hgatp >>> 22) & 0x7f);
			h.vsatp = v;
			break;
		case Csr.hstatus:
			h.hstatus = v & HSTATUS_WRITABLE;
			return;
		case Csr.hedeleg:
			h.hedeleg = v & HEDELEG_WRITABLE;
			return;
		case Csr.hideleg:
			h.hideleg = v & VS_IRQS;
			return;
		case Csr.hie:
			h.mie = (h.mie & ~VS_IRQS) | (v & VS_IRQS);
			return;
		case Csr.htimedelta:
			h.htimedelta = withLow32(h.htimedelta, v);
			return;
		case Csr.htimedeltah:
			h.htimedelta = withHigh32(h.htimedelta, v);
			return;
		case Csr.hcounteren:
			h.hcounteren = v;
			return;
		case Csr.henvcfg:
			h.henvcfg = v & 1;
			return;
		case Csr.htval:
			h.htval = v;
			return;
		case Csr.hip:
			h.hvip = (h.hvip & ~(1 << Irq.VSSI)) | (v & (1 << Irq.VSSI));
			return;
		case Csr.hvip:
			h.hvip = v & VS_IRQS;
			return;
		case Csr.htinst:
			h.htinst = v;
			return;
		case Csr.hgatp:
			// Sv32x4 root tables are 16 KiB aligned: PPN bits 1:0 read as zero (§9.2.10).
			if (!h.tlbTags && ((v & 0x9ffffffc) ^ h.hgatp) !== 0) {
				h.tlb.flush(1);
				h.walkCache.flush();
			}
			h.hgatp = v & 0x9ffffffc;
			break;
		case Csr.mstatus: {
			let mpp = v & MSTATUS_MPP;
			if (mpp === 2 << 11) mpp = h.mstatus & MSTATUS_MPP; // MPP=2 is reserved: keep the old value
			h.mstatus = (h.mstatus & ~MSTATUS_WRITABLE) | (v & MSTATUS_WRITABLE & ~MSTATUS_MPP) | mpp;
			break;
		}
		case Csr.mstatush:
			h.mstatush = v & (MSTATUSH_MPV | MSTATUSH_GVA);
			break;
		case Csr.medeleg:
			h.medeleg = v & MEDELEG_WRITABLE;
			return;
		case Csr.mideleg:
			h.mideleg = (v & S_IRQS) | VS_IRQS | (1 << Irq.SGEI);
			return;
		case Csr.mie:
			h.mie = v & MIE_WRITABLE;
			return;
		case Csr.mtvec:
			h.mtvec = tvecLegal(v);
			return;
		case Csr.mcounteren:
			h.mcounteren = v;
			return;
		case Csr.menvcfg:
			h.menvcfg = v & 1;
			return;
		case Csr.mcountinhibit:
			h.mcountinhibit = v & ~2;
			return;
		case Csr.mscratch:
			h.mscratch = v;
			return;
		case Csr.mepc:
			h.mepc = v & ~3;
			return;
		case Csr.mcause:
			h.mcause = v;
			return;
		case Csr.mtval:
			h.mtval = v;
			return;
		case Csr.mip: {
			h.mipSw = (h.mipSw & ~S_IRQS) | (v & S_IRQS);
			h.hvip = (h.hvip & ~(1 << Irq.VSSI)) | (v & (1 << Irq.VSSI));
			return;
		}
		case Csr.mtinst:
			h.mtinst = v;
			return;
		case Csr.mtval2:
			h.mtval2 = v;
			return;
		default:
			return; // read-only zero CSRs (misa, counters 3..31, ...): writes are ignored
	}
	flushHostTlb(h);
}
