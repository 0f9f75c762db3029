import { mkdtempSync, writeFileSync } from 'node:fs';
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
		expect(err).toMatch(/^virtlab run: instruction budget of 1000 spent at pc 0x80000000/);
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
