import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '../../../../../src/lib/widgets/machine/editor/contrast.ts';
import {
	PALETTES,
	THEME_NAME,
	themeData,
	tokenColour,
	TOKEN_NAMES,
	type Scheme
} from '../../../../../src/lib/widgets/machine/editor/themes.ts';
import { TOKEN, TOKEN_OF_CLASS } from '../../../../../src/lib/widgets/machine/language/index.ts';

const schemes: Scheme[] = ['light', 'dark'];

describe.each(schemes)('the %s theme', (scheme) => {
	const p = PALETTES[scheme];

	it('gives every token the tokenizer emits AA contrast on the background and on the pc line', () => {
		for (const token of TOKEN_NAMES) {
			const colour = tokenColour(scheme, token);
			expect(contrastRatio(colour, p.background), `${token} ${colour}`).toBeGreaterThanOrEqual(
				AA_TEXT
			);
			expect(contrastRatio(colour, p.currentLine), `${token} on pc line`).toBeGreaterThanOrEqual(
				AA_TEXT
			);
		}
	});

	it('writes line numbers (muted) at AA and draws the breakpoint dot at 3:1', () => {
		expect(contrastRatio(p.muted, p.background)).toBeGreaterThanOrEqual(AA_TEXT);
		expect(contrastRatio(p.breakpoint, p.background)).toBeGreaterThanOrEqual(3);
	});

	it('tells instructions, pseudo-instructions, directives, registers, CSRs and labels apart', () => {
		const kinds = [
			TOKEN_OF_CLASS.instruction,
			TOKEN_OF_CLASS.pseudo,
			TOKEN_OF_CLASS.directive,
			TOKEN_OF_CLASS.register,
			TOKEN_OF_CLASS.csr,
			TOKEN.label
		].map((token) => tokenColour(scheme, token));
		expect(new Set(kinds).size).toBe(kinds.length);
	});

	it('has a rule for each token, so the base theme cannot recolour one (number.hex)', () => {
		const data = themeData(scheme);
		expect(data.base).toBe(scheme === 'dark' ? 'vs-dark' : 'vs');
		expect(data.rules.map((r) => r.token).sort()).toEqual([...TOKEN_NAMES].sort());
		const hex = data.rules.find((r) => r.token === TOKEN.hex)!;
		expect('#' + hex.foreground).toBe(tokenColour(scheme, TOKEN.number));
		expect(data.colors['editor.background']).toBe(p.background);
		expect(data.colors['editorLineNumber.foreground']).toBe(p.muted);
		expect(data.colors['editorLineNumber.dimmedForeground']).toBe(p.muted);
	});

	it('sets comments in italics and nothing else', () => {
		const styled = themeData(scheme).rules.filter((r) => r.fontStyle === 'italic');
		expect(styled.map((r) => r.token)).toEqual([TOKEN.comment]);
	});
});

it('names the two themes apart', () => {
	expect(THEME_NAME.light).not.toBe(THEME_NAME.dark);
});
