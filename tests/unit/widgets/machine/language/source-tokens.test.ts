import { describe, expect, it } from 'vitest';
import {
	sourceLines,
	tokenAt
} from '../../../../../src/lib/widgets/machine/language/source-tokens.ts';

describe('sourceLines', () => {
	it('blanks C comments across lines and keeps every column', () => {
		const lines = sourceLines('nop /* a\nb */ ret\n"/* kept */"');
		expect(lines).toEqual(['nop     ', '     ret', '"/* kept */"']);
	});
});

describe('tokenAt', () => {
	const lines = sourceLines('loop: addi a0, a0, 1 # addi\n  lw t0, 4(sp)');

	it('finds the token covering a column, and the one ending right before it', () => {
		expect(tokenAt(lines, 1, 8)?.token.text).toBe('addi');
		expect(tokenAt(lines, 1, 6)?.token.text).toBe(':');
		expect(tokenAt(lines, 1, 11)?.token.text).toBe('addi');
		expect(tokenAt(lines, 2, 11)?.token.text).toBe('(');
		const at = tokenAt(lines, 2, 12)!;
		expect([at.token.text, at.index, at.statement[0].text]).toEqual(['sp', 5, 'lw']);
	});

	it('finds nothing in a comment, in blank space or outside the source', () => {
		expect(tokenAt(lines, 1, 26)).toBeUndefined();
		expect(tokenAt(lines, 2, 1)).toBeUndefined();
		expect(tokenAt(lines, 3, 1)).toBeUndefined();
	});
});
