/**
 * Opening a `.s` file: text files of the accepted kinds open as they are (Windows line ends made
 * \n, a byte order mark dropped); binaries, non-UTF-8 text, huge files and other extensions are
 * refused with a reason the page can word in both languages.
 */
import { describe, expect, it } from 'vitest';
import {
	MAX_SOURCE_BYTES,
	describeSourceFileError,
	exportFileName,
	readSourceFile
} from '$lib/widgets/machine/source-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readSourceFile', () => {
	it('opens UTF-8 assembly text with the accepted extensions', () => {
		for (const name of ['main.s', 'BOOT.S', 'lab1.asm'])
			expect(readSourceFile(name, utf8('\tli a0, 1 # 一\n'))).toEqual({
				ok: true,
				text: '\tli a0, 1 # 一\n'
			});
	});

	it('turns Windows line ends into \\n and drops a byte order mark', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('nop\r\nnop\r\n')]);
		expect(readSourceFile('a.s', bytes)).toEqual({ ok: true, text: 'nop\nnop\n' });
	});

	it('refuses other extensions', () => {
		for (const name of ['main.c', 'prog.elf', 'notes.s.txt', 's'])
			expect(readSourceFile(name, utf8('nop\n'))).toEqual({
				ok: false,
				error: { kind: 'extension', name }
			});
	});

	it('refuses a file with a NUL byte (an ELF, say) as binary', () => {
		const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0, 0]);
		expect(readSourceFile('a.out.s', elf)).toEqual({ ok: false, error: { kind: 'binary' } });
	});

	it('refuses text that is not UTF-8 (Latin-1 é)', () => {
		expect(readSourceFile('a.s', new Uint8Array([0x23, 0x20, 0xe9, 0x0a]))).toEqual({
			ok: false,
			error: { kind: 'notUtf8' }
		});
	});

	it(`refuses more than ${MAX_SOURCE_BYTES} bytes, and takes exactly that many`, () => {
		const at = new Uint8Array(MAX_SOURCE_BYTES).fill(0x20);
		expect(readSourceFile('big.s', at).ok).toBe(true);
		const over = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x20);
		expect(readSourceFile('big.s', over)).toEqual({
			ok: false,
			error: { kind: 'tooLarge', size: MAX_SOURCE_BYTES + 1, limit: MAX_SOURCE_BYTES }
		});
	});

	it('words every refusal in English and Chinese, with its numbers', () => {
		const refused = [
			readSourceFile('x.c', utf8('')),
			readSourceFile('x.s', new Uint8Array(MAX_SOURCE_BYTES + 1)),
			readSourceFile('x.s', new Uint8Array([0])),
			readSourceFile('x.s', new Uint8Array([0xff]))
		];
		for (const r of refused) {
			if (r.ok) throw new Error('expected a refusal');
			for (const lang of ['en', 'zh'] as const) {
				const text = describeSourceFileError(lang, r.error);
				expect(text).not.toMatch(/\{|client\./);
				expect(text.length).toBeGreaterThan(5);
			}
		}
		const big = refused[1];
		if (!big.ok) expect(describeSourceFileError('en', big.error)).toContain('204,801');
		expect(describeSourceFileError('en', { kind: 'extension', name: 'x.c' })).toContain('x.c');
	});
});

describe('exportFileName', () => {
	it('names the file after the example, or program.s', () => {
		expect(exportFileName('two-stage')).toBe('two-stage.s');
		expect(exportFileName()).toBe('program.s');
		expect(exportFileName('../etc/passwd')).toBe('etc-passwd.s');
		expect(exportFileName('')).toBe('program.s');
	});
});
