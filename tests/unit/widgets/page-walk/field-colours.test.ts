import { describe, expect, it } from 'vitest';
import { sv32Fields } from '../../../../src/lib/emulator/mmu/numbered-walk.ts';
import {
	fieldColour,
	fieldOfGuestLevel
} from '../../../../src/lib/widgets/page-walk/field-colours.ts';

describe('field colours', () => {
	it('give each field of an Sv32 address its own colour', () => {
		const colours = sv32Fields(0x00800000).map((f) => fieldColour(f.name));
		expect(new Set(colours).size).toBe(3);
	});

	it('tie each guest level to the field that indexes its table, and the data to the offset', () => {
		// §4.3.2: the root (level 1) is indexed by VPN[1], the second level by VPN[0].
		expect(fieldOfGuestLevel(1)).toBe('VPN[1]');
		expect(fieldOfGuestLevel(0)).toBe('VPN[0]');
		expect(fieldOfGuestLevel(null)).toBe('offset');
	});
});
