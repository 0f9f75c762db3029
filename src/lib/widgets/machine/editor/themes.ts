/**
 * The editor's two colour themes, light and dark, matching the site's (src/app.css: the editor's
 * background is the page's `--code-bg`, its text `--fg`, line numbers and comments `--muted`). The
 * page follows `prefers-color-scheme`, so the editor does too (Editor.svelte listens for changes).
 * Every token colour reaches WCAG AA (4.5:1) against the background; the unit test checks it.
 *
 * Token names are monarch.ts's (TOKEN, TOKEN_OF_CLASS). The palette names a colour by prefix
 * (`keyword` for instructions, the longer `keyword.pseudo` for pseudo-instructions), and the theme
 * gets one rule for every token the tokenizer emits: Monaco's base theme has rules of its own for
 * names like `number.hex`, which would otherwise win over our shorter `number`.
 */
import { TOKEN, TOKEN_OF_CLASS } from '../language/index.ts';

export type Scheme = 'light' | 'dark';

/** `monaco.editor.ITokenThemeRule`: colours without the `#`, as Monaco wants them. */
export interface TokenRule {
	token: string;
	foreground: string;
	fontStyle?: string;
}

/** `monaco.editor.IStandaloneThemeData`. */
export interface ThemeData {
	base: 'vs' | 'vs-dark';
	inherit: boolean;
	rules: TokenRule[];
	colors: Record<string, string>;
}

/** One scheme's colours, `#rrggbb`. */
export interface Palette {
	background: string;
	foreground: string;
	muted: string;
	/** Behind the line the pc is on (a decoration): every token stays readable on it too. */
	currentLine: string;
	/** The breakpoint dot: a graphic, so 3:1 against the background (WCAG 1.4.11). */
	breakpoint: string;
	/** Token name → colour (and an optional font style after a space: `#57606a italic`). */
	tokens: Record<string, string>;
}

export const PALETTES: Readonly<Record<Scheme, Palette>> = {
	light: {
		background: '#f3f5f7',
		foreground: '#1b1f24',
		muted: '#57606a',
		currentLine: '#fbeccb',
		breakpoint: '#d1242f',
		tokens: {
			keyword: '#0b5cad',
			'keyword.pseudo': '#6f42c1',
			'keyword.directive': '#8a4b00',
			'keyword.relocation': '#6f42c1',
			'variable.predefined': '#116329',
			'constant.csr': '#b0301a',
			'type.label': '#a3195b',
			'variable.parameter': '#8a4b00',
			number: '#0b6a75',
			string: '#0a3069',
			comment: '#57606a italic',
			invalid: '#b31d28 underline',
			operator: '#1b1f24',
			delimiter: '#1b1f24',
			identifier: '#1b1f24'
		}
	},
	dark: {
		background: '#1b232c',
		foreground: '#e6e8eb',
		muted: '#9ba5b0',
		currentLine: '#3a3520',
		breakpoint: '#f85149',
		tokens: {
			keyword: '#6cb6ff',
			'keyword.pseudo': '#d2a8ff',
			'keyword.directive': '#e3b341',
			'keyword.relocation': '#d2a8ff',
			'variable.predefined': '#7ee787',
			'constant.csr': '#ffa657',
			'type.label': '#f778ba',
			'variable.parameter': '#e3b341',
			number: '#56d4dd',
			string: '#a5d6ff',
			comment: '#9ba5b0 italic',
			invalid: '#ff7b72 underline',
			operator: '#e6e8eb',
			delimiter: '#e6e8eb',
			identifier: '#e6e8eb'
		}
	}
};

export const THEME_NAME: Readonly<Record<Scheme, string>> = {
	light: 'virtlab-light',
	dark: 'virtlab-dark'
};

/** The colour part of a palette entry (`#57606a italic` → `#57606a`). */
export function colourOf(entry: string): string {
	return entry.split(' ')[0];
}

/** Every token name the tokenizer emits (monarch.ts). */
export const TOKEN_NAMES: readonly string[] = [
	...new Set([...Object.values(TOKEN_OF_CLASS), ...Object.values(TOKEN)])
];

/** The palette entry a token takes: the longest name that is the token or a prefix of it. */
function entryFor(p: Palette, token: string): string | undefined {
	let best = '';
	for (const name of Object.keys(p.tokens)) {
		const matches = token === name || token.startsWith(name + '.');
		if (matches && name.length > best.length) best = name;
	}
	return best ? p.tokens[best] : undefined;
}

/** The colour a token gets. */
export function tokenColour(scheme: Scheme, token: string): string {
	const p = PALETTES[scheme];
	return colourOf(entryFor(p, token) ?? p.foreground);
}

/** A palette as Monaco's theme data: one rule per token name. */
export function themeData(scheme: Scheme): ThemeData {
	const p = PALETTES[scheme];
	return {
		base: scheme === 'dark' ? 'vs-dark' : 'vs',
		inherit: true,
		rules: TOKEN_NAMES.map((token) => {
			const [colour, fontStyle] = (entryFor(p, token) ?? p.foreground).split(' ');
			return { token, foreground: colour.slice(1), fontStyle: fontStyle ?? '' };
		}),
		colors: {
			'editor.background': p.background,
			'editor.foreground': p.foreground,
			'editorGutter.background': p.background,
			'editorLineNumber.foreground': p.muted,
			'editorLineNumber.activeForeground': p.foreground,
			// The number of the empty line after a final newline, which Monaco dims: still AA.
			'editorLineNumber.dimmedForeground': p.muted,
			'editorCursor.foreground': p.foreground
		}
	};
}
