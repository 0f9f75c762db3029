import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, fromPages, toPages } from '../../../../src/lib/emulator/session/ram-pages.ts';

describe('RAM pages', () => {
	it('round-trips any RAM, and shares exactly the pages that did not change', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 4 }),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }),
				(pageCount, writes) => {
					const ram = new Uint8Array(pageCount * PAGE_SIZE);
					const first = toPages(ram);
					const changed = new Set<number>();
					for (const [at, v] of writes) {
						const i = at % ram.length;
						ram[i] = v;
						changed.add(Math.floor(i / PAGE_SIZE));
					}
					const second = toPages(ram, first);
					// Buffer.equals: a deep compare of typed arrays element by element is slow.
					expect(Buffer.from(fromPages(second)).equals(Buffer.from(ram))).toBe(true);
					second.forEach((page, i) => expect(page === first[i]).toBe(!changed.has(i)));
				}
			),
			{ numRuns: 100 }
		);
	});

	it('copies pages: later writes to RAM do not reach a stored page', () => {
		const ram = new Uint8Array(PAGE_SIZE);
		const pages = toPages(ram);
		ram[7] = 1;
		expect(pages[0][7]).toBe(0);
	});
});
