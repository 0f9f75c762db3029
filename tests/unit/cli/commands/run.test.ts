import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/run.ts';
import { command as bench } from '../../../../src/cli/commands/bench.ts';

const fixtures = join(__dirname, '../../../fixtures');
let dir: string;
let out: string;
let err: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'virtlab-run-'));
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation(
		(s) => ((out += typeof s === 'string' ? s : new TextDecoder().decode(s as Uint8Array)), true)
	);
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('virtlab run', () => {
	it('prints the UART output and exits with the program exit code', async () => {
		expect(await command.run([join(fixtures, 'c/hello.elf')])).toBe(168);
		expect(out).toMatch(/^hello from C on RV32IMA\nprimes below 1000: 168\n/);
	});

	it('--json writes one object with the documented keys', async () => {
		expect(await command.run([join(fixtures, 'conformance/rv32m.elf'), '--json'])).toBe(0);
		const summary = JSON.parse(out.trim().split('\n').pop()!);
		expect(Object.keys(summary)).toEqual(
			expect.arrayContaining([
				'exitCode',
				'instructions',
				'seconds',
				'mips',
				'trapsByCause',
				'tlbHitRate'
			])
		);
		expect(summary.exitCode).toBe(0);
		expect(summary.instructions).toBeGreaterThan(50);
	});

	it('--stats reports traps by cause and the TLB hit rate of a paged program', async () => {
		expect(await command.run([join(fixtures, 'conformance/sv32.elf'), '--stats'])).toBe(0);
		expect(err).toMatch(/traps by cause \{.*"13":/);
		expect(err).toMatch(/TLB hit rate \d+\.\d+%/);
	});

	it('assembles and runs a .s source', async () => {
		const src = join(dir, 'p.s');
		writeFileSync(
			src,
			'_start:\n\tli t0, 0x10000000\n\tli t1, 75\n\tsb t1, 0(t0)\n\tli t0, 0x100000\n\tli t1, 0x53333\n\tsw t1, 0(t0)\n'
		);
		expect(await command.run([src])).toBe(5);
		expect(out).toBe('K');
	});

	it('a spent budget exits non-zero with a one-line reason', async () => {
		const src = join(dir, 'loop.s');
		writeFileSync(src, '_start: j _start\n');
		expect(await command.run([src, '--max-insns', '1000'])).toBe(124);
		expect(err).toMatch(/^virtlab run: budget of 1000 spent at pc 0x80000000/);
	});

	it('stops a trap loop, `jr zero` with --max-insns 1000, and says where it began', async () => {
		// Observed before the fix: the trap entries did not count, so this ran until killed.
		const src = join(dir, 'jr-zero.s');
		writeFileSync(src, '_start: jr zero\n');
		expect(await command.run([src, '--max-insns', '1000'])).toBe(125);
		expect(err).toBe(
			'virtlab run: trap loop: instruction access fault at pc 0x00000000 (tval 0x00000000) again and again without an instruction retiring: the trap handler itself traps (is the trap vector set?)\n'
		);
	});

	it('stops an empty program, whose first trap is an illegal instruction', async () => {
		const src = join(dir, 'empty.s');
		writeFileSync(src, '');
		expect(await command.run([src])).toBe(125);
		expect(err).toMatch(
			/trap loop: illegal instruction at pc 0x80000000 .*, then instruction access fault at pc 0x00000000/
		);
	});

	it('counts trap entries against --max-insns and says when traps took the budget', async () => {
		const src = join(dir, 'fault-in-handler.s');
		// The handler retires one instruction, then faults again: no trap loop, but never done.
		writeFileSync(src, '_start: la t0, h\n\tcsrw mtvec, t0\nh: nop\n\tlw t1, 0(zero)\n');
		expect(await command.run([src, '--max-insns', '100000', '--json'])).toBe(124);
		const summary = JSON.parse(out.trim());
		expect(summary.instructions + summary.trapsByCause['5']).toBe(100000);
		expect(err).toMatch(
			/budget of 100000 spent .*: \d+ instructions retired, \d+ traps entered \(most: \d+ × load access fault\); a trap handler that faults again loops like this/
		);
	});

	it('refuses a budget it cannot count exactly', async () => {
		const src = join(dir, 'j.s');
		writeFileSync(src, '_start: j _start\n');
		for (const bad of ['1e308', '9007199254740993', '0', '-5', 'many']) {
			err = '';
			expect(await command.run([src, '--max-insns', bad])).toBe(2);
			expect(err).toMatch(/^virtlab run: --max-insns wants a whole number from 1 to 2\^53 - 1/);
		}
	});

	it('runs an ELF linked by `ld -Ttext=0x80000000`, headers below RAM, as QEMU does', async () => {
		const elf = join(fixtures, 'elf/gnu-ttext.elf');
		const code = Number(readFileSync(join(fixtures, 'elf/gnu-ttext.expected.code'), 'utf8'));
		expect(await command.run([elf])).toBe(code);
		expect(out).toBe(readFileSync(join(fixtures, 'elf/gnu-ttext.expected.out'), 'utf8'));
		expect(err).toBe('');
	});

	it('refuses an ELF whose code lies outside RAM or whose entry is not word-aligned', async () => {
		expect(await command.run([join(fixtures, 'elf/text-below-ram.elf')])).toBe(2);
		expect(err).toMatch(
			/text-below-ram\.elf: section \.text \(0x7ffff800–0x7ffff834\) lies outside RAM 0x80000000–0x88000000: it would be lost/
		);
		err = '';
		expect(await command.run([join(fixtures, 'elf/entry-misaligned.elf')])).toBe(2);
		expect(err).toMatch(/entry point 0x80000002 is not a multiple of 4/);
	});

	it('names a folder or a device instead of reading it', async () => {
		expect(await command.run([dir])).toBe(2);
		expect(err).toBe(`virtlab run: cannot read '${dir}': it is a folder\n`);
		err = '';
		expect(await command.run(['/dev/zero'])).toBe(2);
		expect(err).toMatch(/not a regular file/);
	});

	it('--trace traps prints each trap', async () => {
		expect(
			await command.run([join(fixtures, 'conformance/priv-traps.elf'), '--trace', 'traps'])
		).toBe(0);
		expect(err).toMatch(/trap #\d+ illegal instruction \(2\) pc 0x800\w+ tval 0xffffffff M -> M/);
	});

	it('rejects bad input with a clear message', async () => {
		expect(await command.run([])).toBe(2);
		expect(err).toMatch(/which program/);
		const bad = join(dir, 'bad.elf');
		writeFileSync(bad, '\x7fELF\x02\x01');
		expect(await command.run([bad])).toBe(2);
		expect(err).toMatch(/bad\.elf: not an ELF file|bad\.elf: .*header/);
	});
});

describe('virtlab bench', () => {
	it('runs the guest with tracing off and on and prints MIPS for both', async () => {
		expect(await bench.run(['--outer', '20'])).toBe(0);
		expect(out).toMatch(/^guest: 20 iterations of ~5,040 instructions/);
		expect(out).toMatch(
			/tracing off +\d+ instructions in [\d.]+ s: [\d.]+ MIPS \([\d.]+ per CPU second\)\n/
		);
		expect(out).toMatch(/trap tracing on +\d+ instructions/);
		expect(out).toMatch(/traps traced: 20; checksum 0x[0-9a-f]+ in both runs\n/);
	});
});
