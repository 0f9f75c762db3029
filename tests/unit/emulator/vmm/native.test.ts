/**
 * Native mode's firmware (native.ts): the host plays OpenSBI. Boot convention of QEMU virt with
 * OpenSBI (the kernel entered in S-mode with a0 = hart id, a1 = device tree), delegation
 * (Privileged spec §3.1.8: medeleg/mideleg), and the SBI timer (SBI v2.0 §6.1).
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';
import {
	NATIVE_MEDELEG,
	NATIVE_MIDELEG,
	NativeFirmware
} from '../../../../src/lib/emulator/vmm/native.ts';
import { ExitLog } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { costPreset } from '../../../../src/lib/emulator/vmm/cost.ts';
import type { MonitorContext } from '../../../../src/lib/emulator/vmm/monitor.ts';
import type { TrapInfo } from '../../../../src/lib/emulator/machine/types.ts';

function setup() {
	const machine = new Machine({ ramSize: 8 << 20, hostTrapsM: true });
	const out: number[] = [];
	const ctx: MonitorContext = {
		machine,
		mem: { ramSize: 8 << 20, hpaBase: 0x80000000 },
		log: new ExitLog('native', costPreset('core2')!, true),
		console: { out: (b) => out.push(b), input: [] },
		end: null,
		emulatedInstructions: 0,
		nonVirtualizable: false
	};
	const fw = new NativeFirmware(ctx);
	fw.boot({ entry: 0x80000100, fdt: 0x80600000 });
	return { machine, ctx, fw, out };
}
const trap = (over: Partial<TrapInfo>): TrapInfo => ({
	cause: 9,
	interrupt: false,
	tval: 0,
	htval: 0,
	htinst: 0,
	gva: false,
	pc: 0x80000200,
	priv: 1,
	virt: false,
	...over
});

describe('NativeFirmware', () => {
	it('enters the kernel in S-mode at its entry with a0 = hart 0 and a1 = the device tree', () => {
		const { machine } = setup();
		expect(machine.mode).toEqual({ priv: 1, virt: false });
		expect(machine.pc).toBe(0x80000100);
		expect(machine.readRegister(10)).toBe(0);
		expect(machine.readRegister(11) >>> 0).toBe(0x80600000);
	});

	it('delegates every exception but ECALLs from S and M to the kernel, and the supervisor interrupts', () => {
		const { machine } = setup();
		const medeleg = machine.readCsr(Csr.medeleg)!;
		expect(medeleg).toBe(NATIVE_MEDELEG >>> 0);
		for (const cause of [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 15])
			expect((medeleg >>> cause) & 1, `cause ${cause}`).toBe(1);
		for (const cause of [9, 11]) expect((medeleg >>> cause) & 1, `cause ${cause}`).toBe(0);
		expect(machine.readCsr(Csr.mideleg)! & 0x2aa).toBe(NATIVE_MIDELEG); // (VS bits are read-only one with H)
		expect(NATIVE_MIDELEG).toBe(0x222);
		expect(machine.readCsr(Csr.mcounteren)! & 7).toBe(7);
	});

	it('answers an SBI call in a0/a1 and returns past the ECALL, counting a firmware call', () => {
		const { machine, ctx, fw, out } = setup();
		machine.writeRegister(17, 1); // legacy putchar
		machine.writeRegister(10, 0x41);
		machine.writeRegister(11, 0x1234);
		fw.handle(trap({}));
		expect(out).toEqual([0x41]);
		expect(machine.readRegister(10)).toBe(0);
		expect(machine.readRegister(11)).toBe(0x1234);
		expect(machine.pc).toBe(0x80000204);
		expect(ctx.log.firmwareCalls).toBe(1);
		expect(ctx.log.count).toBe(0);
	});

	it('turns the machine timer into a pending supervisor timer, masking it until set_timer', () => {
		const { machine, ctx, fw } = setup();
		machine.writeRegister(17, 0x54494d45);
		machine.writeRegister(16, 0);
		machine.writeRegister(10, 5);
		machine.writeRegister(11, 0);
		fw.handle(trap({}));
		expect(machine.readCsr(Csr.mie)! & 0x80).toBe(0x80); // MTIE armed
		fw.handle(trap({ cause: 7, interrupt: true }));
		expect(machine.readCsr(Csr.mip)! & 0x20).toBe(0x20); // STIP
		expect(machine.readCsr(Csr.mie)! & 0x80).toBe(0);
		machine.writeRegister(10, 1000);
		fw.handle(trap({}));
		expect(machine.readCsr(Csr.mip)! & 0x20).toBe(0); // cleared by set_timer (SBI §6.1)
		expect(ctx.log.firmwareCalls).toBe(3);
	});

	it('ends the run with status 1 on a trap nothing should send to M-mode', () => {
		const { ctx, fw } = setup();
		fw.handle(trap({ cause: 11 }));
		expect(ctx.end).toMatchObject({ kind: 'exit', exitCode: 1 });
		expect(ctx.end!.how).toMatch(/cause 11/);
		expect(ctx.end!.how).not.toMatch(/\n/);
	});
});
