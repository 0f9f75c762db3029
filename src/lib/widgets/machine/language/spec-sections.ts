/**
 * Where the specification describes each instruction: The RISC-V Instruction Set Manual, Volume I
 * (20191213) for the unprivileged instructions and Volume II (20211203) for the privileged ones.
 * The hypervisor chapter is named rather than numbered: its number differs between editions.
 */
import type { InstructionSpec } from '../../../emulator/isa/table.ts';

const MULTIPLY = new Set(['mul', 'mulh', 'mulhsu', 'mulhu']);
const H_CHAPTER = 'Volume II, Hypervisor Extension,';

/** The section that describes `spec`, as "Volume N §x.y Title". */
export function specSection(spec: InstructionSpec): string {
	const kinds = spec.operands;
	switch (spec.extension) {
		case 'I':
			if (kinds.includes('branch') || kinds.includes('jump') || spec.name === 'jalr')
				return 'Volume I §2.5 Control Transfer Instructions';
			if (kinds.includes('memI') || kinds.includes('memS'))
				return 'Volume I §2.6 Load and Store Instructions';
			if (spec.name === 'fence') return 'Volume I §2.7 Memory Ordering Instructions';
			if (kinds.length === 0) return 'Volume I §2.8 Environment Call and Breakpoints';
			return 'Volume I §2.4 Integer Computational Instructions';
		case 'Zifencei':
			return 'Volume I chapter 3, "Zifencei" Instruction-Fetch Fence';
		case 'Zicsr':
			return 'Volume I §9.1 CSR Instructions';
		case 'M':
			return MULTIPLY.has(spec.name)
				? 'Volume I §7.1 Multiplication Operations'
				: 'Volume I §7.2 Division Operations';
		case 'A':
			return spec.name === 'lr.w' || spec.name === 'sc.w'
				? 'Volume I §8.2 Load-Reserved/Store-Conditional Instructions'
				: 'Volume I §8.4 Atomic Memory Operations';
		case 'Priv':
			if (spec.name === 'wfi') return 'Volume II §3.3.3 Wait for Interrupt';
			if (spec.name === 'sfence.vma')
				return 'Volume II §4.2.1 Supervisor Memory-Management Fence Instruction';
			return 'Volume II §3.3.2 Trap-Return Instructions';
		case 'H':
			return spec.name.startsWith('hfence')
				? `${H_CHAPTER} Hypervisor Memory-Management Fence Instructions`
				: `${H_CHAPTER} Hypervisor Virtual-Machine Load and Store Instructions`;
	}
}
