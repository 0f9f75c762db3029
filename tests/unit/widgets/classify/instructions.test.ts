/**
 * The right answers of the classification table are what the course's machine does: each RISC-V
 * instruction is assembled by the course's assembler and run once in U-mode and once in S-mode.
 * Privileged (Popek and Goldberg) means: it traps in U-mode and not in S-mode.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';
import { Irq, PRIV_S, PRIV_U } from '../../../../src/lib/emulator/machine/constants.ts';
import { INSTRUCTIONS, instructionsOf } from '../../../../src/lib/widgets/classify/instructions.ts';

const RAM = 0x8000_0000;
const DATA = RAM + 0x1000;

/** The machine word of one instruction, or the assembler's complaint. */
function encode(code: string): number | string {
	const result = assemble(`\t.text\n\t${code}\n`);
	if (!result.image) return result.diagnostics.map((d) => d.message).join('; ');
	const bytes = result.image.sections.find((s) => s.bytes.length > 0)!.bytes;
	return new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
}

/**
 * Whether executing `word` in mode `priv` traps (an exception, reported to the host). The timer is
 * armed, so that a WFI that may run has an interrupt to wait for.
 */
function traps(word: number, priv: number): boolean {
	const machine = new Machine({ hostTrapsM: true });
	const program = new Uint8Array(8);
	new DataView(program.buffer).setUint32(0, word, true);
	machine.writeMemory(RAM, program);
	machine.writeRegister(11, DATA); // a1: a readable address for the load
	machine.writeCsr(Csr.mie, 1 << Irq.MTI);
	machine.setTimerCompare(1000);
	machine.setMode(priv, false);
	machine.pc = RAM;
	const stop = machine.run({ maxInsns: 1 });
	expect(stop.kind === 'hostTrap' || stop.kind === 'budget', JSON.stringify(stop)).toBe(true);
	return stop.kind === 'hostTrap' && !stop.trap.interrupt;
}

describe('the classification table', () => {
	const riscv = INSTRUCTIONS.filter((i) => i.set === 'riscv');

	it('asks about the instructions the lesson names, RISC-V first', () => {
		expect(instructionsOf(['riscv', 'x86']).map((i) => i.code)).toEqual([
			'csrr a0, sstatus',
			'sret',
			'sfence.vma',
			'wfi',
			'ecall',
			'add a0, a1, a2',
			'lw a0, 0(a1)',
			'popf',
			'sgdt [mem]',
			'mov cr3, eax'
		]);
		expect(instructionsOf(['x86']).every((i) => i.set === 'x86')).toBe(true);
	});

	it('writes RISC-V instructions the course’s RV32 assembler accepts (LW, since LD is RV64)', () => {
		for (const instruction of riscv)
			expect(typeof encode(instruction.code), instruction.code).toBe('number');
		expect(typeof encode('ld a0, 0(a1)')).toBe('string');
	});

	it('calls a RISC-V instruction privileged exactly when the machine traps it in U-mode only', () => {
		for (const instruction of riscv) {
			const word = encode(instruction.code) as number;
			const inUser = traps(word, PRIV_U);
			const inSupervisor = traps(word, PRIV_S);
			expect(inUser && !inSupervisor, instruction.code).toBe(instruction.privileged);
		}
	});

	it('makes RISC-V meet Popek and Goldberg’s condition and x86 break it with POPF and SGDT', () => {
		expect(riscv.filter((i) => i.sensitive && !i.privileged)).toEqual([]);
		const x86 = INSTRUCTIONS.filter((i) => i.set === 'x86');
		expect(x86.filter((i) => i.sensitive && !i.privileged).map((i) => i.id)).toEqual([
			'popf',
			'sgdt'
		]);
	});

	it('explains every answer in both languages, in one sentence each', () => {
		for (const instruction of INSTRUCTIONS) {
			for (const why of Object.values(instruction.why)) {
				expect(why.length, instruction.id).toBeGreaterThan(20);
				expect(why.replace(/[.。]$/, ''), instruction.id).not.toMatch(/[.。]\s/);
			}
			expect(instruction.why.zh, instruction.id).toMatch(/[\u4e00-\u9fff]/);
		}
		expect(new Set(INSTRUCTIONS.map((i) => i.id)).size).toBe(INSTRUCTIONS.length);
	});
});
