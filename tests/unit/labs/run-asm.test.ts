import { describe, expect, it } from 'vitest';
import { runAsm } from '../../../src/lib/labs/run-asm.ts';

describe('runAsm', () => {
	it('keeps output, exit code, registers, memory and instructions of a run', () => {
		const run = runAsm(
			'\t.equ V, 42\n',
			`_start:
	li a1, V
	la t0, word
	sw a1, 0(t0)
	li t0, 0x10000000
	li t1, 'k'
	sb t1, 0(t0)
	li t0, 0x100000
	li t1, 0x73333
	sw t1, 0(t0)
	.data
word: .word 0
`,
			1000
		);
		expect(run.assembled).toBe(true);
		if (!run.assembled) return;
		expect(run.stop.kind).toBe('halted');
		expect(run.exitCode).toBe(7);
		expect(run.output).toBe('k');
		expect(run.registers[11]).toBe(42);
		expect(run.readWords('word', 1)).toEqual([42]);
		expect(run.readWords('missing', 1)).toBeUndefined();
		expect(run.instructions).toBeGreaterThan(5);
	});

	it('numbers errors in the part they come from', () => {
		const run = runAsm('\t.equ V, 1\n\tbogus\n', '\tnop\n\talso bogus\n', 1000);
		expect(run.assembled).toBe(false);
		if (run.assembled) return;
		expect(run.errors.map((e) => [e.part, e.line])).toEqual([
			['lab', 2],
			['student', 2]
		]);
	});

	it('stops at the budget', () => {
		const run = runAsm('', '_start: j _start\n', 500);
		expect(run.assembled && run.stop.kind).toBe('budget');
	});
});
