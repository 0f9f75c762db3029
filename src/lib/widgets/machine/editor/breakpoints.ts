/**
 * Breakpoints in the editor's gutter, as plain data. The component keeps one Monaco decoration per
 * breakpoint: Monaco moves a decoration with its line as the student types (lines inserted above
 * push it down), so after each edit the lines are read back from the decorations' ranges rather
 * than kept in a separate list that would go stale.
 */

/** `monaco.IRange`, the part a breakpoint needs: the line it starts on. */
export interface LineRange {
	startLineNumber: number;
	startColumn: number;
	endLineNumber: number;
	endColumn: number;
}

/** The look of a breakpoint: a red dot in the glyph margin (styled in Editor.svelte). */
export const BREAKPOINT_CLASS = 'virtlab-breakpoint';

/** `monaco.editor.IModelDeltaDecoration` for one breakpoint, the enum by its number. */
export interface BreakpointDecoration {
	range: LineRange;
	options: {
		isWholeLine: true;
		glyphMarginClassName: string;
		glyphMarginHoverMessage: { value: string };
		/** `TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges` (1): typing at the line's ends keeps it one line. */
		stickiness: 1;
	};
}

/** One whole-line decoration for each breakpoint line. */
export function breakpointDecorations(
	lines: readonly number[],
	hoverMessage: string
): BreakpointDecoration[] {
	return sortedLines(lines).map((line) => ({
		range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
		options: {
			isWholeLine: true,
			glyphMarginClassName: BREAKPOINT_CLASS,
			glyphMarginHoverMessage: { value: hoverMessage },
			stickiness: 1
		}
	}));
}

/**
 * The breakpoint lines after an edit, from the decorations' ranges (null for one Monaco removed).
 * Deleting the lines between two breakpoints leaves both decorations on one line: it counts once.
 */
export function linesFromRanges(ranges: readonly (LineRange | null)[]): number[] {
	return sortedLines(ranges.filter((r) => r !== null).map((r) => r.startLineNumber));
}

/** Ascending, each line once. */
export function sortedLines(lines: readonly number[]): number[] {
	return [...new Set(lines)].sort((a, b) => a - b);
}

/** Whether two line lists hold the same lines (so an unchanged list is not written back). */
export function sameLines(a: readonly number[], b: readonly number[]): boolean {
	const x = sortedLines(a);
	const y = sortedLines(b);
	return x.length === y.length && x.every((line, i) => line === y[i]);
}

/**
 * The line a breakpoint set on `line` lands on: the line itself when it has code, else the next
 * line that has code — as the debugger resolves `FILE:LINE` (emulator/session/locations.ts), so the
 * dot shows where the program will really stop. Past the last code line there is nowhere to stop:
 * undefined, and the click is ignored. Without `codeLines` (no assembly yet) every line may take one.
 */
export function breakpointLineFor(
	line: number,
	codeLines: readonly number[] | undefined
): number | undefined {
	if (codeLines === undefined) return line;
	return sortedLines(codeLines).find((code) => code >= line);
}

/**
 * The breakpoints after a toggle on `line` (a gutter click or F9): a breakpoint on the line it
 * resolves to is removed, otherwise one is added there.
 */
export function toggleBreakpoint(
	lines: readonly number[],
	line: number,
	codeLines?: readonly number[]
): number[] {
	if (lines.includes(line)) return sortedLines(lines.filter((l) => l !== line));
	const target = breakpointLineFor(line, codeLines);
	if (target === undefined) return sortedLines(lines);
	if (lines.includes(target)) return sortedLines(lines.filter((l) => l !== target));
	return sortedLines([...lines, target]);
}
