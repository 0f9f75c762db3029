/**
 * The memory view's go-to box: what the user typed, as an address. It accepts hex with 0x
 * (underscores allowed, as in the assembler: 0x8000_0000), decimal, a register by either name
 * (x2, sp, fp) when the registers are known, or a label of the program, each optionally followed
 * by + or − and a number: `sp+16`, `buffer + 0x40`.
 */
import { abiNames } from '../../../emulator/isa/registers.ts';
import type { AddressSpace } from './types.ts';

export type AddressParse =
	| { ok: true; address: number }
	/** empty: nothing typed; invalid: not a number or a name; unknown: a name that is neither a register nor a label; range: outside the address space. */
	| { ok: false; reason: 'empty' | 'invalid' | 'unknown' | 'range'; name?: string };

export interface AddressNames {
	/** x0–x31, so that `sp` means the stack pointer's value. */
	registers?: readonly number[];
	/** The program's labels and their values. */
	symbols?: readonly { name: string; value: number }[];
}

/** Virtual addresses are 32 bits (Sv32); physical ones up to 34 (§4.3.1). */
export const LIMITS: Record<AddressSpace, number> = {
	virtual: 2 ** 32 - 1,
	physical: 2 ** 34 - 1
};

const NUMBER = /^(?:0x[0-9a-f][0-9a-f_]*|[0-9][0-9_]*)$/i;
const NAME = /^[A-Za-z_.$][\w.$]*$/;
/** A base, then optionally a sign and an offset. */
const EXPRESSION = /^(.+?)(?:\s*([+-])\s*([^+-]+))?$/;

/** A number literal's value, or undefined. */
function numberValue(text: string): number | undefined {
	if (!NUMBER.test(text) || text.endsWith('_')) return undefined;
	const digits = text.replace(/_/g, '');
	return digits.toLowerCase().startsWith('0x') ? parseInt(digits.slice(2), 16) : Number(digits);
}

/** A register's index by its architectural or ABI name (fp is s0, x8). */
function registerIndex(name: string): number | undefined {
	const x = /^x(\d{1,2})$/.exec(name);
	if (x && Number(x[1]) < 32) return Number(x[1]);
	if (name === 'fp') return 8;
	const i = abiNames.indexOf(name);
	return i >= 0 ? i : undefined;
}

function baseValue(
	text: string,
	names: AddressNames
): number | { reason: 'invalid' | 'unknown'; name?: string } {
	const n = numberValue(text);
	if (n !== undefined) return n;
	if (!NAME.test(text)) return { reason: 'invalid' };
	const symbol = names.symbols?.find((s) => s.name === text);
	if (symbol) return symbol.value >>> 0;
	const reg = registerIndex(text);
	if (reg !== undefined && names.registers?.[reg] !== undefined) return names.registers[reg] >>> 0;
	return { reason: 'unknown', name: text };
}

export function parseAddress(
	text: string,
	space: AddressSpace,
	names: AddressNames = {}
): AddressParse {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, reason: 'empty' };
	const m = EXPRESSION.exec(trimmed)!;
	const base = baseValue(m[1].trim(), names);
	if (typeof base !== 'number') return { ok: false, ...base };
	let address = base;
	if (m[2]) {
		const offset = numberValue(m[3].trim());
		if (offset === undefined) return { ok: false, reason: 'invalid' };
		address = m[2] === '+' ? base + offset : base - offset;
	}
	if (!Number.isSafeInteger(address) || address < 0 || address > LIMITS[space])
		return { ok: false, reason: 'range' };
	return { ok: true, address };
}
