/**
 * Reading and writing the files a user names on the command line, with one-line reasons instead of
 * stack traces, and the one form of an assembler diagnostic, `file:line:col: severity: message`. A named file must be a regular file of sensible size: `/dev/zero` or a FIFO would
 * otherwise be read forever, and a directory fails with EISDIR deep inside Node.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_INCLUDE_TEXT } from '../lib/emulator/asm/limits.ts';
import type { Diagnostic } from '../lib/emulator/asm/types.ts';

/** A file's bytes, or why it could not be read: `error` names the file, `why` does not. */
export type FileRead = { ok: true; bytes: Uint8Array } | { ok: false; error: string; why: string };

/** Largest source or executable a command reads: far above any program this machine runs. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why a system call failed, in words (Node's error codes, e.g. ENOENT, EACCES). */
function reason(e: unknown): string {
	const code = (e as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return 'no such file or folder';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'it is a folder';
		case 'ENOTDIR':
			return 'a part of the path is not a folder';
		case 'ENOSPC':
			return 'no space left on the device';
		default:
			return code ?? (e as Error).message;
	}
}

/** Reads a regular file of at most `maxBytes` bytes. */
export function readUserFile(path: string, maxBytes = MAX_FILE_BYTES): FileRead {
	const fail = (why: string): FileRead => ({
		ok: false,
		error: `cannot read '${path}': ${why}`,
		why
	});
	try {
		const info = statSync(path);
		if (info.isDirectory()) return fail('it is a folder');
		if (!info.isFile()) return fail('not a regular file (a device or a pipe?)');
		if (info.size > maxBytes)
			return fail(`${info.size} bytes is more than the ${maxBytes} this command reads`);
		return { ok: true, bytes: readFileSync(path) };
	} catch (e) {
		return fail(reason(e));
	}
}

/** Writes a file; returns a one-line reason when it cannot. */
export function writeUserFile(path: string, bytes: Uint8Array | string): string | undefined {
	try {
		writeFileSync(path, bytes);
		return undefined;
	} catch (e) {
		// Writing a file, ENOENT can only mean that its folder is missing.
		if ((e as NodeJS.ErrnoException).code === 'ENOENT')
			return `cannot write '${path}': there is no folder '${dirname(path)}'`;
		return `cannot write '${path}': ${reason(e)}`;
	}
}

/**
 * The assembler's `.include` hook for a source file in folder `dir`: names are relative to that
 * folder (an absolute name stays as it is); a missing file is undefined, so the assembler reports
 * it at the directive; a folder, a device or a file over the assembler's include limit is an error
 * found before reading.
 */
export function includeFrom(dir: string): (name: string) => string | undefined | { error: string } {
	return (name) => {
		const path = resolve(dir, name);
		if (!existsSync(path)) return undefined;
		const read = readUserFile(path, MAX_INCLUDE_TEXT);
		return read.ok ? new TextDecoder().decode(read.bytes) : { error: read.why };
	};
}

/** An assembler diagnostic as compilers and editors print it: `file:line:col: error: message`. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
	return `${d.file ?? file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
