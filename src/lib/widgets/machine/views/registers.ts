/**
 * The register view's rows: x0–x31 with their ABI names (Volume I, calling convention table),
 * each value in the chosen format, and whether the last command changed it.
 */
import { abiNames } from '../../../emulator/isa/registers.ts';
import { formatValue } from './format.ts';
import type { NumberFormat } from './types.ts';

export interface RegisterRow {
	index: number;
	/** The architectural name, "x5". */
	name: string;
	/** The ABI name, "t0". */
	abi: string;
	value: number;
	text: string;
	changed: boolean;
}

/** One row per register, x0 first; `changed` holds the indices the last command changed. */
export function registerRows(
	registers: readonly number[],
	changed: readonly number[] = [],
	format: NumberFormat = 'hex'
): RegisterRow[] {
	const moved = new Set(changed);
	return registers.map((value, index) => ({
		index,
		name: `x${index}`,
		abi: abiNames[index] ?? '',
		value,
		text: formatValue(value, format),
		changed: moved.has(index)
	}));
}
