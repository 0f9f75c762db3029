import { describe, expect, it } from 'vitest';
import { Work } from '../../../../src/lib/emulator/asm/limits.ts';
import { readInclude, splitSource } from '../../../../src/lib/emulator/asm/source.ts';

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

describe('readInclude', () => {
	it('splits the text the hook gives, or says why there is none', () => {
		const work = new Work();
		expect(readInclude(() => 'nop', 'a.s', work)).toEqual([{ text: 'nop', file: 'a.s', line: 1 }]);
		expect(readInclude(() => undefined, 'b.s', work)).toBe("cannot include 'b.s': file not found");
		expect(readInclude(undefined, 'b.s', work)).toBe("cannot include 'b.s': file not found");
		expect(readInclude(() => ({ error: 'not a regular file' }), 'c', work)).toBe(
			"cannot include 'c': not a regular file"
		);
		const throws = () => {
			throw new Error('EACCES: permission denied');
		};
		expect(readInclude(throws, 'd', work)).toBe("cannot include 'd': EACCES: permission denied");
	});

	it('counts included text towards a limit of 4 MiB in all', () => {
		const work = new Work();
		const mib = () => 'x'.repeat(1024 * 1024);
		for (let i = 0; i < 4; i++) expect(Array.isArray(readInclude(mib, 'm', work))).toBe(true);
		expect(readInclude(mib, 'm', work)).toBe(
			"cannot include 'm': included files would exceed 4 MiB of source in total"
		);
	});
});
