/**
 * Integer register names: `x0`–`x31` and the ABI names of the RISC-V psABI (Volume I §25 "Calling
 * Convention", Table 25.1), plus `fp`, the frame-pointer alias of `s0`.
 */
import { abiNames } from '../isa/registers.ts';

export { abiNames };

const byName = new Map<string, number>();
abiNames.forEach((name, i) => {
	byName.set(name, i);
	byName.set(`x${i}`, i);
});
byName.set('fp', 8);

/** The register number a name denotes, or undefined when it is not a register name. */
export function registerNumber(name: string): number | undefined {
	return byName.get(name);
}
