/**
 * Source lines and addresses, both ways, over the assembler's source map (asm/types.ts
 * `SourceMapEntry`): from a pc to the line that produced it, for the highlighted line of a code
 * view, and from a line to the addresses where its code begins, for a breakpoint or "run to
 * cursor" set on a line. Only code counts: a `.word` in `.data` has a line but no instruction to
 * stop at.
 */
import type { SourceMapEntry } from '../asm/index.ts';
import { sourceLocator, type SourcePlace } from '../asm/source-lookup.ts';

export type { SourcePlace };

export class SourceLines {
	private readonly locate: (address: number) => SourcePlace | undefined;
	/** Per file, per line: where each stretch of that line's code starts, in address order. */
	private readonly starts = new Map<string, Map<number, number[]>>();

	constructor(codeMap: readonly SourceMapEntry[]) {
		this.locate = sourceLocator(codeMap);
		const sorted = [...codeMap].sort((a, b) => a.address - b.address);
		let previous: SourceMapEntry | undefined;
		for (const e of sorted) {
			// A line whose code continues the previous entry of the same line (a pseudo-instruction
			// expanded to two, say) starts nothing new: stopping in its middle would surprise.
			const continues =
				previous !== undefined &&
				previous.file === e.file &&
				previous.line === e.line &&
				previous.address + previous.size === e.address;
			if (!continues) {
				let lines = this.starts.get(e.file);
				if (!lines) this.starts.set(e.file, (lines = new Map()));
				const list = lines.get(e.line) ?? [];
				list.push(e.address >>> 0);
				lines.set(e.line, list);
			}
			previous = e;
		}
	}

	/** The line that produced the code at `pc`, or undefined (code the source map does not cover). */
	placeOf(pc: number): SourcePlace | undefined {
		return this.locate(pc);
	}

	/** Where the code of `file:line` starts: one address per stretch (a macro used twice has two). */
	addressesOf(file: string, line: number): number[] {
		return [...(this.starts.get(file)?.get(line) ?? [])];
	}

	/**
	 * The first line at or after `line` in `file` that has code, as an editor moves a breakpoint set
	 * on a comment or a blank line; undefined when no code follows.
	 */
	lineWithCode(file: string, line: number): number | undefined {
		const lines = this.starts.get(file);
		if (!lines) return undefined;
		let best: number | undefined;
		for (const l of lines.keys()) if (l >= line && (best === undefined || l < best)) best = l;
		return best;
	}

	/** Per file, the lines that have code, ascending: where an editor may offer a breakpoint. */
	codeLines(): Record<string, number[]> {
		const out: Record<string, number[]> = {};
		for (const [file, lines] of this.starts) out[file] = [...lines.keys()].sort((a, b) => a - b);
		return out;
	}

	/** The files the map mentions (the main source and what it included). */
	get files(): string[] {
		return [...this.starts.keys()];
	}
}
