/**
 * Checks that a lesson says what the course's machine does: a cell `name = 123` must hold the
 * measured value, and a figure quoted in the prose must appear as written, in every language's
 * file. Used by the tests that run the machine for a lesson's numbers.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The `name = 123` lines of a lesson's math cells whose right side is a plain number. */
export function cellNumbers(file: string): Map<string, number> {
	const numbers = new Map<string, number>();
	const text = readFileSync(file, 'utf8');
	for (const block of text.matchAll(/```math\n([\s\S]*?)```/g))
		for (const line of block[1].split('\n')) {
			const m = /^\s*(\w+)\s*=\s*(-?[\d.]+)\s*$/.exec(line);
			if (m) numbers.set(m[1], Number(m[2]));
		}
	return numbers;
}

/** Every file states `value` in the cell named `name`. */
export function expectCell(files: string[], name: string, value: number): void {
	for (const file of files) expect(cellNumbers(file).get(name), `${file}: ${name}`).toBe(value);
}

/** Every file writes each of `texts` somewhere (a figure in the prose, say "1,003"). */
export function expectProse(files: string[], ...texts: string[]): void {
	for (const file of files) {
		const lesson = readFileSync(file, 'utf8');
		for (const text of texts) expect(lesson, `${file} should say ${text}`).toContain(text);
	}
}
