/**
 * The session's SBI firmware (session/firmware.ts) and a debugging session booted behind it. Oracles:
 * the boot convention of QEMU virt with OpenSBI (S-mode at the entry, a0 = 0, a1 = a device tree),
 * the SBI specification's return values, the course's guest kernel's own console output, and the
 * states seen going forward (a step back must return to exactly them).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { buildGuest } from '../../../../src/lib/emulator/guests/build.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { DebugSession } from '../../../../src/lib/emulator/session/debug-session.ts';
import {
	FIRMWARE_DEFAULT_RAM,
	SessionFirmware
} from '../../../../src/lib/emulator/session/firmware.ts';
import type { TrapRecord } from '../../../../src/lib/emulator/session/types.ts';
import type { TrapInfo } from '../../../../src/lib/emulator/machine/types.ts';

const MiB = 1 << 20;

/** An S-mode program: its image, and a machine that hands M-mode traps to the host. */
function booted(text: string, ramSize = 4 * MiB) {
	const out: number[] = [];
	const machine = new Machine({ ramSize, hostTrapsM: true, uartOut: (b) => out.push(b) });
	const firmware = new SessionFirmware(machine, (b) => out.push(b));
	const image = assemble(text, { file: 'main.s' }).image!;
	return { machine, firmware, out, image, error: firmware.boot({ image }) };
}

/** Runs to the next trap handed to the host, which must come. */
function nextHostTrap(machine: Machine): TrapInfo {
	const stop = machine.run({ maxInsns: 100 });
	if (stop.kind !== 'hostTrap') throw new Error(`expected a host trap, got ${stop.kind}`);
	return stop.trap;
}

describe('SessionFirmware', () => {
	it('boots in S-mode at the entry with a0 = 0 and a1 = a device tree in RAM', () => {
		const { machine, error } = booted('_start:\n\tnop\n');
		expect(error).toBeUndefined();
		expect(machine.pc).toBe(0x80000000);
		expect(machine.mode).toEqual({ priv: 1, virt: false });
		expect(machine.readRegister(10)).toBe(0);
		const fdt = machine.readRegister(11) >>> 0;
		// 4 MiB of RAM: the device tree is 2 MiB-aligned below the top (QEMU's riscv_compute_fdt_addr).
		expect(fdt).toBe(0x80200000);
		expect([...machine.readMemory(fdt, 4)!]).toEqual([0xd0, 0x0d, 0xfe, 0xed]); // FDT magic, big-endian
	});

	it('refuses too little RAM, and a kernel outside RAM, with a reason', () => {
		const out: number[] = [];
		const small = new Machine({ ramSize: 1 * MiB, hostTrapsM: true });
		const image = assemble('_start: nop\n', { file: 'main.s' }).image!;
		expect(new SessionFirmware(small, (b) => out.push(b)).boot({ image })).toMatch(
			/at least 4 MiB/
		);
		const far = assemble('.org 0x600000\n_start: nop\n', { file: 'main.s' }).image!;
		const { firmware } = booted('_start: nop\n');
		expect(firmware.boot({ image: far })).toMatch(/no room for the device tree|outside/);
	});

	it('answers an SBI call: a0/a1 back, pc past the ecall, the call named and counted', () => {
		const { machine, firmware } = booted(
			'_start:\n\tli a0, 0x10\n\tli a7, 0x10\n\tli a6, 3\n\tecall\n\tnop\n'
		);
		const trap = nextHostTrap(machine);
		expect(trap).toMatchObject({ cause: 9, interrupt: false, pc: 0x80000000 + 12 });
		const answer = firmware.handle(trap);
		expect(answer).toEqual({ kind: 'continue', name: 'sbi_probe_extension' });
		expect(machine.readRegister(10)).toBe(0); // SBI_SUCCESS
		expect(machine.readRegister(11)).toBe(1); // the base extension is present
		expect(machine.pc).toBe(0x80000000 + 16);
		expect(firmware.calls).toBe(1);
	});

	it('prints through legacy console_putchar, and ends the run with SRST shutdown', () => {
		const { machine, firmware, out } = booted(
			'_start:\n\tli a0, 0x41\n\tli a7, 1\n\tecall\n\tli a0, 0\n\tli a1, 1\n\tli a7, 0x53525354\n\tli a6, 0\n\tecall\n'
		);
		expect(firmware.handle(nextHostTrap(machine)).kind).toBe('continue');
		expect(out).toEqual([0x41]);
		// reason 1 is "system failure": exit code 1
		expect(firmware.handle(nextHostTrap(machine))).toEqual({
			kind: 'halted',
			name: 'sbi_system_reset',
			exitCode: 1
		});
	});

	it('ends with an error on a trap to M-mode it does not answer, saying which', () => {
		const { machine, firmware } = booted('_start:\n\tnop\n');
		// an ECALL from M-mode: nothing a kernel in S-mode can raise, as a wrong delegation would
		const trap: TrapInfo = {
			cause: 11,
			interrupt: false,
			tval: 0,
			htval: 0,
			htinst: 0,
			gva: false,
			pc: machine.pc,
			priv: 3,
			virt: false
		};
		expect(firmware.handle(trap)).toEqual({
			kind: 'error',
			name: 'unexpected',
			message: 'firmware: unexpected trap to M-mode, cause 11 at pc 0x80000000'
		});
	});

	it('save and restore carry the calls counted and the end', () => {
		const { machine, firmware } = booted(
			'_start:\n\tli a0, 0\n\tli a1, 0\n\tli a7, 0x53525354\n\tli a6, 0\n\tecall\n'
		);
		const saved = firmware.save();
		firmware.handle(nextHostTrap(machine));
		expect(firmware.save()).toMatchObject({ calls: 1, end: { exitCode: 0 } });
		firmware.restore(saved);
		expect(firmware.save()).toEqual(saved);
		expect(saved).toMatchObject({ calls: 0, end: null });
	});
});

