import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../../../src/lib/emulator/session/program.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';

describe('loadProgram', () => {
	it('assembles source with its includes; the code map covers code, not data', () => {
		const r = loadProgram({
			kind: 'source',
			text: '.include "defs.s"\n_start:\n\tli a0, ANSWER\n\tj _start\n\t.data\nv:\t.word 7\n',
			file: 'main.s',
			includes: { 'defs.s': '.equ ANSWER, 42\n' }
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const p = r.program;
		expect(p.codeMap.map((e) => e.line)).toEqual([3, 4]);
		const v = p.symbols.find((s) => s.name === 'v')!.value;
		expect(p.lines.placeOf(v)).toBeUndefined();
		const m = new Machine({ ramSize: 64 * 1024 });
		expect(p.loadInto(m)).toBeUndefined();
		m.step();
		expect(m.readRegister(10)).toBe(42);
	});

	it('positions the first error with file, line and column, and counts the rest', () => {
		const r = loadProgram({ kind: 'source', text: 'addi t0\nfoo t1\n', file: 'p.s' });
		expect(r).toMatchObject({ ok: false });
		if (!r.ok) {
			expect(r.error).toMatch(/^p\.s:1:\d+: .* \(and 1 more\)$/);
			expect(r.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(2);
		}
	});

	it('loads an ELF with its symbols and no source lines', () => {
		const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/c/hello.elf')));
		const r = loadProgram({ kind: 'elf', bytes });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.program.symbols.some((s) => s.name === 'main')).toBe(true);
		expect(r.program.lines.files).toEqual([]);
		expect(loadProgram({ kind: 'elf', bytes: bytes.slice(0, 10) }).ok).toBe(false);
	});
});
