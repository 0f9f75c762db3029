/**
 * Building one exit record (exit-builder.ts): every change a handler makes goes into the record with
 * its value before and after, so that the exit stepper can step it back exactly.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';
import { ExitBuilder } from '../../../../src/lib/emulator/vmm/exit-builder.ts';
import { ExitLog } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { costPreset } from '../../../../src/lib/emulator/vmm/cost.ts';
import type { MonitorContext } from '../../../../src/lib/emulator/vmm/monitor.ts';
import type { TrapInfo } from '../../../../src/lib/emulator/machine/types.ts';

function context() {
	const machine = new Machine({ ramSize: 1 << 20 });
	const ctx: MonitorContext = {
		machine,
		mem: { ramSize: 1 << 20, hpaBase: 0x80000000 },
		log: new ExitLog('hw', costPreset('core2')!, true),
		console: { out: () => {}, input: [] },
		end: null,
		emulatedInstructions: 5,
		nonVirtualizable: false
	};
	machine.pc = 0x80000010;
	return ctx;
}
const trap: TrapInfo = {
	cause: 10,
	interrupt: false,
	tval: 0,
	htval: 0,
	htinst: 0,
	gva: false,
	pc: 0x80000010,
	priv: 1,
	virt: true
};

describe('ExitBuilder', () => {
	it('records register and pc changes with before and after, by ABI name; x0 never changes', () => {
		const ctx = context();
		ctx.machine.writeRegister(10, 7);
		const b = new ExitBuilder(ctx, trap, 0x73);
		b.setRegister(10, -2);
		b.setRegister(0, 99);
		b.setPc(0x80000014);
		expect(ctx.machine.readRegister(10)).toBe(-2);
		expect(ctx.machine.readRegister(0)).toBe(0);
		expect(ctx.machine.pc).toBe(0x80000014);
		expect(b.changes).toEqual([
			{ name: 'a0', before: 7, after: 0xfffffffe },
			{ name: 'pc', before: 0x80000010, after: 0x80000014 }
		]);
	});

	it('records a CSR write by the CSR’s name, and only if the CSR changed', () => {
		const ctx = context();
		const b = new ExitBuilder(ctx, trap);
		b.setCsr(Csr.mie, 1 << 7);
		b.setCsr(Csr.mie, 1 << 7); // no change
		b.setCsr(Csr.sscratch, 0xdeadbeef);
		expect(b.changes).toEqual([
			{ name: 'mie', before: 0, after: 0x80 },
			{ name: 'sscratch', before: 0, after: 0xdeadbeef }
		]);
	});

	it('records a 64-bit value such as mtimecmp exactly', () => {
		const ctx = context();
		const b = new ExitBuilder(ctx, trap);
		b.change('mtimecmp', 2 ** 64 - 1, 0x1_0000_1234);
		expect(b.changes).toEqual([{ name: 'mtimecmp', before: 2 ** 64 - 1, after: 0x1_0000_1234 }]);
	});

	it('finishes into the log with the trap, the steps and the guest’s progress (retired + emulated)', () => {
		const ctx = context();
		const b = new ExitBuilder(ctx, trap, 0x73);
		b.step({ kind: 'firmware', call: 'sbi_set_timer' });
		const r = b.finish('sbi');
		expect(r).toMatchObject({
			seq: 1,
			mode: 'hw',
			reason: 'sbi',
			cause: 10,
			interrupt: false,
			guestPc: 0x80000010,
			instruction: 0x73,
			guestInstructions: ctx.machine.instret + 5,
			steps: [{ kind: 'firmware', call: 'sbi_set_timer' }]
		});
		expect(ctx.log.records).toEqual([r]);
	});
});
