import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/debug.ts';
import { assemble, symbolValue } from '../../../../src/lib/emulator/asm/index.ts';
import { EXAMPLE_SOURCES } from '../../../../src/lib/widgets/machine/examples/sources.generated.ts';
import {
	exampleProgram,
	findExample
} from '../../../../src/lib/widgets/machine/examples/catalogue.ts';
import { buildGuest } from '../../../../src/lib/emulator/guests/build.ts';
import { hex } from '../../../../src/lib/widgets/machine/views/format.ts';

const SOURCE = `_start:
	li s1, 0x10000000
	la t0, handler
	csrw mtvec, t0
	li a0, 5
	call square
	sb a0, 0(s1)
	ecall
square:
	mul a0, a0, a0
	ret
handler:
	lbu t1, 0(s1)
	sb t1, 0(s1)
	li t0, 0x100000
	li t1, 0x5555
	sw t1, 0(t0)
`;

let dir: string;
let prog: string;
let out: string;
let err: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'virtlab-debug-'));
	prog = join(dir, 'p.s');
	writeFileSync(prog, SOURCE);
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation(
		(s) => ((out += typeof s === 'string' ? s : new TextDecoder().decode(s as Uint8Array)), true)
	);
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('virtlab debug', () => {
	it('steps, steps over a call, and prints where it is with the source line', async () => {
		expect(await command.run([prog, '-e', 'step 5; over; over'])).toBe(0);
		expect(out).toContain('> step 5\n[5] 0x80000014 M p.s:6  auipc ra,0x0\n');
		// The jalr of `call square` runs square; the next instruction is the sb on line 7.
		expect(out).toContain('> over\n[9] 0x8000001c M p.s:7  sb a0,0(s1)\n');
		expect(err).toBe('');
	});

	it('stops at a breakpoint by label, shows registers, steps out, and goes back', async () => {
		expect(await command.run([prog, '-e', 'break square; continue; regs; out; back 2; list'])).toBe(
			0
		);
		expect(out).toMatch(/breakpoint square at 0x80000024\n/);
		expect(out).toMatch(/breakpoint at 0x80000024\n\[\d+\] 0x80000024 M p\.s:10/);
		expect(out).toMatch(/x10 a0 {3}0x00000005/);
		expect(out).toMatch(/> out\n\[\d+\] 0x8000001c M p\.s:7/);
		expect(out).toMatch(/> back 2\n\[\d+\] 0x80000024 M p\.s:10/);
		expect(out).toMatch(/=>\* 0x80000024 {2}<square> mul a0,a0,a0 {2}# p\.s:10/);
	});

	it('gives UART input, shows the trap, the output, and runs to the end', async () => {
		const script = join(dir, 'cmds');
		writeFileSync(script, 'until 8  # the ecall\ninput hi\\n\nstep\ncontinue\ntraps\n');
		expect(await command.run([prog, '--script', script])).toBe(0);
		expect(out).toContain('  uart: "\\u0019"'); // 5 * 5 = 25
		expect(out).toMatch(/ {2}trap: environment call from M-mode at 0x80000020, M -> M\n/);
		expect(out).toMatch(/the program ended with exit code 0\n.*\n {2}uart: "h"/);
		expect(out).toMatch(
			/\[\d+\] environment call from M-mode at 0x80000020 tval 0x00000000, M -> M/
		);
	});

	it('breaks on a line, resets, deletes breakpoints, runs to a label, prints CSRs and output', async () => {
		expect(
			await command.run([
				prog,
				'-e',
				'break p.s:10; continue; reset; delete; until square; csrs machine; output'
			])
		).toBe(0);
		expect(out).toMatch(/breakpoint p\.s:10 at 0x80000024\n/);
		expect(out).toMatch(/> reset\n\[0\] 0x80000000 M p\.s:2/);
		expect(out).toMatch(/> until square\n\[\d+\] 0x80000024 M p\.s:10/);
		expect(out).toMatch(/machine:\n(.*\n)*? {2}mtvec {8}0x8000002c\n/);
		expect(out).not.toMatch(/supervisor:/);
		expect(out.endsWith('> output\n')).toBe(true); // nothing printed yet at square
	});

	it('reports a bad command at its line and column', async () => {
		expect(await command.run([prog, '-e', 'step; stpe 3'])).toBe(1);
		expect(err).toMatch(/^-e:1:7: unknown command 'stpe'/);
		expect(await command.run([prog, '-e', 'break nowhere'])).toBe(1);
		expect(err).toMatch(/-e:1:1: no label 'nowhere'/);
	});

	it('a runaway program stops at the budget of continue', async () => {
		writeFileSync(prog, '_start:\n\tj _start\n');
		expect(await command.run([prog, '-e', 'continue 1000'])).toBe(0);
		expect(out).toMatch(/stopped after 1000 steps at 0x80000000/);
	});

	it('refuses a program that does not assemble, with the diagnostic', async () => {
		writeFileSync(prog, '_start:\n\tadd t0\n');
		expect(await command.run([prog, '-e', 'step'])).toBe(2);
		expect(err).toMatch(/p\.s:2:\d+: error: /);
	});

	describe('memory and TLB on the paging example', () => {
		const PAGING = EXAMPLE_SOURCES['paging.s'];
		const { image } = assemble(PAGING, { file: 'paging.s' });
		const symbol = (name: string) => symbolValue(image!, name)!;
		// The line after S-mode's first load through the page table (0x40000000 → data_page).
		const afterLoad = PAGING.split('\n').findIndex((l) => l.includes('walk: root[0x100]')) + 2;
		let paging: string;
		beforeEach(() => {
			paging = join(dir, 'paging.s');
			writeFileSync(paging, PAGING);
		});

		it('mem ADDR N virtual prints the walk through the page table, then the bytes', async () => {
			const script = `until ${afterLoad}; mem 0x40000000 16 virtual`;
			expect(await command.run([paging, '-e', script])).toBe(0);
			const shown = out.slice(out.indexOf('> mem'));
			expect(shown).toBe(
				[
					'> mem 0x40000000 16 virtual',
					'page walk of 0x40000000 for a load in HS-mode:',
					'  stages: S',
					`  1. S-stage level 1: PTE at ${hex(symbol('root') + 0x100 * 4)}`,
					`     PTE ${hex(((symbol('l0') >>> 12) << 10) | 1)}  flags V-------  points to the next table at ${hex(symbol('l0'))}`,
					`  2. S-stage level 0: PTE at ${hex(symbol('l0'))}`,
					`     PTE ${hex(((symbol('data_page') >>> 12) << 10) | 0xc7)}  flags VRW---AD  leaf: the page is at ${hex(symbol('data_page'))}`,
					`  result: physical address ${hex(symbol('data_page'))}`,
					// 0x600dcafe, stored at data_page by M-mode, little-endian.
					'0x40000000  fe ca 0d 60 00 00 00 00  00 00 00 00 00 00 00 00  |...`............|',
					''
				].join('\n')
			);
		});

		it('mem virtual names the fault of a page not mapped yet, and marks its bytes', async () => {
			const script = `until ${afterLoad}; mem 0x40001000 4 virtual`;
			expect(await command.run([paging, '-e', script])).toBe(0);
			expect(out).toContain('  result: exception 13, load page fault\n0x40001000  ·· ·· ·· ··');
			expect(out).toMatch(/·· nothing answered: no RAM there/);
		});

		it('tlb lists the entry of the page the program loaded from', async () => {
			expect(await command.run([paging, '-e', `tlb; until ${afterLoad}; tlb`])).toBe(0);
			expect(out).toMatch(/^> tlb\nno valid entries\n/); // M-mode has not translated anything
			expect(out).toContain(
				'entry  virtual page  V  ASID  VMID  global  stage 1  stage 2  physical page  guest physical page\n'
			);
			expect(out).toMatch(
				new RegExp(
					`\\n +\\d+  0x40000000    0     0     -  no      RW---AD  bare     ${hex(symbol('data_page'))}     -\\n`
				)
			);
		});

		it('x is mem; the address may be a label, a register or pc, with an offset', async () => {
			const script = `until ${afterLoad}; x data_page 4; x t0 + 1 2; mem pc 4`;
			expect(await command.run([paging, '-e', script])).toBe(0);
			expect(out).toContain(`> x data_page 4\n${hex(symbol('data_page'))}  fe ca 0d 60 `);
			// t0 holds 0x40000000; with satp on, the physical RAM at that address is none.
			expect(out).toContain('> x t0 + 1 2\n0x40000000     ·· ··');
			expect(out).toMatch(/> mem pc 4\n0x800001[0-9a-f]0 /);
		});

		it('in M-mode, says that M-mode does not translate', async () => {
			expect(await command.run([paging, '-e', 'mem 0x80000000 4 virtual'])).toBe(0);
			expect(out).toContain(
				'(the hart is in M-mode, which does not translate: this is what HS-mode sees)\n' +
					'page walk of 0x80000000 for a load in HS-mode:\n' +
					'  no translation is on (Bare): the address is physical as it is\n'
			);
		});

		it('a bad address or length is an error at its command', async () => {
			expect(await command.run([paging, '-e', 'step; mem nowhere'])).toBe(1);
			expect(err).toBe("-e:1:7: no label or register 'nowhere'\n");
			err = '';
			expect(await command.run([paging, '-e', 'x 0x400000000'])).toBe(1);
			expect(err).toBe(
				"-e:1:1: '0x400000000' is outside the physical addresses (0 to 0x3ffffffff)\n"
			);
			err = '';
			expect(await command.run([paging, '-e', 'mem 0x80000000 4096'])).toBe(1);
			expect(err).toMatch(/'4096' is not a length: give 1 to 1024 bytes/);
		});
	});
});

describe('virtlab debug --firmware', () => {
	it('boots the guest kernel example in S-mode and runs it to its console output and SRST', async () => {
		const file = join(dir, 'guest-kernel.s');
		writeFileSync(file, exampleProgram(findExample('guest-kernel')!).source);
		expect(await command.run([file, '--firmware', '-e', 'step; continue; traps'])).toBe(0);
		expect(out).toMatch(/> step\n\[1\] 0x80000004 HS guest-kernel\.s:\d+/);
		expect(out).toContain('kernel: workload console\\nconsole: line 0001\\n');
		expect(out).toContain('console: line 0040\\n');
		expect(out).toContain('the program ended with exit code 0\n');
		expect(out).toMatch(
			/\[\d+\] environment call from HS-mode at 0x[0-9a-f]{8} tval 0x00000000, HS -> M \(firmware: sbi_set_timer\)\n/
		);
		expect(out).toMatch(/HS -> M \(firmware: sbi_system_reset\)\n$/);
		expect(err).toBe('');
	});

	it('stops at a breakpoint on a line of a kernel file, its files included from disk', async () => {
		const { files } = buildGuest('console');
		for (const [name, text] of Object.entries(files)) {
			mkdirSync(join(dir, name, '..'), { recursive: true });
			writeFileSync(join(dir, name), text);
		}
		// the first instruction of the trap vector
		const line = files['kernel/trap.s'].split('\n').findIndex((l) => /^trap_vector:/.test(l)) + 1;
		expect(line).toBeGreaterThan(0);
		const script = `break kernel/trap.s:${line}; continue; regs`;
		expect(await command.run([join(dir, 'guest.s'), '--firmware', '-e', script])).toBe(0);
		expect(out).toMatch(/breakpoint kernel\/trap\.s:\d+ at 0x8000[0-9a-f]{4}\n/);
		expect(out).toMatch(/\n\[\d+\] 0x8000[0-9a-f]{4} HS kernel\/trap\.s:\d+ /);
		expect(out).toMatch(/pc {7}0x8000[0-9a-f]{4} {3}mode HS\n/);
	});

	it('without --firmware the same kernel starts in M-mode, and --mem still applies', async () => {
		const file = join(dir, 'guest-kernel.s');
		writeFileSync(file, exampleProgram(findExample('guest-kernel')!).source);
		expect(await command.run([file, '-e', 'step'])).toBe(0);
		expect(out).toMatch(/\[1\] 0x80000004 M /);
		expect(await command.run([file, '--firmware', '--mem', '2', '-e', 'step'])).toBe(2);
		expect(err).toMatch(/device tree|at least 4 MiB/);
	});
});
