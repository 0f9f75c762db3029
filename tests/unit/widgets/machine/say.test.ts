/** The machine widget's strings (workbench, editor, views): both languages complete and alike. */
import { describe, expect, it } from 'vitest';
import { editorEn } from '../../../../src/lib/widgets/machine/editor/strings.en.ts';
import { machineEn, machineZh, say } from '../../../../src/lib/widgets/machine/say.ts';
import { workbenchEn } from '../../../../src/lib/widgets/machine/strings.en.ts';
import { viewsEn } from '../../../../src/lib/widgets/machine/views/strings.en.ts';

/** The `{name}` placeholders of a message, plural choices' counts included. */
const placeholders = (message: string) =>
	[...new Set([...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe('the machine widget’s strings', () => {
	it('have the same keys in both languages, no two parts sharing a key', () => {
		expect(Object.keys(machineZh).sort()).toEqual(Object.keys(machineEn).sort());
		const parts = [workbenchEn, editorEn, viewsEn].map((part) => Object.keys(part).length);
		expect(parts.reduce((a, b) => a + b)).toBe(Object.keys(machineEn).length);
	});

	it('use the same placeholders in both languages, and no empty string', () => {
		for (const [key, en] of Object.entries(machineEn)) {
			const zh = machineZh[key as keyof typeof machineEn];
			expect(zh.trim(), key).not.toBe('');
			expect(placeholders(zh), key).toEqual(placeholders(en));
		}
	});

	it('write numbers as the language writes them, and choose plurals by count', () => {
		expect(say('en', 'workbench.stop.halted', { code: 0, position: 2514 })).toBe(
			'The program ended with exit code 0 after 2,514 steps.'
		);
		expect(say('en', 'workbench.problemCount', { errors: 1, warnings: 0 })).toBe(
			'1 error, no warnings'
		);
		expect(say('zh', 'workbench.problemCount', { errors: 2, warnings: 1 })).toBe(
			'2 个错误，1 个警告'
		);
	});
});
