/**
 * The debugging session. Oracles: the machine itself (a session's steps must leave exactly the
 * state a plain `Machine.run` of as many steps leaves), snapshots (a step back must restore a
 * deep-equal machine), and the program's own labels and source lines (where a step over, a step
 * out or a run to cursor must stop).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DebugSession,
	type DebugSessionOptions
} from '../../../../src/lib/emulator/session/debug-session.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { bodyArb, firmwareProgramSource, programSource } from './random-program.ts';

const SMALL: DebugSessionOptions = {
	ramSize: 16 * 1024,
	timeDivisor: 1,
	checkpointInterval: 13,
	maxCheckpoints: 4
};

function loaded(text: string, options: DebugSessionOptions = SMALL): DebugSession {
	const s = new DebugSession(options);
	const r = s.load({ kind: 'source', text, file: 'main.s' });
	if (!r.ok) throw new Error(r.error);
	return s;
}

/**
 * A snapshot in a form quick to compare: typed arrays (RAM, registers, TLB) by their SHA-1, since
 * a deep compare of 16 KiB element by element is slow.
 */
function comparable(snapshot: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(snapshot)) {
		if (ArrayBuffer.isView(value)) {
			const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
			out[key] = createHash('sha1').update(bytes).digest('hex');
		} else if (value && typeof value === 'object' && !Array.isArray(value))
			out[key] = comparable(value as Record<string, unknown>);
		else out[key] = value;
	}
	return out;
}

/** The whole machine state, plus what the session shows beside it (and its firmware's state). */
function stateOf(s: DebugSession) {
	return {
		machine: comparable(s.machine!.snapshot()),
		position: s.position,
		output: s.output.items(),
		traps: s.traps.items(),
		firmware: s.firmware?.save()
	};
}

/** Behind the SBI firmware: RAM must hold the device tree 2 MiB-aligned (firmware.ts). */
const WITH_FIRMWARE: DebugSessionOptions = { ...SMALL, ramSize: 4 << 20, firmware: true };

const symbol = (s: DebugSession, name: string) =>
	s.program!.symbols.find((x) => x.name === name)!.value;

