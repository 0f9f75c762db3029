/**
 * Places in a program where a debugger can stop: an address, a label, or a source line. Each is
 * resolved to the addresses of the instructions that begin there (a source line may have several:
 * a macro used twice). Text forms, for the CLI and a command box: `0x80000010`, `main`,
 * `main.s:12`, or `12` (a line of the main file).
 */
import type { Program } from './program.ts';

export type Location =
	| { kind: 'address'; address: number }
	| { kind: 'symbol'; name: string }
	| { kind: 'line'; file: string; line: number };

export type Resolved =
	| {
			ok: true;
			addresses: number[];
			/** The line actually used (the next one with code). */ line?: number;
	  }
	| { ok: false; error: string };

/** Reads a location from text; `mainFile` is the file a bare line number belongs to. */
export function parseLocation(text: string, mainFile: string): Location | { error: string } {
	const t = text.trim();
	if (/^0x[0-9a-f]+$/i.test(t)) return { kind: 'address', address: Number.parseInt(t, 16) >>> 0 };
	if (/^\d+$/.test(t)) return { kind: 'line', file: mainFile, line: Number(t) };
	const m = /^(.+):(\d+)$/.exec(t);
	if (m) return { kind: 'line', file: m[1], line: Number(m[2]) };
	if (/^[A-Za-z_.$][\w.$]*$/.test(t)) return { kind: 'symbol', name: t };
	return { error: `'${text}' is not an address (0x…), a label, or a line (FILE:LINE)` };
}

export function resolveLocation(program: Program, where: Location): Resolved {
	switch (where.kind) {
		case 'address':
			// Without the C extension an instruction starts at a multiple of 4 (Volume I §1.5).
			if (where.address % 4 !== 0)
				return {
					ok: false,
					error: `address 0x${where.address.toString(16)} is not a multiple of 4`
				};
			return { ok: true, addresses: [where.address >>> 0] };
		case 'symbol': {
			const s = program.symbols.find((x) => x.name === where.name);
			if (!s) return { ok: false, error: `no label '${where.name}' in the program` };
			return resolveLocation(program, { kind: 'address', address: s.value });
		}
		case 'line': {
			const line = program.lines.lineWithCode(where.file, where.line);
			if (line === undefined)
				return {
					ok: false,
					error: program.lines.files.includes(where.file)
						? `no code at or after ${where.file}:${where.line}`
						: `no code from '${where.file}' (files with code: ${program.lines.files.join(', ') || 'none'})`
				};
			return { ok: true, addresses: program.lines.addressesOf(where.file, line), line };
		}
	}
}
