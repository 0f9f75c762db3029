/**
 * Links to a program: what is encoded comes back as it was (any text, any breakpoints), the link
 * is URL-safe, and a damaged, foreign, newer or oversized link is refused with a reason, never
 * opened half-read.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import {
	SHARE_PREFIX,
	decodeShare,
	describeShareError,
	encodeShare,
	type ShareState
} from '$lib/widgets/machine/share.ts';
import { MAX_SOURCE_BYTES } from '$lib/widgets/machine/source-file.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';

function hashOf(state: ShareState): string {
	const r = encodeShare(state);
	if (!r.ok) throw new Error(r.error);
	return r.hash;
}

describe('share links', () => {
	it('round-trips an example with its breakpoints, in a URL-safe fragment', () => {
		const state = { source: EXAMPLE_SOURCES['paging.s'], breakpoints: [12, 40], example: 'paging' };
		const hash = hashOf(state);
		expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
		expect(hash.slice(1)).toMatch(/^[A-Za-z0-9+\-$=]+$/);
		expect(hash.length).toBeLessThan(state.source.length); // compressed
		expect(decodeShare(hash)).toEqual({ ok: true, state });
		expect(decodeShare(hash.slice(1))).toEqual({ ok: true, state }); // without the #
	});

	it('carries the firmware flag; links without it (older ones too) open as bare metal', () => {
		const state = { source: '_start:\n\tecall\n', breakpoints: [2], firmware: true };
		expect(decodeShare(hashOf(state))).toEqual({ ok: true, state });
		const bare = { source: state.source, breakpoints: [2] };
		// false is not written: the link is the one made before the field existed
		expect(hashOf({ ...bare, firmware: false })).toBe(hashOf(bare));
		const old = SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(bare));
		expect(decodeShare(old)).toEqual({ ok: true, state: bare });
		const wrong =
			SHARE_PREFIX +
			LZString.compressToEncodedURIComponent(JSON.stringify({ ...bare, firmware: 1 }));
		expect(decodeShare(wrong)).toEqual({ ok: false, error: 'damaged' });
	});

	it('round-trips any text and any set of lines (sorted, without repeats)', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 300 }),
				fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 20 }),
				(source, lines) => {
					const decoded = decodeShare(hashOf({ source, breakpoints: lines }));
					expect(decoded).toEqual({
						ok: true,
						state: { source, breakpoints: [...new Set(lines)].sort((a, b) => a - b) }
					});
				}
			)
		);
	});

	it('says there is nothing to open for an empty or unrelated fragment', () => {
		for (const hash of ['', '#', '#section-2', '#v1'])
			expect(decodeShare(hash)).toEqual({ ok: false, error: 'absent' });
	});

	it('refuses a link of a newer format', () => {
		expect(decodeShare('#v2=abc')).toEqual({ ok: false, error: 'unknownVersion' });
	});

	it('refuses a cut, altered or forged link as damaged', () => {
		const hash = hashOf({ source: EXAMPLE_SOURCES['hello.s'], breakpoints: [3] });
		const forged = (value: unknown) =>
			SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(value));
		for (const bad of [
			hash.slice(0, hash.length / 2),
			SHARE_PREFIX,
			SHARE_PREFIX + '%%%',
			forged('just a string'),
			forged({ source: 'nop', breakpoints: [0] }),
			forged({ source: 'nop', breakpoints: ['3'] }),
			forged({ source: 42, breakpoints: [] }),
			forged({ source: 'nop', breakpoints: [], example: '<script>' }),
			SHARE_PREFIX + LZString.compressToEncodedURIComponent('{"source":')
		])
			expect(decodeShare(bad), bad.slice(0, 40)).toEqual({ ok: false, error: 'damaged' });
	});

	it(`refuses a program over ${MAX_SOURCE_BYTES} bytes, both ways`, () => {
		const huge = 'x'.repeat(MAX_SOURCE_BYTES + 1);
		expect(encodeShare({ source: huge, breakpoints: [] })).toEqual({
			ok: false,
			error: 'tooLarge'
		});
		const forged =
			SHARE_PREFIX +
			LZString.compressToEncodedURIComponent(JSON.stringify({ source: huge, breakpoints: [] }));
		expect(decodeShare(forged)).toEqual({ ok: false, error: 'tooLarge' });
		expect(decodeShare(SHARE_PREFIX + 'A'.repeat(8 * MAX_SOURCE_BYTES))).toEqual({
			ok: false,
			error: 'tooLarge'
		});
	});

	it('words each refusal in both languages', () => {
		for (const error of ['unknownVersion', 'damaged', 'tooLarge'] as const)
			for (const lang of ['en', 'zh'] as const)
				expect(describeShareError(lang, error)).not.toMatch(/\{|client\./);
		expect(describeShareError('en', 'tooLarge')).toContain('204,800');
	});
});
