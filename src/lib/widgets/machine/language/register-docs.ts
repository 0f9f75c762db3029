/**
 * What each integer register is for under the calling convention (Volume I chapter 25, Table
 * 25.1 "Assembler mnemonics for RISC-V integer and floating-point registers"), and who preserves
 * it across a call. The names come from the ISA module (isa/registers.ts); `fp` is s0's other name.
 */
import { abiNames } from '../../../emulator/isa/registers.ts';

export interface RegisterDoc {
	readonly number: number;
	/** x0..x31. */
	readonly name: string;
	/** The ABI name (zero, ra, sp, …). */
	readonly abi: string;
	readonly role: string;
	/** Who keeps its value across a call: the function called, the caller, or nobody. */
	readonly saver: 'callee' | 'caller' | '—';
}

function roleOf(abi: string): [string, RegisterDoc['saver']] {
	if (abi === 'zero') return ['hard-wired zero: reads 0, writes are ignored', '—'];
	if (abi === 'ra') return ['return address', 'caller'];
	if (abi === 'sp') return ['stack pointer', 'callee'];
	if (abi === 'gp') return ['global pointer', '—'];
	if (abi === 'tp') return ['thread pointer', '—'];
	if (abi === 's0') return ['saved register, frame pointer (also named fp)', 'callee'];
	if (abi.startsWith('s')) return ['saved register', 'callee'];
	if (abi === 'a0' || abi === 'a1') return ['function argument, return value', 'caller'];
	if (abi.startsWith('a')) return ['function argument', 'caller'];
	return ['temporary', 'caller'];
}

export const REGISTER_DOCS: readonly RegisterDoc[] = abiNames.map((abi, number) => {
	const [role, saver] = roleOf(abi);
	return { number, name: `x${number}`, abi, role, saver };
});

/** Every register name the assembler accepts (x0–x31, the ABI names and fp), to its doc. */
export const registerDoc: ReadonlyMap<string, RegisterDoc> = new Map([
	...REGISTER_DOCS.map((d) => [d.name, d] as const),
	...REGISTER_DOCS.map((d) => [d.abi, d] as const),
	['fp', REGISTER_DOCS[8]]
]);
