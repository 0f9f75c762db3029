/**
 * The playground worker's handler, driven directly as the worker drives it. Oracles: the
 * program's own labels and lines (where commands must stop), structuredClone (every message must
 * cross to the page unchanged), and the session's position (a pause must land between batches).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	MachineSession,
	type MachineRequest,
	type MachineResponse
} from '../../../src/lib/worker/machine-session.ts';

type Of<T extends MachineResponse['type']> = Extract<MachineResponse, { type: T }>;

const SOURCE = `_start:
	li s1, 0x10000000
	li a0, 0
loop:
	addi a0, a0, 1
	li t0, 3
	bne a0, t0, loop
	call greet
wait:
	lbu t0, 5(s1)
	andi t0, t0, 1
	beqz t0, wait
	lbu t1, 0(s1)
	sb t1, 0(s1)
	li t0, 0x100000
	li t1, 0x5555
	sw t1, 0(t0)
greet:
	li t0, 72
	sb t0, 0(s1)
	ret
`;

function harness(batch = 1000) {
	const messages: MachineResponse[] = [];
	let release: (() => void) | undefined;
	const s = new MachineSession(
		(m) => {
			expect(structuredClone(m)).toEqual(m);
			messages.push(m);
		},
		{ batch, yieldToEvents: () => new Promise((r) => (release = r)) }
	);
	const last = <T extends MachineResponse['type']>(type: T) =>
		messages.filter((m): m is Of<T> => m.type === type).at(-1)!;
	return { s, messages, last, tick: () => release?.() };
}

const load = (id = 1): MachineRequest => ({
	type: 'load',
	id,
	program: { kind: 'source', text: SOURCE, file: 'main.s' },
	options: { ramSize: 64 * 1024 }
});

describe('MachineSession', () => {
	it('loads a program and answers with symbols and a view at the entry', async () => {
		const { s, last } = harness();
		await s.handle(load());
		const loaded = last('loaded');
		expect(loaded.symbols.map((x) => x.name)).toContain('greet');
		expect(loaded.view.place).toEqual({ file: 'main.s', line: 2 });
		expect(loaded.view.mode.name).toBe('M');
		expect(loaded.codeLines['main.s']).toEqual([
			2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21
		]);
	});

	it('reports a source error with its position and keeps no session', async () => {
		const { s, last } = harness();
		await s.handle({ type: 'load', id: 1, program: { kind: 'source', text: 'bogus x\n' } });
		expect(last('loadFailed').error).toMatch(/^main\.s:1:1: /);
		await s.handle({ type: 'step', id: 2 });
		expect(last('error').message).toMatch(/no program/);
	});

	it('steps, steps over a call, goes back, and runs to a line', async () => {
		const { s, last } = harness();
		await s.handle(load());
		await s.handle({ type: 'step', id: 2, count: 11 });
		expect(last('stopped').view.place).toEqual({ file: 'main.s', line: 8 }); // call greet
		await s.handle({ type: 'step', id: 3 }); // auipc of the call
		await s.handle({ type: 'stepOver', id: 4 }); // the jalr: greet runs and returns
		const over = last('stopped');
		expect(over.view.place).toEqual({ file: 'main.s', line: 10 });
		expect(over.view.output).toBe('H');
		await s.handle({ type: 'back', id: 5, count: 4 });
		expect(last('stopped').view.output).toBe('');
		expect(last('stopped').view.delta?.steps).toBe(-4);
		await s.handle({ type: 'runTo', id: 6, location: { kind: 'line', file: 'main.s', line: 19 } });
		expect(last('stopped')).toMatchObject({ id: 6, stop: { kind: 'done' } });
		expect(last('stopped').view.place).toEqual({ file: 'main.s', line: 19 });
		await s.handle({ type: 'stepOut', id: 7 });
		expect(last('stopped').view.place).toEqual({ file: 'main.s', line: 10 });
	});

	it('resolves breakpoints by line, label and address, and stops at them', async () => {
		const { s, last } = harness();
		await s.handle(load());
		await s.handle({
			type: 'setBreakpoints',
			id: 2,
			locations: [
				{ kind: 'line', file: 'main.s', line: 17 },
				{ kind: 'symbol', name: 'nowhere' }
			]
		});
		const bps = last('breakpoints').breakpoints;
		expect(bps[0].addresses).toHaveLength(1);
		expect(bps[1].error).toMatch(/no label/);
		await s.handle({
			type: 'setBreakpoints',
			id: 3,
			locations: [{ kind: 'symbol', name: 'greet' }]
		});
		await s.handle({ type: 'run', id: 4 });
		expect(last('stopped').stop).toMatchObject({ kind: 'breakpoint' });
		expect(last('stopped').view.place).toEqual({ file: 'main.s', line: 19 });
	});

	it('runs in batches, hears a pause between them, and takes input while paused', async () => {
		const { s, messages, last, tick } = harness(100);
		await s.handle(load());
		const running = s.handle({ type: 'run', id: 2 });
		// The guest waits for input: each batch ends with a progress message and a yield.
		await vi.waitFor(() => expect(messages.filter((m) => m.type === 'progress').length).toBe(1));
		tick();
		await vi.waitFor(() => expect(messages.filter((m) => m.type === 'progress').length).toBe(2));
		await s.handle({ type: 'pause', id: 3 });
		tick();
		await running;
		const paused = last('stopped');
		expect(paused).toMatchObject({ id: 2, stop: { kind: 'paused' } });
		expect(paused.view.position).toBe(200);
		await s.handle({ type: 'input', id: 4, text: 'x' });
		await s.handle({ type: 'run', id: 5 });
		expect(last('stopped').stop).toEqual({ kind: 'halted', exitCode: 0 });
		expect(last('stopped').view.output).toBe('Hx');
	});

	it('stops a runaway program at its budget with a message saying so', async () => {
		const { s, last } = harness(1_000_000);
		await s.handle(load());
		await s.handle({ type: 'run', id: 2, budget: 5000 });
		expect(last('stopped').stop).toEqual({ kind: 'budget', budget: 5000 });
		expect(last('stopped').message).toMatch(/after 5000 steps/);
		await s.handle({ type: 'reset', id: 3 });
		expect(last('state').view.position).toBe(0);
	});

	it('passes options.firmware to the session: the program boots in S-mode behind SBI', async () => {
		const { s, last } = harness();
		const text =
			'_start:\n\tli a0, 0x41\n\tli a7, 1\n\tecall\n\tli a0, 0\n\tli a1, 0\n\tli a7, 0x53525354\n\tli a6, 0\n\tecall\n';
		await s.handle({
			type: 'load',
			id: 1,
			program: { kind: 'source', text, file: 'main.s' },
			options: { firmware: true, ramSize: 4 << 20 }
		});
		expect(last('loaded').view.mode.name).toBe('HS');
		await s.handle({ type: 'run', id: 2 });
		const stopped = last('stopped');
		expect(stopped.stop).toEqual({ kind: 'halted', exitCode: 0 });
		expect(stopped.view.output).toBe('A');
		expect(stopped.view.traps.map((t) => t.firmware)).toEqual([
			'console_putchar',
			'sbi_system_reset'
		]);
	});
});

describe('MachineSession: requests that only read', () => {
	it('checks text without a program: positioned errors, or the symbols when it assembles', async () => {
		const { s, last } = harness();
		await s.handle({ type: 'check', id: 1, text: 'nop\n\taddi a0, a0\n' });
		const bad = last('checked');
		expect(bad.id).toBe(1);
		expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
		expect(bad.symbols).toEqual([]);
		await s.handle({ type: 'check', id: 2, text: SOURCE });
		expect(last('checked').diagnostics).toEqual([]);
		expect(last('checked').symbols.map((x) => x.name)).toContain('greet');
		// Included files come with the text, as with load.
		const included = { 'greet.s': 'greet:\n\tret\n' };
		await s.handle({ type: 'check', id: 4, text: '.include "greet.s"\n', includes: included });
		expect(last('checked')).toMatchObject({ id: 4, diagnostics: [] });
		expect(last('checked').symbols.map((x) => x.name)).toEqual(['greet']);
		// Checking loads nothing.
		await s.handle({ type: 'step', id: 5 });
		expect(last('error').message).toMatch(/no program/);
	});

	it('reads memory: the program’s first instruction, and null for the UART', async () => {
		const { s, last } = harness();
		await s.handle(load());
		const pc = last('loaded').view.pc;
		await s.handle({ type: 'memory', id: 2, address: pc, length: 4, space: 'physical' });
		const code = last('memory');
		expect(code).toMatchObject({ id: 2, address: pc, space: 'physical' });
		// li s1, 0x10000000 is lui s1, 0x10000: 0x100004b7
		expect(code.bytes).toEqual([0xb7, 0x04, 0x00, 0x10]);
		await s.handle({ type: 'memory', id: 3, address: pc, length: 4, space: 'virtual' });
		expect(last('memory')).toMatchObject({ bytes: code.bytes, translation: { ok: true, pa: pc } });
		await s.handle({ type: 'memory', id: 4, address: 0x10000000, length: 2, space: 'physical' });
		expect(last('memory').bytes).toEqual([null, null]);
		await s.handle({ type: 'memory', id: 5, address: -4, length: 2, space: 'physical' });
		expect(last('error')).toMatchObject({ id: 5, message: expect.stringMatching(/address/) });
	});

	it('answers memory and tlb while a command runs, without ending it', async () => {
		const { s, messages, last, tick } = harness(100);
		await s.handle(load());
		const running = s.handle({ type: 'run', id: 2 });
		await vi.waitFor(() => expect(messages.filter((m) => m.type === 'progress').length).toBe(1));
		await s.handle({ type: 'tlb', id: 3 });
		expect(last('tlb')).toEqual({ type: 'tlb', id: 3, entries: [] }); // no paging here
		await s.handle({ type: 'memory', id: 4, address: 0x80000000, length: 1, space: 'physical' });
		expect(last('memory').id).toBe(4);
		tick();
		await vi.waitFor(() => expect(messages.filter((m) => m.type === 'progress').length).toBe(2));
		expect(messages.some((m) => m.type === 'stopped')).toBe(false);
		await s.handle({ type: 'pause', id: 5 });
		tick();
		await running;
		expect(last('stopped')).toMatchObject({ id: 2, stop: { kind: 'paused' } });
	});
});

describe('machine.worker', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('wires onmessage to the session and posts its answers', async () => {
		const posted: MachineResponse[] = [];
		const scope = {
			onmessage: null as ((e: { data: unknown }) => void) | null,
			postMessage: (m: MachineResponse) => posted.push(m)
		};
		vi.stubGlobal('self', scope);
		await import('../../../src/lib/worker/machine.worker.ts');
		scope.onmessage!({ data: load(9) });
		await vi.waitFor(() => expect(posted.at(-1)).toMatchObject({ type: 'loaded', id: 9 }));
	});
});
