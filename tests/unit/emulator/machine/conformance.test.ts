/**
 * The conformance programs (tests/fixtures/conformance/*.s, assembled by build.sh with GNU as and
 * cross-checked against QEMU) and the C differential program must all finish as recorded.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';

const conformance = join(__dirname, '../../../fixtures/conformance');
const c = join(__dirname, '../../../fixtures/c');

function runElf(path: string, maxInsns = 5_000_000, slowOnly = false, tlbEntries = 64) {
	const out: number[] = [];
	const m = new Machine({ ramSize: 8 << 20, uartOut: (b) => out.push(b), tlbEntries });
	m.hart.slowOnly = slowOnly;
	const loaded = m.loadElf(readFileSync(path));
	if (!loaded.ok) throw new Error(loaded.error);
	const stop = m.run({ maxInsns });
	return { stop, output: new TextDecoder().decode(Uint8Array.from(out)), m };
}

describe('conformance programs', () => {
	const programs = readdirSync(conformance).filter((f) => f.endsWith('.elf'));
	it('has a program for each group, privilege feature, Sv32 and H', () => {
		for (const name of [
			'rv32i-alu',
			'rv32m',
			'rv32a',
			'zicsr',
			'zifencei',
			'priv-traps',
			'priv-interrupts',
			'sv32',
			'h-modes',
			'h-gstage',
			'htif'
		])
			expect(programs).toContain(`${name}.elf`);
	});
	for (const file of programs) {
		it(`${file} exits 0, the same way with and without the fast loop`, () => {
			const fast = runElf(join(conformance, file));
			expect(fast.stop).toEqual({ kind: 'halted', exitCode: 0 });
			const slow = runElf(join(conformance, file), 5_000_000, true);
			expect(slow.stop).toEqual(fast.stop);
			expect(slow.m.instret).toBe(fast.m.instret);
			const regs = (m: Machine) => Array.from({ length: 32 }, (_, i) => m.readRegister(i));
			expect(regs(slow.m)).toEqual(regs(fast.m));
			expect(slow.m.stats().trapsByCause).toEqual(fast.m.stats().trapsByCause);
		});
	}
});

describe('conformance with a tiny TLB (every translation evicts another)', () => {
	for (const file of ['sv32.elf', 'h-gstage.elf', 'h-modes.elf']) {
		it(`${file} exits 0 with 1 and 2 TLB entries`, () => {
			for (const entries of [1, 2])
				expect(runElf(join(conformance, file), 5_000_000, false, entries).stop).toEqual({
					kind: 'halted',
					exitCode: 0
				});
		});
	}
});

describe('C differential against QEMU', () => {
	it('hello.elf prints what QEMU printed and exits with the same code', () => {
		const expectedOut = readFileSync(join(c, 'hello.expected.out'), 'utf8');
		const expectedCode = Number(readFileSync(join(c, 'hello.expected.code'), 'utf8'));
		const { stop, output } = runElf(join(c, 'hello.elf'));
		expect(expectedCode).not.toBe(0);
		expect(output).toBe(expectedOut);
		expect(stop).toEqual({ kind: 'halted', exitCode: expectedCode });
	});
});