describe('DebugSession: stepping back', () => {
	it('stepping N then back N restores the identical machine, output and trap log', () => {
		fc.assert(
			fc.property(bodyArb, fc.nat(120), fc.integer({ min: 1, max: 150 }), (body, k, n) => {
				const s = loaded(programSource(body));
				s.step(k);
				s.input([0x41, 0x42]);
				const before = stateOf(s);
				s.step(n);
				expect(s.back(n)).toEqual({ kind: 'done' }); // 'start' only when fewer than n steps lie behind
				expect(stateOf(s)).toEqual(before);
			}),
			{ numRuns: 60 }
		);
	});

	it('back n then forward n returns to the original state, input included', () => {
		fc.assert(
			fc.property(
				bodyArb,
				fc.integer({ min: 1, max: 200 }),
				fc.integer({ min: 1, max: 200 }),
				(body, total, back) => {
					const s = loaded(programSource(body));
					s.step(Math.floor(total / 2));
					s.input([0x7a]);
					s.step(total - Math.floor(total / 2));
					const original = stateOf(s);
					const n = Math.min(back, total);
					s.back(n);
					expect(s.position).toBe(total - n);
					s.step(n);
					expect(stateOf(s)).toEqual(original);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('with firmware, stepping back equals replaying forward, across SBI calls and timer interrupts', () => {
		fc.assert(
			fc.property(
				bodyArb,
				fc.nat(150),
				fc.integer({ min: 1, max: 150 }),
				fc.integer({ min: 1, max: 150 }),
				(body, k, n, back) => {
					const s = loaded(firmwareProgramSource(body), WITH_FIRMWARE);
					s.step(k);
					s.input([0x41, 0x42]);
					const before = stateOf(s);
					s.step(n);
					const after = stateOf(s);
					expect(s.back(n)).toEqual({ kind: 'done' });
					expect(stateOf(s)).toEqual(before);
					s.step(n);
					expect(stateOf(s)).toEqual(after);
					// and from further back, with the input replayed at its position
					const m = Math.min(back, s.position);
					s.back(m);
					s.step(m);
					expect(stateOf(s)).toEqual(after);
				}
			),
			{ numRuns: 25 }
		);
		// The property is not vacuous: the programs do reach the firmware both ways.
		const s = loaded(firmwareProgramSource([[10, 0, 0, 0, 0]]), WITH_FIRMWARE);
		s.step(300);
		const names = new Set(s.traps.items().map((t) => t.firmware ?? `${t.cause} to ${t.to}`));
		// the firmware's calls, and the supervisor timer interrupt (5) it raised, entered in S-mode
		expect(names).toEqual(new Set(['sbi_set_timer', 'console_putchar', 'timer', '5 to HS']));
	});

	it('stepping one at a time equals running the machine N steps', () => {
		fc.assert(
			fc.property(bodyArb, fc.integer({ min: 1, max: 150 }), (body, n) => {
				const source = programSource(body);
				const s = loaded(source);
				for (let i = 0; i < n; i++) s.step();
				const m = new Machine({ ramSize: SMALL.ramSize, timeDivisor: 1 });
				m.loadImage(assemble(source, { file: 'main.s' }).image!);
				m.run({ maxInsns: n });
				expect(s.position).toBe(n);
				expect(comparable(s.machine!.snapshot())).toEqual(comparable(m.snapshot()));
			}),
			{ numRuns: 50 }
		);
	});

	it('keeps at most maxCheckpoints, the first always at position 0', () => {
		const s = loaded(programSource([[0, 0, 0, 0, 5]]));
		s.step(1000);
		expect(s.checkpointPositions.length).toBeLessThanOrEqual(4);
		expect(s.checkpointPositions[0]).toBe(0);
		expect(s.back(2000)).toEqual({ kind: 'start' });
		expect(s.position).toBe(0);
		expect(s.machine!.pc).toBe(symbol(s, '_start'));
	});

	it('goes back across a trap: the step into the handler is undone with its CSRs', () => {
		const s = loaded('_start:\n\tla t0, h\n\tcsrw mtvec, t0\n\tecall\n\tnop\nh:\n\tj h\n');
		s.step(3); // la is auipc + addi
		expect(s.machine!.pc).toBe(symbol(s, '_start') + 12);
		s.step(); // the ecall's trap entry
		expect(s.machine!.pc).toBe(symbol(s, 'h'));
		expect(s.lastDelta!.traps).toMatchObject([{ cause: 11, interrupt: false, to: 'M' }]);
		expect(s.lastDelta!.csrs).toEqual(expect.arrayContaining(['mepc', 'mcause']));
		s.back(1);
		expect(s.machine!.pc).toBe(symbol(s, '_start') + 12);
		expect(s.machine!.readCsr(0x342)).toBe(0); // mcause as at reset
		expect(s.traps.total).toBe(0);
	});
});

describe('DebugSession: running toward a goal', () => {
	const CALLS = `_start:
	la sp, stack_top
	li a0, 1
	call double
	addi a0, a0, 100
	call double
spin:
	j spin
double:
	addi sp, sp, -16
	sw ra, 12(sp)
	call inner
	lw ra, 12(sp)
	addi sp, sp, 16
	ret
inner:
	add a0, a0, a0
	ret
	.data
	.space 256
stack_top:
`;

	it('step over runs a call to its return; a plain instruction is one step', () => {
		const s = loaded(CALLS);
		s.step(3); // la (auipc, addi) and li
		const call = s.machine!.pc; // `call double` is auipc ra + jalr ra
		expect(s.run({ kind: 'stepOver' }, 1000)).toEqual({ kind: 'done' });
		expect(s.position).toBe(4); // the auipc: no call, one step
		expect(s.run({ kind: 'stepOver' }, 1000)).toEqual({ kind: 'done' });
		expect(s.machine!.pc).toBe(call + 8); // past the jalr, with double and inner done
		expect(s.machine!.readRegister(10)).toBe(2);
		expect(s.position).toBeGreaterThan(10);
	});

	it('step out returns to the caller, with sp back where it was', () => {
		const s = loaded(CALLS);
		s.run({ kind: 'runTo', addresses: [symbol(s, 'inner')] }, 1000);
		expect(s.machine!.pc).toBe(symbol(s, 'inner'));
		expect(s.run({ kind: 'stepOut' }, 1000)).toEqual({ kind: 'done' });
		// Back in `double`, right after its call of inner (the jalr of `call inner`).
		expect(s.program!.lines.placeOf(s.machine!.pc)).toEqual({ file: 'main.s', line: 13 });
		expect(s.machine!.readRegister(10)).toBe(2);
	});

	it('run to a source line stops at its first instruction; the delta names that line', () => {
		const s = loaded(CALLS);
		const [address] = s.program!.lines.addressesOf('main.s', 5);
		expect(s.run({ kind: 'runTo', addresses: [address] }, 1000)).toEqual({ kind: 'done' });
		expect(s.machine!.pc).toBe(address);
		expect(s.lastDelta!.place).toEqual({ file: 'main.s', line: 5 });
		expect(s.lastDelta!.registers).toEqual(expect.arrayContaining([2, 10])); // sp, a0
	});

	it('stops at a user breakpoint, and continue leaves it before stopping there again', () => {
		const s = loaded(CALLS);
		const inner = symbol(s, 'inner');
		s.setBreakpoints([inner]);
		expect(s.run({ kind: 'continue' }, 1000)).toEqual({ kind: 'breakpoint', pc: inner });
		const first = s.position;
		expect(s.run({ kind: 'continue' }, 1000)).toEqual({ kind: 'breakpoint', pc: inner });
		expect(s.position).toBeGreaterThan(first);
		// Stepping back onto a breakpoint, then continuing, leaves it too.
		s.back(s.position - first);
		expect(s.run({ kind: 'continue' }, 1000)).toEqual({ kind: 'breakpoint', pc: inner });
	});

	it('a runaway program stops at the budget, and a halted one stays halted', () => {
		const s = loaded(CALLS);
		expect(s.run({ kind: 'continue' }, 500)).toEqual({ kind: 'budget', budget: 500 });
		expect(s.position).toBe(500);
		const h = loaded('_start:\n\tli t0, 0x100000\n\tli t1, 0x5555\n\tsw t1, 0(t0)\n');
		expect(h.run({ kind: 'continue' }, 1000)).toEqual({ kind: 'halted', exitCode: 0 });
		expect(h.step()).toEqual({ kind: 'halted', exitCode: 0 });
		h.back(1);
		expect(h.step()).toEqual({ kind: 'halted', exitCode: 0 });
	});

	it('advances in batches: a command begun runs no more than the batch at a time', () => {
		const s = loaded(CALLS);
		expect(s.begin({ kind: 'continue' }, 10_000)).toBeUndefined();
		expect(s.advance(100)).toEqual({ kind: 'running' });
		expect(s.position).toBe(100);
		expect(s.pause()).toEqual({ kind: 'paused' });
		expect(s.busy).toBe(false);
	});

	it('reset starts over, keeping breakpoints and dropping output', () => {
		const s = loaded('_start:\n\tli t0, 0x10000000\n\tli t1, 72\n\tsb t1, 0(t0)\nend:\n\tj end\n');
		s.setBreakpoints([symbol(s, 'end')]);
		s.run({ kind: 'continue' }, 100);
		expect(s.output.items()).toEqual([72]);
		s.reset();
		expect(s.position).toBe(0);
		expect(s.output.total).toBe(0);
		expect(s.run({ kind: 'continue' }, 100)).toEqual({ kind: 'breakpoint', pc: symbol(s, 'end') });
	});

	it('replays UART input at the position it was given', () => {
		// Echo: wait for a byte (line status bit 0), then send it.
		const s = loaded(`_start:
	li s1, 0x10000000
wait:
	lbu t0, 5(s1)
	andi t0, t0, 1
	beqz t0, wait
	lbu t1, 0(s1)
	sb t1, 0(s1)
	j wait
`);
		s.step(50);
		s.input([0x68, 0x69]);
		s.step(50);
		expect(new TextDecoder().decode(Uint8Array.from(s.output.items()))).toBe('hi');
		s.back(80);
		expect(s.output.total).toBe(0);
		s.step(80);
		expect(new TextDecoder().decode(Uint8Array.from(s.output.items()))).toBe('hi');
	});
});

describe('DebugSession: loading', () => {
	it('reports an assembly error with its line and column', () => {
		const s = new DebugSession(SMALL);
		const r = s.load({ kind: 'source', text: '_start:\n\tadd t0, t1\n', file: 'main.s' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/^main\.s:2:\d+: /);
	});
});
