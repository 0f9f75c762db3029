/**
 * The playground's examples: the catalogue is complete in both languages, every program assembles
 * without a diagnostic, runs on a bare Machine from M-mode to the test finisher with exit code 0,
 * prints what it says it prints, and takes exactly the traps (and reads exactly the PTEs) its
 * comments describe. The guest kernel entry builds from the guest's own sources.
 */
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '$lib/emulator/asm/index.ts';
import { Machine } from '$lib/emulator/machine/machine.ts';
import type { TraceEvent } from '$lib/emulator/machine/types.ts';
import { GUEST_SOURCES } from '$lib/emulator/guests/sources.generated.ts';
import { runVm } from '$lib/emulator/vmm/vm.ts';
import {
	EXAMPLES,
	exampleFiles,
	exampleProgram,
	findExample
} from '$lib/widgets/machine/examples/catalogue.ts';
import { buildGuest } from '$lib/emulator/guests/build.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';

const BUDGET = 1_000_000;
const hex = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

/** Assembles an example and runs it with traps and page walks traced. */
function run(id: string) {
	const example = findExample(id)!;
	const { main, files } = exampleFiles(example);
	const { image, diagnostics } = assemble(files[main], { file: main });
	expect(diagnostics).toEqual([]);
	const events: TraceEvent[] = [];
	const out: number[] = [];
	const m = new Machine({
		ramSize: 4 << 20,
		uartOut: (b) => out.push(b),
		trace: { traps: true, mmu: true, sink: (e) => events.push(e) }
	});
	expect(m.loadImage(image!)).toEqual({ ok: true });
	const stop = m.run({ maxInsns: BUDGET });
	const symbol = (name: string) => symbolValue(image!, name)!;
	const traps = events.flatMap((e) =>
		e.kind === 'trap'
			? [{ cause: e.trap.cause, interrupt: e.trap.interrupt, from: e.trap.priv, to: e.target }]
			: []
	);
	return { m, stop, text: new TextDecoder().decode(new Uint8Array(out)), events, traps, symbol };
}

/** A PTE for the page at physical address `pa` with `flags` (Sv32, §4.3.1). */
const pte = (pa: number, flags: number) => ((Math.floor(pa / 4096) << 10) | flags) >>> 0;

