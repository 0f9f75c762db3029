/**
 * Opening a student's `.s` file in the playground, and naming the one it saves. The file is
 * checked before it replaces the editor's text: an assembly source is UTF-8 text of a sensible
 * size; anything else (an ELF, a picture, a Latin-1 file) is refused with the reason, as data the
 * page words with `describeSourceFileError` (`client.file.<kind>` in the strings).
 */
import type { Lang } from '../../i18n/index.ts';
import { say } from './say.ts';

/** The largest program the playground takes from a file, a link or the browser's storage. */
export const MAX_SOURCE_BYTES = 200 * 1024;

/** What GNU as users name their sources: `.s`, `.S` (preprocessed by gcc, read as-is here), `.asm`. */
export const SOURCE_EXTENSIONS = ['.s', '.S', '.asm'] as const;

export type SourceFileError =
	| { kind: 'extension'; name: string }
	| { kind: 'tooLarge'; size: number; limit: number }
	/** A NUL byte: no text file has one (an object file or an ELF does). */
	| { kind: 'binary' }
	| { kind: 'notUtf8' };

export type SourceFileResult = { ok: true; text: string } | { ok: false; error: SourceFileError };

export function readSourceFile(name: string, bytes: Uint8Array): SourceFileResult {
	if (!SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext)))
		return { ok: false, error: { kind: 'extension', name } };
	if (bytes.length > MAX_SOURCE_BYTES)
		return { ok: false, error: { kind: 'tooLarge', size: bytes.length, limit: MAX_SOURCE_BYTES } };
	if (bytes.includes(0)) return { ok: false, error: { kind: 'binary' } };
	let text: string;
	try {
		// fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD. A leading
		// byte order mark is dropped.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, error: { kind: 'notUtf8' } };
	}
	// Windows line ends: the editor and the assembler's positions count lines by \n alone.
	return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** The reason in a sentence, for `workbench.importFailed`'s `{error}`. */
export function describeSourceFileError(lang: Lang, error: SourceFileError): string {
	switch (error.kind) {
		case 'extension':
			return say(lang, 'client.file.extension', { name: error.name });
		case 'tooLarge':
			return say(lang, 'client.file.tooLarge', { size: error.size, limit: error.limit });
		case 'binary':
			return say(lang, 'client.file.binary');
		case 'notUtf8':
			return say(lang, 'client.file.notUtf8');
	}
}

/** The name the playground saves a program under: the example's id, or `program.s`. */
export function exportFileName(example?: string): string {
	const base = (example ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
	return `${base || 'program'}.s`;
}

/** The size of `text` in UTF-8 bytes, to hold a link's or a save's program to MAX_SOURCE_BYTES. */
export function utf8Size(text: string): number {
	return new TextEncoder().encode(text).length;
}
