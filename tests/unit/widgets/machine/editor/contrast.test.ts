import { describe, expect, it } from 'vitest';
import {
	contrastRatio,
	relativeLuminance
} from '../../../../../src/lib/widgets/machine/editor/contrast.ts';

describe('contrastRatio (WCAG 2.2)', () => {
	it('is 21 for black on white and 1 for a colour on itself, in either order', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
		expect(contrastRatio('#0b5cad', '#0b5cad')).toBe(1);
	});

	it('puts #767676 on white just above AA and #777777 just below', () => {
		// The well-known lightest grey that passes 4.5:1 on white.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
	});

	it('weighs green most, as the eye does', () => {
		expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 4);
		expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4);
	});

	it('refuses what is not #rrggbb', () => {
		expect(() => relativeLuminance('red')).toThrow(/rrggbb/);
	});
});
