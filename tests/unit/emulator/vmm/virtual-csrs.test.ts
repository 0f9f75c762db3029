/**
 * The virtual supervisor of trap mode (virtual-csrs.ts): the CSRs a deprivileged kernel believes
 * it has. Oracle: the Privileged spec (20211203) §4.1 for the WARL rules, §4.1.1/§3.3.2 for trap
 * entry and SRET, §4.1.3 for interrupt priority and enabling; and, since the file promises that a
 * guest cannot tell the virtual CSRs from the real ones, this machine's own S-mode CSRs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	SUPERVISOR_IRQS,
	VirtualSupervisor
} from '../../../../src/lib/emulator/vmm/virtual-csrs.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';

const SIE = 1 << 1;
const SPIE = 1 << 5;
const UBE = 1 << 6;
const SPP = 1 << 8;
const SUM = 1 << 18;
const MXR = 1 << 19;
const SSIP = 1 << 1;
const STIP = 1 << 5;
const SEIP = 1 << 9;
const U = 0;
const S = 1;
/** CSR values and addresses as unsigned numbers (the virtual CSRs may hold them signed). */
const u = (x: number | undefined) => (x === undefined ? undefined : x >>> 0);

describe('WARL rules of the virtual CSRs (§4.1)', () => {
	it('sstatus keeps SIE, SPIE, SPP, SUM and MXR; FS, VS, XS, UBE and SD read as zero (no F, V, big-endian)', () => {
		const v = new VirtualSupervisor();
		v.write(Csr.sstatus, 0xffffffff);
		expect(u(v.read(Csr.sstatus))).toBe(SIE | SPIE | SPP | SUM | MXR);
		expect(v.read(Csr.sstatus)! & UBE).toBe(0);
		v.write(Csr.sstatus, 0);
		expect(u(v.read(Csr.sstatus))).toBe(0);
	});

	it('sie holds only the supervisor software, timer and external enables', () => {
		const v = new VirtualSupervisor();
		v.write(Csr.sie, 0xffffffff);
		expect(u(v.read(Csr.sie))).toBe(SSIP | STIP | SEIP);
		expect(SUPERVISOR_IRQS).toBe(0x222);
	});

	it('sip: only SSIP is writable; STIP and SEIP are read-only to the supervisor', () => {
		const v = new VirtualSupervisor();
		v.write(Csr.sip, 0xffffffff);
		expect(u(v.read(Csr.sip))).toBe(SSIP);
		v.sip |= STIP; // the monitor's timer
		v.write(Csr.sip, 0);
		expect(u(v.read(Csr.sip))).toBe(STIP);
		v.write(Csr.sip, SSIP);
		expect(u(v.read(Csr.sip))).toBe(STIP | SSIP);
	});

	it('stvec: Direct (0) and Vectored (1) are kept; the reserved modes 2 and 3 are not stored', () => {
		const v = new VirtualSupervisor();
		v.write(Csr.stvec, 0x80001000);
		expect(u(v.read(Csr.stvec))).toBe(0x80001000);
		v.write(Csr.stvec, 0x80001001);
		expect(u(v.read(Csr.stvec))).toBe(0x80001001);
		for (const mode of [2, 3]) {
			v.write(Csr.stvec, 0x80002000 | mode);
			expect(v.read(Csr.stvec)! & 3, `mode ${mode}`).toBeLessThan(2);
			expect(u(v.read(Csr.stvec)! & ~3)).toBe(0x80002000);
		}
	});

	it('sepc: bits 1:0 are always zero with IALIGN = 32', () => {
		const v = new VirtualSupervisor();
		for (const x of [0x80000001, 0x80000002, 0x80000003, 0xffffffff]) {
			v.write(Csr.sepc, x);
			expect(v.read(Csr.sepc)! & 3).toBe(0);
			expect(v.read(Csr.sepc)! >>> 0).toBe((x & ~3) >>> 0);
		}
	});

	it('sscratch, stval and satp hold any value; other CSRs are not the supervisor’s', () => {
		const v = new VirtualSupervisor();
		for (const csr of [Csr.sscratch, Csr.stval, Csr.satp]) {
			expect(v.write(csr, 0xdeadbeef)).toBe(true);
			expect(v.read(csr)! >>> 0).toBe(0xdeadbeef);
		}
		for (const csr of [
			0x300 /* mstatus */, 0x600 /* hstatus */, 0x200 /* vsstatus */, 0xc00 /* cycle */
		]) {
			expect(v.read(csr)).toBeUndefined();
			expect(v.write(csr, 1)).toBe(false);
		}
	});

	it('matches this machine’s real S-mode CSRs for any value written (the guest cannot tell them apart)', () => {
		const csrs = [
			Csr.sstatus,
			Csr.sie,
			Csr.sip,
			Csr.stvec,
			Csr.scounteren,
			Csr.senvcfg,
			Csr.sscratch,
			Csr.sepc,
			Csr.stval,
			Csr.satp
		];
		fc.assert(
			fc.property(
				fc.constantFrom(...csrs),
				fc.integer({ min: 0, max: 0xffffffff }),
				(csr, value) => {
					const m = new Machine({ ramSize: 1 << 20 });
					m.writeCsr(Csr.mideleg, SSIP | STIP | SEIP); // as native mode delegates them
					const v = new VirtualSupervisor();
					m.writeCsr(csr, value);
					v.write(csr, value);
					expect(
						(v.read(csr)! >>> 0).toString(16),
						`csr 0x${csr.toString(16)} ← 0x${value.toString(16)}`
					).toBe((m.readCsr(csr)! >>> 0).toString(16));
				}
			),
			{ numRuns: 400 }
		);
	});
});

