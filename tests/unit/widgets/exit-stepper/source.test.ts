/**
 * From a guest pc to the kernel source: the oracle is the CLI's `guestSourceLines`, which the exit
 * trace of `virtlab vm` prints with.
 */
import { describe, expect, it } from 'vitest';
import { guestSourceLines } from '../../../../src/cli/vm/guests.ts';
import { buildGuest } from '../../../../src/lib/emulator/guests/build.ts';
import {
	codeExcerpt,
	placeLabel,
	sourceLocator
} from '../../../../src/lib/widgets/exit-stepper/source.ts';
import { realRun } from './fixtures.ts';

describe('sourceLocator', () => {
	for (const mode of ['trap', 'pv'] as const)
		it(`places every exit as the CLI does (${mode})`, () => {
			const pv = mode === 'pv';
			const built = buildGuest('syscall', { pv });
			const locate = sourceLocator(built.sourceMap);
			const cli = guestSourceLines('syscall', pv);
			let placed = 0;
			for (const r of realRun('syscall', mode).exits.records) {
				const p = locate(r.guestPc);
				expect(p && placeLabel(p)).toBe(cli(r.guestPc));
				if (p) placed++;
			}
			expect(placed).toBeGreaterThan(0);
		});

	it('finds the line of the instruction at an address, and nothing outside the image', () => {
		const locate = sourceLocator([
			{ address: 0x100, size: 4, file: 'a.s', line: 3 },
			{ address: 0x104, size: 8, file: 'a.s', line: 4 },
			{ address: 0x80, size: 4, file: 'b.s', line: 1 }
		]);
		expect(locate(0x100)).toEqual({ file: 'a.s', line: 3 });
		expect(locate(0x10b)).toEqual({ file: 'a.s', line: 4 });
		expect(locate(0x80)).toEqual({ file: 'b.s', line: 1 });
		expect(locate(0x10c)).toBeUndefined();
		expect(locate(0x84)).toBeUndefined();
	});
});

describe('codeExcerpt', () => {
	const files = { 'k.s': 'one\ntwo\nthree\nfour\nfive\n' };

	it('gives the lines around a place, numbered, with the place marked', () => {
		expect(codeExcerpt(files, { file: 'k.s', line: 2 }, 1)).toEqual([
			{ number: 1, text: 'one', current: false },
			{ number: 2, text: 'two', current: true },
			{ number: 3, text: 'three', current: false }
		]);
		expect(codeExcerpt(files, { file: 'k.s', line: 5 }, 3).map((l) => l.number)).toEqual([
			2, 3, 4, 5
		]);
		expect(codeExcerpt(files, { file: 'nope.s', line: 1 })).toEqual([]);
	});

	it('shows the real instruction of an exit', () => {
		const built = buildGuest('syscall', {});
		const r = realRun('syscall', 'trap').exits.records.find((x) => x.reason === 'sret')!;
		const place = sourceLocator(built.sourceMap)(r.guestPc)!;
		// The assembler maps a macro's expansion to the line that invokes it: trap_leave (priv.s's
		// macro ends in sret).
		expect(place.file).toBe('kernel/trap.s');
		const line = codeExcerpt(built.files, place).find((l) => l.current)!;
		expect(line.text.trim()).toMatch(/^trap_leave\b/);
	});
});
