import { describe, expect, it } from 'vitest';
import { shortcutOf } from '../../../../src/lib/widgets/machine/shortcuts.ts';

const press = (
	key: string,
	mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}
) => ({
	key,
	shiftKey: false,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	...mods
});

describe('shortcutOf', () => {
	it('maps the debugger keys', () => {
		expect(shortcutOf(press('F5'))).toBe('run');
		expect(shortcutOf(press('F5', { shiftKey: true }))).toBe('pause');
		expect(shortcutOf(press('F10'))).toBe('stepOver');
		expect(shortcutOf(press('F11'))).toBe('step');
		expect(shortcutOf(press('F11', { shiftKey: true }))).toBe('stepOut');
		expect(shortcutOf(press('ArrowLeft', { altKey: true }))).toBe('back');
	});

	it('leaves every other key to the page and the editor', () => {
		expect(shortcutOf(press('ArrowLeft'))).toBeUndefined();
		expect(shortcutOf(press('F5', { ctrlKey: true }))).toBeUndefined();
		expect(shortcutOf(press('F9'))).toBeUndefined();
		expect(shortcutOf(press('a', { altKey: true }))).toBeUndefined();
		expect(shortcutOf(press('F10', { shiftKey: true }))).toBeUndefined();
	});
});