describe('trap entry into the guest kernel (§4.1.1, §4.1.2)', () => {
	it('from U: SPP = 0, SPIE = old SIE, SIE = 0, sepc/scause/stval saved, pc = stvec base', () => {
		const v = new VirtualSupervisor();
		v.priv = U;
		v.write(Csr.stvec, 0x80000100);
		v.write(Csr.sstatus, SIE | SPP | SUM);
		const pc = u(v.enterTrap(8, false, 0, 0x00400010));
		expect(pc).toBe(0x80000100);
		expect(v.priv).toBe(S);
		expect(u(v.read(Csr.sstatus))).toBe(SPIE | SUM); // SPP cleared (came from U), SIE moved to SPIE
		expect(u(v.read(Csr.sepc))).toBe(0x00400010);
		expect(u(v.read(Csr.scause))).toBe(8);
		expect(u(v.read(Csr.stval))).toBe(0);
	});

	it('from S with SIE clear: SPP = 1, SPIE = 0', () => {
		const v = new VirtualSupervisor();
		v.priv = S;
		v.write(Csr.stvec, 0x80000100);
		v.write(Csr.sstatus, SPIE | MXR);
		v.enterTrap(13, false, 0x1234, 0x80000040);
		expect(u(v.read(Csr.sstatus))).toBe(SPP | MXR);
		expect(u(v.read(Csr.stval))).toBe(0x1234);
		expect(u(v.read(Csr.scause))).toBe(13);
	});

	it('an interrupt sets scause bit 31; vectored mode sends interrupts to base + 4 × cause, exceptions to base', () => {
		const v = new VirtualSupervisor();
		v.priv = U;
		v.write(Csr.stvec, 0x80000101);
		expect(u(v.enterTrap(5, true, 0, 0x00400000))).toBe(0x80000100 + 4 * 5);
		expect(v.read(Csr.scause)! >>> 0).toBe(0x80000005);
		v.priv = U;
		expect(u(v.enterTrap(9, true, 0, 0x00400000))).toBe(0x80000100 + 4 * 9);
		v.priv = U;
		expect(u(v.enterTrap(8, false, 0, 0x00400000))).toBe(0x80000100);
		v.write(Csr.stvec, 0x80000100); // direct: everything to base
		expect(u(v.enterTrap(5, true, 0, 0x80000000))).toBe(0x80000100);
	});
});

describe('SRET (§3.3.2)', () => {
	it('returns to SPP at sepc, SIE = SPIE, SPIE = 1, SPP = U', () => {
		const v = new VirtualSupervisor();
		v.priv = S;
		v.write(Csr.sstatus, SPP | SUM); // SPIE clear
		v.write(Csr.sepc, 0x80000200);
		expect(u(v.sret())).toBe(0x80000200);
		expect(v.priv).toBe(S);
		expect(u(v.read(Csr.sstatus))).toBe(SPIE | SUM);

		v.write(Csr.sstatus, SPIE); // SPP = U
		v.write(Csr.sepc, 0x00400000);
		expect(u(v.sret())).toBe(0x00400000);
		expect(v.priv).toBe(U);
		expect(u(v.read(Csr.sstatus))).toBe(SIE | SPIE);
	});

	it('undoes a trap entry: trap then SRET restores privilege and SIE', () => {
		for (const [priv, sie] of [
			[U, 0],
			[U, SIE],
			[S, 0],
			[S, SIE]
		]) {
			const v = new VirtualSupervisor();
			v.priv = priv;
			v.write(Csr.sstatus, sie);
			v.enterTrap(2, false, 0, 0x80000000);
			v.sret();
			expect(v.priv).toBe(priv);
			expect(v.read(Csr.sstatus)! & SIE).toBe(sie);
		}
	});
});

describe('deliverableInterrupt (§4.1.3)', () => {
	const withPending = (pending: number, enabled: number, priv: number, sstatus: number) => {
		const v = new VirtualSupervisor();
		v.sip = pending;
		v.write(Csr.sie, enabled);
		v.priv = priv;
		v.write(Csr.sstatus, sstatus);
		return v.deliverableInterrupt();
	};

	it('orders simultaneous interrupts SEI, SSI, STI', () => {
		expect(withPending(SSIP | STIP | SEIP, 0x222, S, SIE)).toBe(9);
		expect(withPending(SSIP | STIP, 0x222, S, SIE)).toBe(1);
		expect(withPending(STIP, 0x222, S, SIE)).toBe(5);
		expect(withPending(SEIP | STIP, 0x222, S, SIE)).toBe(9);
	});

	it('needs the interrupt enabled in sie', () => {
		expect(withPending(SSIP | STIP | SEIP, 0, S, SIE)).toBe(-1);
		expect(withPending(SSIP | STIP | SEIP, STIP, S, SIE)).toBe(5);
		expect(withPending(SEIP | STIP, STIP, U, 0)).toBe(5);
	});

	it('in S-mode needs sstatus.SIE; in U-mode supervisor interrupts are always globally enabled', () => {
		expect(withPending(STIP, STIP, S, 0)).toBe(-1);
		expect(withPending(STIP, STIP, S, SIE)).toBe(5);
		expect(withPending(STIP, STIP, U, 0)).toBe(5);
		expect(withPending(STIP, STIP, U, SIE)).toBe(5);
	});

	it('is -1 when nothing is pending', () => {
		expect(withPending(0, 0x222, U, SIE)).toBe(-1);
	});
});
