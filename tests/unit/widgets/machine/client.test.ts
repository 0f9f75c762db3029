/**
 * The page's client of the machine worker, over an in-process worker (the same MachineSession,
 * messages copied and delivered by timers as a real worker's are). Oracles: the examples' own
 * output, the program's lines, and the loaded state itself (step back must return to it exactly).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MachineClient, inProcessWorker } from '$lib/widgets/machine/client.svelte.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';
import { exampleProgram, findExample } from '$lib/widgets/machine/examples/catalogue.ts';

const clients: MachineClient[] = [];
function client(): MachineClient {
	const c = new MachineClient(inProcessWorker);
	clients.push(c);
	return c;
}
afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
});

const SMALL = { session: { ramSize: 64 << 10 } };
const LOOP_FOREVER = '_start:\n\taddi a0, a0, 1\n\tj _start\n';
/** Lines: 1 _start, 2 li, 3 li, 4 addi, 5 label, 6 li, 7 li, 8 sw. */
const COUNT_THEN_EXIT = `_start:
	li a0, 0
	li a1, 3
	addi a0, a0, 1
done:
	li t0, 0x100000
	li t1, 0x5555
	sw t1, 0(t0)
`;

describe('MachineClient', () => {
	it('loads an example that prints over the UART and runs it to the end', async () => {
		const c = client();
		expect(c.status).toBe('empty');
		const loading = c.load(EXAMPLE_SOURCES['hello.s']);
		expect(c.status).toBe('loading');
		const loaded = await loading;
		expect(loaded.type).toBe('loaded');
		expect(c.status).toBe('ready');
		expect(c.symbols.map((s) => s.name)).toContain('_start');
		expect(c.codeLines['main.s'].length).toBeGreaterThan(5);
		const running = c.run();
		expect(c.status).toBe('running');
		const answer = await running;
		expect(answer).toMatchObject({ type: 'stopped', stop: { kind: 'halted', exitCode: 0 } });
		expect(c.status).toBe('ready');
		expect(c.stop).toEqual({ kind: 'halted', exitCode: 0 });
		expect(c.view?.output).toBe('Hello, RISC-V!\n');
		expect(c.message).toMatch(/exit|halt|0/i);
		expect(c.position).toBe(c.view?.position);
		expect(c.previousView?.position).toBe(0);
	});

	it('pauses an endless loop; the run and the pause both resolve with the pause', async () => {
		const c = client();
		await c.load(LOOP_FOREVER, SMALL);
		const running = c.run();
		const paused = await c.pause();
		expect(paused).toMatchObject({ type: 'stopped', stop: { kind: 'paused' } });
		expect(await running).toBe(paused);
		expect(c.status).toBe('ready');
		expect(c.stop).toEqual({ kind: 'paused' });
		expect(c.view!.position).toBeGreaterThan(0);
	});

	it('stops an endless loop at the budget asked for', async () => {
		const c = client();
		await c.load(LOOP_FOREVER, SMALL);
		await c.run(5000);
		expect(c.stop).toEqual({ kind: 'budget', budget: 5000 });
		expect(c.view!.position).toBe(5000);
		expect(c.status).toBe('ready');
	});

	it('steps 5 and back 5 to exactly the loaded registers and CSRs', async () => {
		const c = client();
		await c.load(EXAMPLE_SOURCES['loops.s'], SMALL);
		const start = c.view!;
		await c.step(5);
		expect(c.view!.position).toBe(5);
		expect(c.view!.registers).not.toEqual(start.registers);
		expect(c.previousView).toBe(start);
		await c.back(5);
		expect(c.view!.position).toBe(0);
		expect(c.view!.registers).toEqual(start.registers);
		expect(c.view!.csrs).toEqual(start.csrs);
		expect(c.view!.pc).toBe(start.pc);
	});

	it('checks text: a positioned diagnostic for an error, none for a good program', async () => {
		const c = client();
		const bad = await c.check('nop\n\taddi a0, a0\n');
		expect(bad!.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
		expect(c.diagnostics).toEqual(bad!.diagnostics);
		const good = await c.check(COUNT_THEN_EXIT);
		expect(good!.diagnostics).toEqual([]);
		expect(c.diagnostics).toEqual([]);
		expect(c.symbols.map((s) => s.name)).toContain('done');
		// Symbols survive a check with errors (the editor keeps the last good ones).
		await c.check('bogus');
		expect(c.symbols.map((s) => s.name)).toContain('done');
		expect(c.status).toBe('empty'); // checking loads nothing
	});

	it('applies only the newest check', async () => {
		const c = client();
		const older = c.check('bogus x');
		const newer = c.check(COUNT_THEN_EXIT);
		expect(await older).toBeUndefined();
		expect((await newer)!.diagnostics).toEqual([]);
		expect(c.diagnostics).toEqual([]);
	});

	it('reports a failed load with its position', async () => {
		const c = client();
		const answer = await c.load('\tli a0\n');
		expect(answer.type).toBe('loadFailed');
		expect(c.status).toBe('failed');
		expect(c.loadError).toMatch(/^main\.s:1:/);
		expect(c.diagnostics[0]).toMatchObject({ line: 1 });
	});

	it('stops at a breakpoint line, and keeps the lines across a new load', async () => {
		const c = client();
		await c.load(COUNT_THEN_EXIT, SMALL);
		const bps = (await c.setBreakpointLines([5]))!; // the label: moves to the next line with code
		expect(bps.breakpoints[0]).toMatchObject({ line: 6 });
		expect(c.breakpoints).toEqual(bps.breakpoints);
		await c.run();
		expect(c.stop).toMatchObject({ kind: 'breakpoint' });
		expect(c.view!.place).toEqual({ file: 'main.s', line: 6 });
		await c.load(COUNT_THEN_EXIT, SMALL);
		expect(c.breakpoints[0]).toMatchObject({ line: 6 });
		await c.run();
		expect(c.view!.place).toEqual({ file: 'main.s', line: 6 });
		await c.setBreakpointLines([]);
		await c.run();
		expect(c.stop).toEqual({ kind: 'halted', exitCode: 0 });
	});

	it('runs to a line, and rejects with the worker’s message when there is no code there', async () => {
		const c = client();
		await c.load(COUNT_THEN_EXIT, SMALL);
		await c.runToLine(4);
		expect(c.view!.place).toEqual({ file: 'main.s', line: 4 });
		await expect(c.runToLine(99)).rejects.toThrow(/no code/);
		expect(c.error).toMatch(/no code/);
		expect(c.status).toBe('ready');
		await c.step();
		expect(c.error).toBeUndefined();
	});

	it('reads memory and the TLB', async () => {
		const c = client();
		await c.load(EXAMPLE_SOURCES['paging.s']);
		const pc = c.view!.pc;
		const memory = await c.memory(pc, 8, 'physical');
		expect(memory.bytes).toHaveLength(8);
		expect(memory.bytes.every((b) => typeof b === 'number')).toBe(true);
		expect((await c.memory(0x10000000, 4, 'physical')).bytes).toEqual([null, null, null, null]);
		expect((await c.tlb()).entries).toEqual([]);
		await c.run();
		expect(c.stop).toEqual({ kind: 'halted', exitCode: 0 });
		const tlb = await c.tlb();
		expect(tlb.entries.some((e) => e.virtualPage === 0x40001000)).toBe(true);
		const virtual = await c.memory(0x40001000, 4, 'virtual');
		expect(virtual.translation).toMatchObject({ ok: true, stages: ['S'] });
		await expect(c.memory(-1, 4, 'physical')).rejects.toThrow(/address/);
		expect(c.error).toBeUndefined(); // a bad read is the view's business, not the machine's
	});

	it('animates single steps until the program ends, running meanwhile', async () => {
		const c = client();
		await c.load(COUNT_THEN_EXIT, SMALL);
		const animation = c.animate(1);
		expect(c.status).toBe('running');
		const last = await animation;
		expect(last).toMatchObject({ stop: { kind: 'halted', exitCode: 0 } });
		// li a0, li a1, addi, li t0 (a lui: the low 12 bits are 0), li t1 (lui + addi), sw
		expect(c.view!.position).toBe(7);
		expect(c.status).toBe('ready');
	});

	it('stops an animation at pause', async () => {
		const c = client();
		await c.load(LOOP_FOREVER, SMALL);
		const animation = c.animate(5);
		await new Promise((r) => setTimeout(r, 40));
		await c.pause();
		await animation;
		const at = c.view!.position;
		expect(at).toBeGreaterThan(0);
		expect(c.status).toBe('ready');
		await new Promise((r) => setTimeout(r, 30));
		expect(c.view!.position).toBe(at);
	});

	it('takes UART input and resets to the start', async () => {
		const c = client();
		await c.load(COUNT_THEN_EXIT, SMALL);
		await c.step(3);
		await c.input('x');
		const reset = await c.reset();
		expect(reset.type).toBe('state');
		expect(c.view!.position).toBe(0);
		expect(c.status).toBe('ready');
	});

	it('loads the guest kernel example behind the firmware and shows its console output', async () => {
		const c = client();
		const { source, firmware } = exampleProgram(findExample('guest-kernel')!);
		expect(firmware).toBe(true);
		const loaded = await c.load(source, { firmware });
		expect(loaded.type).toBe('loaded');
		expect(c.view?.mode.name).toBe('HS'); // S-mode at the kernel's entry, not M-mode
		expect(await c.run()).toMatchObject({ stop: { kind: 'halted', exitCode: 0 } });
		expect(c.view?.output).toContain('kernel: workload console\nconsole: line 0001\n');
		expect(c.view?.traps.at(-1)).toMatchObject({ to: 'M', firmware: 'sbi_system_reset' });
		// The same text without the firmware starts in M-mode, where the kernel cannot boot.
		await c.load(source);
		expect(c.view?.mode.name).toBe('M');
	});
});
