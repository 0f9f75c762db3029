/**
 * The RISC-V assembly language for Monaco: a Monarch tokenizer (Monaco's declarative
 * highlighter: per state, a list of [regex, token] rules tried in order at each position of a
 * line) and the editor settings that go with it. The word lists come from vocabulary.ts, so
 * every mnemonic of the instruction table is highlighted the moment it is added there.
 *
 * The rules follow the assembler's lexer (src/lib/emulator/asm/lexer.ts and source.ts): `#` starts
 * a comment to the end of the line, C comments may span lines (`//` is not a comment in GNU as for
 * RISC-V), `;` separates statements, numbers are hex `0x`, binary `0b`, octal with a leading 0,
 * decimal, or a character `'c`; `1f`/`1b` refer to the numeric label `1:` forwards or backwards;
 * a word followed by `:` defines a label.
 *
 * Wiring, in the editor's onMount:
 *   monaco.languages.register({ id: LANGUAGE_ID });
 *   monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarchLanguage);
 *   monaco.languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration);
 */
import { bothCases, type WordClass } from './classify.ts';
import type { LanguageConfiguration, MonarchLanguage } from './monaco-shapes.ts';
import {
	CSR_NAMES,
	DIRECTIVES,
	FOREIGN_CSR_NAMES,
	INSTRUCTION_MNEMONICS,
	PSEUDO_MNEMONICS,
	REGISTER_NAMES,
	RELOCATIONS
} from './vocabulary.ts';

export const LANGUAGE_ID = 'riscv-asm';

/**
 * The token class of each word class. The prefixes are ones Monaco's built-in themes colour
 * (keyword, variable.predefined, constant, type, number, string, comment); a theme may colour the
 * longer names apart.
 */
export const TOKEN_OF_CLASS: Readonly<Record<WordClass, string>> = {
	instruction: 'keyword',
	pseudo: 'keyword.pseudo',
	directive: 'keyword.directive',
	register: 'variable.predefined',
	csr: 'constant.csr',
	relocation: 'keyword.relocation',
	identifier: 'identifier'
};

/** The other tokens. */
export const TOKEN = {
	label: 'type.label',
	localLabelRef: 'type.label.local',
	macroArgument: 'variable.parameter',
	comment: 'comment',
	string: 'string',
	unterminatedString: 'string.invalid',
	number: 'number',
	hex: 'number.hex',
	binary: 'number.binary',
	octal: 'number.octal',
	char: 'number.char',
	operator: 'operator',
	delimiter: 'delimiter',
	white: 'white',
	invalid: 'invalid'
} as const;

/** A character that may continue a word (asm/lexer.ts identPart). */
const PART = '[A-Za-z0-9_.$]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const relocationNames = RELOCATIONS.map((r) => escape(r.slice(1))).join('|');

export const monarchLanguage: MonarchLanguage = {
	defaultToken: TOKEN.invalid,
	tokenPostfix: '.' + LANGUAGE_ID,
	ignoreCase: false,
	brackets: [{ open: '(', close: ')', token: 'delimiter.parenthesis' }],

	// The word lists the `@name` cases below look words up in.
	instructions: bothCases(INSTRUCTION_MNEMONICS),
	pseudos: bothCases(PSEUDO_MNEMONICS),
	directives: bothCases(DIRECTIVES),
	registers: [...REGISTER_NAMES],
	csrs: [...CSR_NAMES, ...FOREIGN_CSR_NAMES],

	tokenizer: {
		root: [
			[/[ \t\r\f\v]+/, TOKEN.white],
			[/\/\*/, TOKEN.comment, '@comment'],
			[/#.*$/, TOKEN.comment],
			// Labels: a word or a number right before a colon.
			[/[A-Za-z_.$@][A-Za-z0-9_.$]*(?=[ \t]*:)/, TOKEN.label],
			[/[0-9]+(?=[ \t]*:)/, TOKEN.label],
			[/"(?:[^"\\]|\\.)*"/, TOKEN.string],
			[/"(?:[^"\\]|\\.)*\\?$/, TOKEN.unterminatedString],
			[/'(?:\\.|.)'?/, TOKEN.char],
			[/0[xX][0-9a-fA-F]+/, TOKEN.hex],
			[/0[bB][01]+(?![0-9])/, TOKEN.binary],
			[new RegExp(`[0-9]+[bfBF](?!${PART})`), TOKEN.localLabelRef],
			[new RegExp(`0[0-9]*[89][0-9]*${PART}*`), TOKEN.invalid],
			[/0[0-7]+/, TOKEN.octal],
			[/[0-9]+/, TOKEN.number],
			[new RegExp(`%(?:${relocationNames})(?![A-Za-z_])`), TOKEN_OF_CLASS.relocation],
			[
				new RegExp(`\\.cfi_[a-z0-9_.$]*(?!${PART})|\\.CFI_[A-Z0-9_.$]*(?!${PART})`),
				TOKEN_OF_CLASS.directive
			],
			[
				/[A-Za-z_.$@][A-Za-z0-9_.$]*/,
				{
					cases: {
						'@instructions': TOKEN_OF_CLASS.instruction,
						'@pseudos': TOKEN_OF_CLASS.pseudo,
						'@directives': TOKEN_OF_CLASS.directive,
						'@registers': TOKEN_OF_CLASS.register,
						'@csrs': TOKEN_OF_CLASS.csr,
						'@default': TOKEN_OF_CLASS.identifier
					}
				}
			],
			// `\arg` inside a .macro, .irp or .irpc body.
			[/\\[A-Za-z_][A-Za-z0-9_]*|\\\(\)/, TOKEN.macroArgument],
			[/<<|>>|&&|\|\||==|!=|<=|>=|<>|[+\-*/%&|^~!<>=]/, TOKEN.operator],
			[/[,():;]/, TOKEN.delimiter],
			[/./, TOKEN.invalid]
		],
		comment: [
			[/[^*]+/, TOKEN.comment],
			[/\*\//, TOKEN.comment, '@pop'],
			[/\*/, TOKEN.comment]
		]
	}
};

export const languageConfiguration: LanguageConfiguration = {
	comments: { lineComment: '#', blockComment: ['/*', '*/'] },
	brackets: [['(', ')']],
	autoClosingPairs: [
		{ open: '(', close: ')' },
		{ open: '"', close: '"', notIn: ['string', 'comment'] }
	],
	wordPattern: /%[A-Za-z_]+|[A-Za-z_.$@][A-Za-z0-9_.$]*|[0-9]+[bf]?/
};
