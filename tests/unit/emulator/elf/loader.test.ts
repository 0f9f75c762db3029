import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseElf } from '../../../../src/lib/emulator/elf/load-elf.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import fc from 'fast-check';

// A copy as a plain Uint8Array: Buffer.slice would share memory between the cases below.
const hello = new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/c/hello.elf')));

describe('ELF32 loader', () => {
	it('reads the entry point, PT_LOAD segments and symbols of a gcc-built program', () => {
		const r = parseElf(hello);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.image.entry).toBe(0x80000000);
		expect(r.image.segments.length).toBeGreaterThan(0);
		expect(r.image.symbols.find((s) => s.name === 'main')?.type).toBe(2);
	});

	it('explains what is wrong with a malformed file', () => {
		expect(parseElf(new Uint8Array(10))).toEqual({
			ok: false,
			error: expect.stringMatching(/shorter than an ELF32 header/)
		});
		const notElf = hello.slice();
		notElf[1] = 0;
		expect(parseElf(notElf)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/not an ELF file/)
		});
		const elf64 = hello.slice();
		elf64[4] = 2;
		expect(parseElf(elf64)).toMatchObject({ ok: false, error: expect.stringMatching(/ELF32/) });
		const truncated = hello.slice(0, 200);
		expect(parseElf(truncated)).toMatchObject({ ok: false });
	});

	it('refuses segments outside RAM', () => {
		const m = new Machine({ ramSize: 4096 });
		expect(m.loadElf(hello)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/outside RAM/)
		});
	});

	it('never throws on corrupted bytes', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(hello.length - 1), fc.nat(255)), { maxLength: 20 }),
				(edits) => {
					const bytes = hello.slice();
					for (const [at, v] of edits) bytes[at] = v;
					const r = parseElf(bytes);
					expect(typeof r.ok).toBe('boolean');
				}
			),
			{ numRuns: 300 }
		);
	});
});
