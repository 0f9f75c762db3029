/**
 * Where an exit happened in the guest kernel's sources: a guest pc to the file and line the
 * assembler's source map gives (buildGuest's `sourceMap`, `files`), and the lines around it for a
 * read-only code view with the line highlighted.
 *
 * The lookup is the assembler's (asm/source-lookup.ts), shared with `virtlab vm --trace exits`.
 * A pc outside the kernel image (a user process's copied code) has no source line.
 */
import { sourceLocator, type SourcePlace } from '../../emulator/asm/source-lookup.ts';

export { sourceLocator, type SourcePlace };

/** "kernel/trap.s:42", as the CLI's exit trace writes it. */
export function placeLabel(place: SourcePlace): string {
	return `${place.file}:${place.line}`;
}

export interface CodeLine {
	/** 1-based. */
	number: number;
	text: string;
	current: boolean;
}

/**
 * The lines of `file` around `line` (`context` either side, clamped to the file), for the code
 * view; empty if the file is not among the build's sources.
 */
export function codeExcerpt(
	files: Readonly<Record<string, string>>,
	place: SourcePlace,
	context = 6
): CodeLine[] {
	const source = files[place.file];
	if (source === undefined) return [];
	const lines = source.split('\n');
	if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	const from = Math.max(1, place.line - context);
	const to = Math.min(lines.length, place.line + context);
	const out: CodeLine[] = [];
	for (let n = from; n <= to; n++)
		out.push({ number: n, text: lines[n - 1], current: n === place.line });
	return out;
}
