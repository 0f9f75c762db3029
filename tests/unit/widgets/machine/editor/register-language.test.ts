import { describe, expect, it } from 'vitest';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import {
	registerLanguageOnce,
	registerProviders,
	type LanguageRegistry,
	type ProviderRegistry
} from '../../../../../src/lib/widgets/machine/editor/register-language.ts';
import {
	indexProgram,
	languageConfiguration,
	LANGUAGE_ID,
	monarchLanguage
} from '../../../../../src/lib/widgets/machine/language/index.ts';

/** A stand-in for monaco.languages that records what is registered. */
function fakeRegistry() {
	const languages: { id: string }[] = [];
	const calls: string[] = [];
	const registry = {
		getLanguages: () => languages,
		register: (l: { id: string }) => void languages.push(l),
		setMonarchTokensProvider: (id: string, tokenizer: unknown) => {
			calls.push(`tokens ${id}`);
			expect(tokenizer).toBe(monarchLanguage);
			return { dispose() {} };
		},
		setLanguageConfiguration: (id: string, config: unknown) => {
			calls.push(`config ${id}`);
			expect(config).toBe(languageConfiguration);
			return { dispose() {} };
		}
	};
	return { registry: registry as unknown as LanguageRegistry, languages, calls };
}

describe('registerLanguageOnce', () => {
	it('registers the language, its tokenizer and settings the first time only', () => {
		const { registry, languages, calls } = fakeRegistry();
		expect(registerLanguageOnce(registry)).toBe(true);
		expect(registerLanguageOnce(registry)).toBe(false);
		expect(languages.map((l) => l.id)).toEqual([LANGUAGE_ID]);
		expect(calls).toEqual([`tokens ${LANGUAGE_ID}`, `config ${LANGUAGE_ID}`]);
	});
});

type Provider = Record<string, (model: unknown, position: unknown) => unknown>;

/** Captures the providers registerProviders hands to Monaco. */
function captureProviders() {
	const providers: Record<string, Provider> = {};
	let disposed = 0;
	const take = (kind: string) => (language: string, provider: Provider) => {
		expect(language).toBe(LANGUAGE_ID);
		providers[kind] = provider;
		return { dispose: () => void disposed++ };
	};
	const registry = {
		registerHoverProvider: take('hover'),
		registerCompletionItemProvider: take('completion'),
		registerDefinitionProvider: take('definition'),
		CompletionItemKind: {
			Keyword: 17,
			Function: 1,
			Module: 8,
			Variable: 4,
			Constant: 14,
			Reference: 21,
			Operator: 11
		}
	};
	return { registry: registry as unknown as ProviderRegistry, providers, disposed: () => disposed };
}

const SOURCE = ['_start: csrr t0, mstatus', '        j _start'].join('\n');
const model = (text: string, path: string) =>
	({ getValue: () => text, uri: { path } }) as unknown as Monaco.editor.ITextModel;

describe('registerProviders', () => {
	const mine = model(SOURCE, '/mine');
	const other = model(SOURCE, '/other');
	const symbols = assemble(SOURCE).image!.symbols;
	const { registry, providers, disposed } = captureProviders();
	const handles = registerProviders(registry, mine, () => ({
		index: () => indexProgram(SOURCE, symbols),
		csrValue: (name) => (name === 'mstatus' ? 0x1800 : undefined)
	}));

	it('documents the word under the mouse, with a CSR’s live value', () => {
		const hover = providers.hover.provideHover(mine, { lineNumber: 1, column: 10 }) as {
			contents: { value: string }[];
		};
		expect(hover.contents[0].value).toMatch(/csrr/);
		const csr = providers.hover.provideHover(mine, { lineNumber: 1, column: 20 }) as {
			contents: { value: string }[];
		};
		expect(csr.contents[0].value).toContain('0x00001800');
	});

	it('completes with Monaco’s kind numbers', () => {
		const { suggestions } = providers.completion.provideCompletionItems(mine, {
			lineNumber: 2,
			column: 12
		}) as { suggestions: { label: string; kind: number }[] };
		const start = suggestions.find((s) => s.label === '_start')!;
		expect(typeof start.kind).toBe('number');
	});

	it('goes to a label’s definition in the same model', () => {
		const location = providers.definition.provideDefinition(mine, { lineNumber: 2, column: 12 });
		expect(location).toEqual({
			uri: mine.uri,
			range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 7 }
		});
	});

	it('answers nothing about another editor’s model', () => {
		const at = { lineNumber: 2, column: 12 };
		expect(providers.hover.provideHover(other, at)).toBeNull();
		expect(providers.completion.provideCompletionItems(other, at)).toEqual({ suggestions: [] });
		expect(providers.definition.provideDefinition(other, at)).toBeNull();
	});

	it('returns one handle per provider, to dispose with the editor', () => {
		for (const h of handles) h.dispose();
		expect(disposed()).toBe(3);
	});
});
