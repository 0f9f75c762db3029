import { describe, expect, it } from 'vitest';
import { markScrollable, overflows } from '../../../src/lib/chart/scrollRegion.ts';

/** Just enough of an element for markScrollable: sizes and attributes. */
function fakeElement(scrollWidth: number, clientWidth: number) {
	const attributes = new Map<string, string>();
	return {
		scrollWidth,
		clientWidth,
		set tabIndex(value: number) {
			attributes.set('tabindex', String(value));
		},
		setAttribute: (name: string, value: string) => attributes.set(name, value),
		getAttribute: (name: string) => attributes.get(name) ?? null,
		removeAttribute: (name: string) => attributes.delete(name),
		attributes
	};
}

describe('scroll regions', () => {
	it('count as overflowing only when the content is wider by more than a pixel', () => {
		expect(overflows({ scrollWidth: 500, clientWidth: 300 })).toBe(true);
		expect(overflows({ scrollWidth: 301, clientWidth: 300 })).toBe(false);
	});

	it('label and make focusable what overflows, and undo it once it fits', () => {
		const element = fakeElement(500, 300);
		markScrollable(element as unknown as HTMLElement, 'Table');
		expect(Object.fromEntries(element.attributes)).toEqual({
			role: 'region',
			'aria-label': 'Table',
			tabindex: '0'
		});
		element.scrollWidth = 300;
		markScrollable(element as unknown as HTMLElement, 'Table');
		expect(element.attributes.size).toBe(0);
	});
});
