/**
 * The CSR file implements exactly the CSRs of isa/csr.ts, the one table of CSR numbers, and
 * that table agrees with the numbers of the Privileged Architecture (§2.2 Tables 2.2–2.6).
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { readCsr } from '../../../../src/lib/emulator/machine/csr-file.ts';
import { substituteForVirtual } from '../../../../src/lib/emulator/machine/csr-access.ts';
import { Csr, csrName, csrNumber } from '../../../../src/lib/emulator/isa/csr.ts';

describe('CSR table', () => {
	it('names each number once', () => {
		expect(csrName.size).toBe(csrNumber.size);
		for (const [name, n] of csrNumber) expect(csrName.get(n)).toBe(name);
	});

	it('spells the families as the specification does', () => {
		expect(csrNumber.get('pmpcfg0')).toBe(0x3a0);
		expect(csrNumber.get('pmpcfg15')).toBe(0x3af);
		expect(csrNumber.get('pmpaddr63')).toBe(0x3ef);
		expect(csrNumber.get('hpmcounter3')).toBe(0xc03);
		expect(csrNumber.get('hpmcounter31h')).toBe(0xc9f);
		expect(csrNumber.get('mhpmcounter3h')).toBe(0xb83);
		expect(csrNumber.get('mhpmevent31')).toBe(0x33f);
		expect(csrNumber.has('pmpcfg16')).toBe(false);
		expect(csrNumber.has('hpmcounter2')).toBe(false);
	});
});

describe('CSR file', () => {
	const hart = new Machine({ ramSize: 4096 }).hart;

	it('implements exactly the CSRs of isa/csr.ts', () => {
		for (let n = 0; n < 4096; n++)
			expect(readCsr(hart, n) !== undefined, `0x${n.toString(16)}`).toBe(csrName.has(n));
	});

	it('replaces each supervisor CSR by its VS counterpart at V=1 (§9.2.11)', () => {
		const supervisor = ['sstatus', 'sie', 'stvec', 'sscratch', 'sepc', 'scause', 'stval', 'sip'];
		for (const name of [...supervisor, 'satp'])
			expect(csrName.get(substituteForVirtual(csrNumber.get(name)!))).toBe(`v${name}`);
		expect(substituteForVirtual(Csr.mstatus)).toBe(Csr.mstatus);
		expect(substituteForVirtual(Csr.scounteren)).toBe(Csr.scounteren);
	});
});

describe('counter writes', () => {
	/** Runs `words` from RAM in M-mode and returns the machine. */
	async function runWords(words: number[]) {
		const { enc, li, toBytes } = await import('../../../helpers/encode.ts');
		const m = new Machine({ ramSize: 4096 });
		const program = [...words.flatMap((w) => (typeof w === 'number' ? [w] : w))];
		m.writeMemory(0x80000000, toBytes(program));
		m.pc = 0x80000000;
		expect(m.run({ maxInsns: program.length })).toEqual({ kind: 'budget' });
		return { m, enc, li };
	}

	it('a write to minstret replaces that instruction’s increment (§3.1.11)', async () => {
		const { enc, li } = await import('../../../helpers/encode.ts');
		const t0 = 5;
		const t1 = 6;
		const t2 = 7;
		const { m } = await runWords([
			...li(t0, 100),
			enc('csrrw', { rd: 0, rs1: t0, csr: Csr.minstret }),
			enc('csrrs', { rd: t1, rs1: 0, csr: Csr.minstret }),
			enc('csrrw', { rd: 0, rs1: t0, csr: Csr.minstreth }),
			enc('csrrs', { rd: t2, rs1: 0, csr: Csr.minstreth })
		]);
		// The read right after the write sees the written value: the write retired, uncounted.
		expect(m.readRegister(t1)).toBe(100);
		expect(m.readRegister(t2)).toBe(100);
	});
});
