import { describe, expect, it } from 'vitest';
import { DebugSession } from '../../../../src/lib/emulator/session/debug-session.ts';
import { machineView, REGISTER_NAMES } from '../../../../src/lib/emulator/session/machine-view.ts';

const SOURCE = `_start:
	li t0, 0x10000000
	li t1, 79
	sb t1, 0(t0)
	li t1, 75
	sb t1, 0(t0)
	ecall
`;

describe('machineView', () => {
	it('is undefined before a program is loaded', () => {
		expect(machineView(new DebugSession())).toBeUndefined();
	});

	it('shows pc with its line, registers, CSRs by group, output and disassembly around pc', () => {
		const s = new DebugSession({ ramSize: 64 * 1024 });
		s.load({ kind: 'source', text: SOURCE, file: 'main.s' });
		s.setBreakpoints([0x80000010]);
		s.step(4);
		const v = machineView(s, { before: 2, after: 3 })!;
		expect(structuredClone(v)).toEqual(v); // crosses to the page unchanged
		expect(v.pc).toBe(0x80000010);
		expect(v.place).toEqual({ file: 'main.s', line: 6 });
		expect(v.mode).toEqual({ priv: 3, virt: false, name: 'M' });
		expect(REGISTER_NAMES[6]).toBe('x6 t1');
		expect(v.registers[6]).toBe(75);
		expect(v.output).toBe('O');
		expect(v.csrs.map((g) => g.group)).toContain('machine');
		expect(
			v.csrs.find((g) => g.group === 'machine')!.csrs.find((c) => c.name === 'minstret')!.value
		).toBe(4);
		expect(v.disassembly.map((d) => d.address)).toEqual([
			0x80000008, 0x8000000c, 0x80000010, 0x80000014, 0x80000018, 0x8000001c
		]);
		expect(v.disassembly.find((d) => d.isPc)).toMatchObject({
			text: 'sb\tt1,0(t0)',
			breakpoint: true
		});
		expect(v.disassembly[0]).toMatchObject({ label: undefined, place: { line: 4 } });
		expect(v.delta).toMatchObject({ steps: 4, registers: [5, 6] });
	});

	it('lists the trap taken, from and to which mode', () => {
		const s = new DebugSession({ ramSize: 64 * 1024 });
		s.load({ kind: 'source', text: SOURCE, file: 'main.s' });
		s.step(6);
		const v = machineView(s)!;
		expect(v.traps).toEqual([
			expect.objectContaining({
				position: 5,
				cause: 11,
				pc: 0x80000014,
				from: expect.objectContaining({ name: 'M' }),
				to: 'M'
			})
		]);
		expect(v.trapTotal).toBe(1);
	});
});
