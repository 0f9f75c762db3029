import { describe, expect, it } from 'vitest';
import { splitSource } from '../../../../src/lib/emulator/asm/source.ts';

describe('splitSource', () => {
	it('numbers lines from 1 and keeps the file name', () => {
		expect(splitSource('a\nb', 'f.s')).toEqual([
			{ text: 'a', file: 'f.s', line: 1 },
			{ text: 'b', file: 'f.s', line: 2 }
		]);
	});

	it('blanks C comments across lines so that lines and columns stay true', () => {
		const lines = splitSource('nop /* one\ntwo */ ecall', 'f.s').map((l) => l.text);
		expect(lines).toEqual(['nop       ', '       ecall']);
	});

	it('leaves comment markers inside strings and after # alone', () => {
		const text = '.ascii "/* not */" # /* not either';
		expect(splitSource(text, 'f.s')[0].text).toBe(text);
	});
});
