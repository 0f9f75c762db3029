/** Which program the playground opens with, and how it boots: link, then saved, then an example. */
import { describe, expect, it } from 'vitest';
import { startingProgram } from '$lib/widgets/machine/playground-start.ts';
import { encodeShare } from '$lib/widgets/machine/share.ts';

const fallback = { source: '_start: nop\n', example: 'hello' };
const saved = { source: 'saved\n', breakpoints: [1], savedAt: 5 };

function link(state: Parameters<typeof encodeShare>[0]): string {
	const r = encodeShare(state);
	if (!r.ok) throw new Error(r.error);
	return r.hash;
}

describe('startingProgram', () => {
	it('opens a link with its firmware flag, before anything saved', () => {
		const hash = link({ source: 'linked\n', breakpoints: [], firmware: true });
		expect(startingProgram(hash, saved, fallback)).toEqual({
			source: 'linked\n',
			breakpoints: [],
			firmware: true,
			from: 'link'
		});
	});

	it('opens the saved program with its flag; without one it boots bare', () => {
		expect(startingProgram('', { ...saved, firmware: true }, fallback)).toMatchObject({
			source: 'saved\n',
			firmware: true,
			from: 'saved'
		});
		expect(startingProgram('', saved, fallback)).not.toHaveProperty('firmware');
	});

	it('falls back to the first example, bare, and says why a link could not be read', () => {
		const r = startingProgram('#v1=garbage!!', null, fallback);
		expect(r).toMatchObject({ from: 'example', example: 'hello', linkError: 'damaged' });
		expect(r).not.toHaveProperty('firmware');
	});
});
