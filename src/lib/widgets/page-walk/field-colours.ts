/**
 * One colour per address field (VPN[1], VPN[0], offset), the same wherever the visualizer shows a
 * field: the split address, the grid's rows (the guest level a field indexes, the data row for the
 * offset) and the detail of a reference. Always beside the field's name, never instead of it.
 */
import type { AddressField } from '../../emulator/mmu/numbered-walk.ts';

const COLOURS: Record<AddressField['name'], string> = {
	'VPN[1]': 'var(--series-1)',
	'VPN[0]': 'var(--series-2)',
	offset: 'var(--series-3)'
};

export function fieldColour(name: AddressField['name']): string {
	return COLOURS[name];
}

/** The field of the virtual address that indexes a guest level's table (null: the data row, the offset). */
export function fieldOfGuestLevel(level: number | null): AddressField['name'] {
	return level === null ? 'offset' : level === 1 ? 'VPN[1]' : 'VPN[0]';
}
