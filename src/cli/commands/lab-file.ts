/**
 * Reading a lab file for `virtlab grade` and `virtlab lab`: the file's text parsed by the content
 * pipeline (src/lib/content/lab.ts), its mistakes printed as file:line:col, one per line.
 */
import { formatContentError } from '../../lib/content/errors.ts';
import { parseLab } from '../../lib/content/lab.ts';
import type { Lab } from '../../lib/labs/types.ts';
import { readUserFile } from '../files.ts';

/** The parsed lab, or the lines to print (exit code 1: the lab file is wrong). */
export function readLab(path: string): { lab: Lab } | { errors: string[] } {
	const read = readUserFile(path, 4 * 1024 * 1024);
	if (!read.ok) return { errors: [read.error] };
	const parsed = parseLab({ path, text: new TextDecoder().decode(read.bytes) });
	if (!parsed.lab) return { errors: parsed.errors.map(formatContentError) };
	return { lab: parsed.lab };
}