/** The course's guest kernel as the playground loads it: its files, assembled from guest.s. */
function guestSession(timeSlice?: number): DebugSession {
	const build = buildGuest('console', timeSlice === undefined ? {} : { timeSlice });
	const s = new DebugSession({ firmware: true, checkpointInterval: 5000 });
	const r = s.load({
		kind: 'source',
		text: build.files['guest.s'],
		file: 'guest.s',
		includes: build.files
	});
	if (!r.ok) throw new Error(r.error);
	return s;
}

/** Everything a step back must restore: the machine (RAM by hash), position, output, traps, firmware. */
function stateOf(s: DebugSession) {
	const snapshot = s.machine!.snapshot();
	const ram = snapshot.ram as Uint8Array;
	delete snapshot.ram;
	return {
		machine: snapshot,
		ram: createHash('sha1').update(ram).digest('hex'),
		position: s.position,
		output: s.output.total,
		traps: s.traps.items(),
		firmware: s.firmware!.save()
	};
}

const text = (s: DebugSession) => new TextDecoder().decode(Uint8Array.from(s.output.items()));
const firstCall = (s: DebugSession, name: string): TrapRecord | undefined =>
	s.traps.items().find((t) => t.firmware === name);

describe('DebugSession with firmware: the course guest kernel', () => {
	it('boots in S-mode with 16 MiB and runs the console workload to its output and SRST', () => {
		const s = guestSession();
		expect(s.machine!.mode).toEqual({ priv: 1, virt: false });
		expect(s.machine!.hart.ramSize).toBe(FIRMWARE_DEFAULT_RAM);
		expect(s.run({ kind: 'continue' }, 10_000_000)).toEqual({ kind: 'halted', exitCode: 0 });
		const out = text(s);
		expect(out.startsWith('kernel: workload console\nconsole: line 0001\n')).toBe(true);
		expect(out).toContain('console: line 0040\n');
		// The firmware calls are in the trap log: set_timer at boot, the shutdown at the end.
		const calls = s.traps.items().filter((t) => t.firmware !== undefined);
		expect(calls[0]).toMatchObject({ cause: 9, to: 'M', firmware: 'sbi_set_timer' });
		expect(calls.at(-1)).toMatchObject({ cause: 9, to: 'M', firmware: 'sbi_system_reset' });
		expect(calls.length).toBe(s.firmware!.calls);
	});

	it('a breakpoint on a line of a kernel file stops there, in S-mode', () => {
		const s = guestSession();
		const trapFile = s.program!.lines.files.find((f) => f === 'kernel/trap.s')!;
		const line = s.program!.lines.codeLines()[trapFile][0];
		s.setBreakpoints(s.program!.lines.addressesOf(trapFile, line));
		const stop = s.run({ kind: 'continue' }, 10_000_000);
		expect(stop.kind).toBe('breakpoint');
		expect(s.lastDelta!.place).toEqual({ file: 'kernel/trap.s', line });
		expect(s.machine!.mode.priv).toBe(1);
	});

	it('steps back across an SBI call and a timer interrupt to identical states', () => {
		// A short time slice (50 ticks, 5,000 instructions) makes the timer fire during the output.
		const s = guestSession(50);
		s.run({ kind: 'continue' }, 10_000_000);
		const setTimer = firstCall(s, 'sbi_set_timer')!;
		const timer = firstCall(s, 'timer')!;
		expect(timer).toMatchObject({ cause: 7, interrupt: true, to: 'M' });
		for (const call of [setTimer, timer]) {
			s.reset();
			s.step(call.position);
			const before = stateOf(s);
			s.step();
			const after = stateOf(s);
			expect(after.firmware.calls).toBe(before.firmware.calls + 1);
			expect(after.traps.at(-1)).toEqual(call);
			s.step(7000); // past a checkpoint, so the way back restores one and replays
			expect(s.back(7001)).toEqual({ kind: 'done' });
			expect(stateOf(s)).toEqual(before);
			s.step();
			expect(stateOf(s)).toEqual(after);
		}
	});

	it('replays exactly: back to the start and forward again gives the same run', () => {
		const s = guestSession(50);
		s.run({ kind: 'continue' }, 10_000_000);
		const end = stateOf(s);
		expect(s.back(end.position)).toEqual({ kind: 'done' });
		expect(s.position).toBe(0);
		expect(s.run({ kind: 'continue' }, 10_000_000)).toEqual({ kind: 'halted', exitCode: 0 });
		expect(stateOf(s)).toEqual(end);
	});
});
