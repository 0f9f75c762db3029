import { describe, expect, it } from 'vitest';
import {
	EXIT_STEPPER_EN,
	english,
	hex,
	text
} from '../../../../src/lib/widgets/exit-stepper/messages.ts';

describe('messages', () => {
	it('renders a key with its parameters and plurals in English', () => {
		expect(english(text('exitStep.readState', { name: 'htval', value: '0x20000000' }))).toBe(
			'Read htval = 0x20000000'
		);
		expect(
			english(text('exitStep.dropEntries', { count: 1, table: 'shadow', why: 'SFENCE.VMA' }))
		).toBe('Drop 1 entry of the shadow table (SFENCE.VMA)');
		expect(
			english(text('exitStep.dropEntries', { count: 1024, table: 'shadow', why: 'satp' }))
		).toBe('Drop 1,024 entries of the shadow table (satp)');
	});

	it('leaves a missing parameter visible', () => {
		expect(english(text('exitStep.inject'))).toBe('Inject {what} into the guest');
	});

	it('keys are namespaced as the dictionaries expect', () => {
		for (const key of Object.keys(EXIT_STEPPER_EN)) expect(key).toMatch(/^exitStep(per)?\./);
	});

	it('writes values as 32-bit hex, wider ones in full', () => {
		expect(hex(0)).toBe('0x00000000');
		expect(hex(0x8000_0000)).toBe('0x80000000');
		expect(hex(-1)).toBe('0xffffffff');
		expect(hex(2 ** 40)).toBe('0x10000000000');
		// mtimecmp before the first timer is set: never.
		expect(hex(Infinity)).toBe('∞');
	});
});
