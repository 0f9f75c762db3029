import { describe, expect, it } from 'vitest';
import {
	BREAKPOINT_CLASS,
	breakpointDecorations,
	breakpointLineFor,
	linesFromRanges,
	sameLines,
	toggleBreakpoint,
	type LineRange
} from '../../../../../src/lib/widgets/machine/editor/breakpoints.ts';

const range = (line: number): LineRange => ({
	startLineNumber: line,
	startColumn: 1,
	endLineNumber: line,
	endColumn: 1
});

describe('breakpointDecorations', () => {
	it('puts one red-dot whole-line decoration on each line, in order, each line once', () => {
		const decorations = breakpointDecorations([12, 3, 12], 'Breakpoint');
		expect(decorations.map((d) => d.range)).toEqual([range(3), range(12)]);
		for (const d of decorations) {
			expect(d.options.isWholeLine).toBe(true);
			expect(d.options.glyphMarginClassName).toBe(BREAKPOINT_CLASS);
			expect(d.options.glyphMarginHoverMessage.value).toBe('Breakpoint');
		}
	});
});

describe('linesFromRanges', () => {
	it('reads the lines back from where Monaco moved the decorations', () => {
		// Two lines inserted above: the dots of lines 3 and 12 are now on 5 and 14.
		expect(linesFromRanges([range(14), range(5)])).toEqual([5, 14]);
	});

	it('counts once two breakpoints an edit joined on one line, and skips removed ones', () => {
		expect(linesFromRanges([range(7), range(7), null, range(2)])).toEqual([2, 7]);
	});
});

describe('breakpointLineFor', () => {
	const code = [4, 5, 9];

	it('keeps a line with code and moves any other to the next line with code', () => {
		expect(breakpointLineFor(5, code)).toBe(5);
		expect(breakpointLineFor(1, code)).toBe(4);
		expect(breakpointLineFor(6, code)).toBe(9);
	});

	it('has nowhere to go after the last line with code, and allows any line before an assembly', () => {
		expect(breakpointLineFor(10, code)).toBeUndefined();
		expect(breakpointLineFor(10, undefined)).toBe(10);
	});
});

describe('toggleBreakpoint', () => {
	const code = [4, 5, 9];

	it('adds a breakpoint, and a second toggle on the same line removes it', () => {
		const once = toggleBreakpoint([9], 4, code);
		expect(once).toEqual([4, 9]);
		expect(toggleBreakpoint(once, 4, code)).toEqual([9]);
	});

	it('sets a breakpoint on a comment line at the next line with code', () => {
		expect(toggleBreakpoint([], 6, code)).toEqual([9]);
		expect(toggleBreakpoint([9], 6, code)).toEqual([]);
	});

	it('ignores a toggle past the last line with code', () => {
		expect(toggleBreakpoint([4], 12, code)).toEqual([4]);
	});

	it('removes a breakpoint that an edit left on a line without code', () => {
		expect(toggleBreakpoint([6], 6, code)).toEqual([]);
	});
});

describe('sameLines', () => {
	it('compares the lines, not their order or repeats', () => {
		expect(sameLines([3, 1], [1, 3, 3])).toBe(true);
		expect(sameLines([1, 3], [1, 4])).toBe(false);
		expect(sameLines([], [1])).toBe(false);
	});
});