describe('the catalogue', () => {
	it('lists the seven examples of the issue, each with an id, titles and descriptions in both languages', () => {
		expect(EXAMPLES.map((e) => e.id)).toEqual([
			'hello',
			'loops',
			'traps',
			'timer',
			'paging',
			'two-stage',
			'guest-kernel'
		]);
		for (const e of EXAMPLES)
			for (const text of [e.title.en, e.title.zh, e.description.en, e.description.zh]) {
				expect(text.trim().length, e.id).toBeGreaterThan(3);
				expect(text, e.id).not.toContain('\n');
			}
		const chinese = /[\u4e00-\u9fff]/;
		for (const e of EXAMPLES) expect(chinese.test(e.title.zh + e.description.zh), e.id).toBe(true);
	});

	it('finds an example by id, and nothing for an unknown one', () => {
		expect(findExample('paging')?.source).toEqual({ kind: 'file', file: 'paging.s' });
		expect(findExample('nope')).toBeUndefined();
	});

	it('points the guest kernel entry at the guest build, not at a copy', () => {
		const { main, files } = exampleFiles(findExample('guest-kernel')!);
		expect(main).toBe('guest.s');
		expect(files[main]).toContain('.include "kernel/kernel.s"');
		for (const [name, text] of Object.entries(files))
			if (name !== main) expect(text, name).toBe(GUEST_SOURCES[name]);
		expect(files['workloads/console.s']).toBeDefined();
	});

	it('opens a bare-metal example as its file, without firmware', () => {
		for (const e of EXAMPLES.filter((x) => x.source.kind === 'file'))
			expect(exampleProgram(e), e.id).toEqual({
				source: EXAMPLE_SOURCES[(e.source as { file: string }).file],
				firmware: false
			});
	});

	it('opens the guest kernel as one text with firmware, assembling to the image buildGuest makes', () => {
		const { source, firmware } = exampleProgram(findExample('guest-kernel')!);
		expect(firmware).toBe(true);
		// every file the build read is inlined, named between comment lines
		for (const name of Object.keys(buildGuest('console').files))
			if (name !== 'guest.s') expect(source).toContain(`# ======== ${name} (included by `);
		expect(source).not.toMatch(/^\s*\.include "(kernel\/(?!pv\.s)|workloads\/)/m);
		const flat = assemble(source, { file: 'main.s' });
		expect(flat.diagnostics).toEqual([]);
		const built = buildGuest('console').image!;
		expect(flat.image!.entry).toBe(built.entry);
		expect(flat.image!.sections.map((x) => [x.name, x.address, [...x.bytes]])).toEqual(
			built.sections.map((x) => [x.name, x.address, [...x.bytes]])
		);
	});
});

describe('the example programs', () => {
	it('every file example runs to the finisher with exit code 0 within the budget', () => {
		const fileExamples = EXAMPLES.filter((e) => e.source.kind === 'file');
		expect(fileExamples).toHaveLength(6);
		for (const e of fileExamples) {
			const { stop, m } = run(e.id);
			expect(stop, e.id).toEqual({ kind: 'halted', exitCode: 0 });
			expect(m.instret, e.id).toBeLessThan(BUDGET / 10);
		}
	});

	it('hello prints its line', () => {
		expect(run('hello').text).toBe('Hello, RISC-V!\n');
	});

	it('loops prints the sum of 1..10 and 10!, computed by the guest', () => {
		let factorial = 1;
		for (let i = 2; i <= 10; i++) factorial *= i;
		expect(run('loops').text).toBe(`sum 1..10 = ${(10 * 11) / 2}\n10! = ${factorial}\n`);
	});

	it('loops recurses: eleven nested frames of 16 bytes below the stack top', () => {
		const { events, symbol } = run('loops');
		expect(events.filter((e) => e.kind === 'trap')).toEqual([]);
		expect(symbol('stack_top') - symbol('stack')).toBeGreaterThanOrEqual(11 * 16);
	});

	it('traps takes exactly its three traps: two ecalls from U to S, one from S to M', () => {
		const { traps, text } = run('traps');
		expect(traps).toEqual([
			{ cause: 8, interrupt: false, from: 0, to: 'HS' },
			{ cause: 8, interrupt: false, from: 0, to: 'HS' },
			{ cause: 9, interrupt: false, from: 1, to: 'M' }
		]);
		expect(text).toBe(
			'S-mode: kernel started; entering U-mode with sret\n' +
				'U-mode: hello, through the write system call\n' +
				'S-mode: exit from U-mode; asking M-mode to power off\n' +
				'M-mode: ecall from S-mode (cause 9); powering off\n'
		);
	});

	it('timer polls MTIP, then takes three machine timer interrupts and nothing else', () => {
		const { traps, text, m } = run('timer');
		expect(traps).toEqual(
			Array.from({ length: 3 }, () => ({ cause: 7, interrupt: true, from: 3, to: 'M' }))
		);
		expect(text).toBe(
			'polled: mip.MTIP is set, but with mie.MTIE = 0 no interrupt was taken\n' +
				[1, 2, 3].map((n) => `timer interrupt ${n}\n`).join('') +
				'three timer interrupts taken; powering off\n'
		);
		expect(m.readCsr(0x304)! & (1 << 7)).toBe(0); // mie.MTIE cleared after the last one
	});

	it('paging walks the PTEs it built, faults once on the missing page and maps it', () => {
		const { events, traps, text, symbol, m } = run('paging');
		const [root, l0, data, spare] = ['root', 'l0', 'data_page', 'spare_page'].map(symbol);
		expect(traps).toEqual([
			{ cause: 15, interrupt: false, from: 1, to: 'HS' },
			{ cause: 9, interrupt: false, from: 1, to: 'M' }
		]);
		const walks = events.flatMap((e) =>
			e.kind === 'walk' ? [[e.stage, e.level, e.pteAddr, e.pte]] : []
		);
		const V = 1,
			RW = 0x06,
			AD = 0xc0;
		// 0x40000000: the root's entry 0x100 points at l0, whose entry 0 maps data_page.
		expect(walks).toContainEqual(['S', 1, root + 0x100 * 4, pte(l0, V)]);
		expect(walks).toContainEqual(['S', 0, l0, pte(data, V | RW | AD)]);
		// 0x40001000: first l0[1] = 0 (the fault), then the PTE the handler wrote.
		const second = walks.filter((w) => w[2] === l0 + 4).map((w) => w[3]);
		expect(second[0]).toBe(0);
		expect(second).toContain(pte(spare, V | RW | AD));
		// The code's megapage, the only other thing S-mode touches besides the UART's.
		expect(walks).toContainEqual(['S', 1, root + 0x200 * 4, (0x80000000 >>> 2) | 0xcf]);
		expect(m.readWord(spare)).toBe(0x12345678);
		expect(text).toBe(
			`S-mode, paging on: load from virtual 0x40000000 = ${hex(0x600dcafe)}\n` +
				`page fault (scause 15, a store); mapping the page at stval = ${hex(0x40001000)}\n` +
				`the store ran again; load from virtual 0x40001000 = ${hex(0x12345678)}\n` +
				`M-mode: the page mapped on demand holds (physical address) ${hex(0x12345678)}\n`
		);
	});

	it('two-stage enters VS-mode, takes a guest-page fault in HS-mode and an ecall from VS', () => {
		const { events, traps, text, symbol } = run('two-stage');
		expect(traps).toEqual([
			{ cause: 21, interrupt: false, from: 1, to: 'HS' },
			{ cause: 10, interrupt: false, from: 1, to: 'HS' }
		]);
		const fault = events.find((e) => e.kind === 'trap' && e.trap.cause === 21);
		expect(fault?.kind === 'trap' && fault.trap).toMatchObject({
			tval: 0x40000000,
			htval: 0x00400000 >>> 2,
			virt: true,
			gva: true
		});
		// The guest's PTE reads are guest physical addresses, each translated by the G-stage.
		const walks = events.flatMap((e) => (e.kind === 'walk' ? [[e.stage, e.level, e.pteAddr]] : []));
		expect(walks).toContainEqual(['VS', 1, symbol('vroot') + 0x100 * 4]);
		expect(walks).toContainEqual(['VS', 0, symbol('vl0')]);
		expect(walks).toContainEqual(['G', 1, symbol('groot') + 1 * 4]);
		expect(walks).toContainEqual(['G', 0, symbol('gl0')]);
		expect(text).toBe(
			'HS-mode: tables built; entering the guest with sret (hstatus.SPV = 1)\n' +
				`HS-mode: guest-page fault (cause 21) at GVA ${hex(0x40000000)}, GPA ${hex(0x00400000)}\n` +
				`VS-mode: load from guest virtual 0x40000000 = ${hex(0x600dc0de)}\n` +
				'HS-mode: ecall from VS-mode (cause 10); powering off\n'
		);
	});

	it('the guest kernel example builds and runs to a clean shutdown under the hypervisor', () => {
		const example = findExample('guest-kernel')!;
		expect(example.source).toEqual({ kind: 'guest', workload: 'console' });
		const { main, files } = exampleFiles(example);
		const include = (name: string) => files[name];
		const { image, diagnostics } = assemble(files[main], { file: main, include });
		expect(diagnostics).toEqual([]);
		const result = runVm({ mode: 'native', kernel: { image: image! }, maxInsns: 20_000_000 });
		if (!result.ok) throw new Error(result.error);
		expect(result.run.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		const lines = new TextDecoder().decode(result.run.output).split('\n');
		expect(lines.filter((l) => l.startsWith('console: line')).length).toBe(40);
	});
});
