/**
 * What the monitors share (monitor.ts): the SBI platform of a monitored guest and the argument
 * registers a0–a7 (SBI v2.0 §3).
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import {
	argumentRegisters,
	sbiPlatform,
	type MonitorContext
} from '../../../../src/lib/emulator/vmm/monitor.ts';

function context(input: number[] = []) {
	const out: number[] = [];
	const ctx = {
		machine: new Machine({ ramSize: 1 << 20 }),
		end: null,
		console: { out: (b: number) => out.push(b), input }
	} as unknown as MonitorContext;
	return { ctx, out };
}

describe('sbiPlatform', () => {
	it('writes to the guest console, reads its input, then -1', () => {
		const { ctx, out } = context([0x61]);
		const timers: number[] = [];
		const p = sbiPlatform(ctx, (d) => timers.push(d));
		p.putchar(0x42);
		expect(out).toEqual([0x42]);
		expect(p.getchar()).toBe(0x61);
		expect(p.getchar()).toBe(-1);
		p.setTimer(123);
		expect(timers).toEqual([123]);
	});

	it('ends the guest with the status SRST asked for', () => {
		const { ctx } = context();
		sbiPlatform(ctx, () => {}).shutdown(1);
		expect(ctx.end).toMatchObject({ kind: 'exit', exitCode: 1 });
	});
});

describe('argumentRegisters', () => {
	it('reads a0..a7 (x10..x17) in order', () => {
		const m = new Machine({ ramSize: 1 << 20 });
		for (let i = 10; i <= 17; i++) m.writeRegister(i, 100 + i);
		m.writeRegister(9, 1);
		m.writeRegister(18, 1);
		expect(argumentRegisters(m)).toEqual([110, 111, 112, 113, 114, 115, 116, 117]);
	});
});
