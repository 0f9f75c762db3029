import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/asm.ts';

let dir: string;
let out: string;
let err: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'virtlab-asm-'));
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('virtlab asm', () => {
	it('writes an ELF file and prints a listing of address, bytes and source', async () => {
		const src = join(dir, 'p.s');
		writeFileSync(src, '_start:\taddi a0, zero, 5\n\tj _start\n.data\n.word 0x11223344\n');
		const elf = join(dir, 'p.elf');
		expect(await command.run([src, '-o', elf, '--listing'])).toBe(0);
		expect([...readFileSync(elf).subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
		const lines = out.split('\n');
		expect(lines[0]).toMatch(/^80000000 {2}00500513 +1 {2}_start:\taddi a0, zero, 5$/);
		expect(lines[1]).toMatch(/^80000004 {2}ffdff06f +2 {2}\tj _start$/);
		expect(lines[3]).toMatch(/^80000008 {2}44 33 22 11 +4 {2}\.word 0x11223344$/);
		expect(err).toBe('');
	});

	it('prints errors as file:line:col: error: message and exits 1', async () => {
		const src = join(dir, 'bad.s');
		writeFileSync(src, 'nop\n  addi a0, a0, 5000\n  ad a0\n');
		expect(await command.run([src, '-o', join(dir, 'bad.elf')])).toBe(1);
		expect(err).toBe(
			`${src}:2:16: error: immediate 5000 out of range -2048..2047\n${src}:3:3: error: unknown instruction 'ad'\n`
		);
	});

	it('rejects a missing file and bad options', async () => {
		expect(await command.run([join(dir, 'none.s')])).toBe(1);
		expect(err).toMatch(/cannot read/);
		expect(await command.run([join(dir, 'none.s'), '--bogus'])).toBe(2);
		expect(await command.run([])).toBe(2);
	});

	it('says in one line why it cannot read a folder or write into one, or into a missing folder', async () => {
		// Observed before the fix: each of these ended in a Node stack trace (EISDIR, ENOENT).
		const src = join(dir, 'ok.s');
		writeFileSync(src, 'nop\n');
		expect(await command.run([dir])).toBe(1);
		expect(err).toBe(`virtlab asm: cannot read '${dir}': it is a folder\n`);
		err = '';
		expect(await command.run([src, '-o', dir])).toBe(1);
		expect(err).toBe(`virtlab asm: cannot write '${dir}': it is a folder\n`);
		err = '';
		const missing = join(dir, 'missing', 'ok.elf');
		expect(await command.run([src, '-o', missing])).toBe(1);
		expect(err).toBe(
			`virtlab asm: cannot write '${missing}': there is no folder '${join(dir, 'missing')}'\n`
		);
		err = '';
		expect(await command.run(['/dev/zero'])).toBe(1);
		expect(err).toMatch(/^virtlab asm: cannot read '\/dev\/zero': not a regular file/);
	});

	it('reports an .include of a device or a folder at the directive instead of hanging', async () => {
		// Observed before the fix: `.include "/dev/zero"` read forever.
		const src = join(dir, 'inc.s');
		writeFileSync(src, 'nop\n.include "/dev/zero"\n.include "."\n');
		expect(await command.run([src])).toBe(1);
		expect(err).toBe(
			`${src}:2:10: error: cannot include '/dev/zero': not a regular file (a device or a pipe?)\n` +
				`${src}:3:10: error: cannot include '.': it is a folder\n`
		);
	});
});
