/**
 * The RISC-V assembly language in Monaco, as the language folder's README ("Wiring") describes:
 * the language itself (id, Monarch tokenizer, settings) once per page, and for each editor its
 * hover, completion and go-to-definition providers, which answer for that editor's model only and
 * are disposed with it.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import {
	completionsAt,
	definitionAt,
	hoverAt,
	LANGUAGE_ID,
	languageConfiguration,
	monarchLanguage,
	type ProgramIndex
} from '../language/index.ts';
import { completionForMonaco, definitionForMonaco } from './language-adapters.ts';

type Languages = typeof Monaco.languages;

/** The part of `monaco.languages` that registering the language uses. */
export type LanguageRegistry = Pick<
	Languages,
	'register' | 'getLanguages' | 'setMonarchTokensProvider' | 'setLanguageConfiguration'
>;

/**
 * Registers the language unless Monaco already knows it: several editors on one page, or a page
 * visited again in the same session, share one registration (a second tokenizer would replace the
 * first, and providers would answer twice). Answers whether it registered now.
 */
export function registerLanguageOnce(languages: LanguageRegistry): boolean {
	if (languages.getLanguages().some((known) => known.id === LANGUAGE_ID)) return false;
	languages.register({ id: LANGUAGE_ID, extensions: ['.s', '.S'], aliases: ['RISC-V assembly'] });
	// The folder's MonarchLanguage is the subset of IMonarchLanguage that it fills in.
	languages.setMonarchTokensProvider(
		LANGUAGE_ID,
		monarchLanguage as unknown as Monaco.languages.IMonarchLanguage
	);
	languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration);
	return true;
}

/** What the providers of one editor read at each request. */
export interface ProviderContext {
	/** The program's definitions and the last good assembly's symbol values. */
	index: () => ProgramIndex;
	/** A CSR's live value, when the machine is paused. */
	csrValue?: (name: string) => number | undefined;
}

/** The part of `monaco.languages` the providers use. */
export type ProviderRegistry = Pick<
	Languages,
	| 'registerHoverProvider'
	| 'registerCompletionItemProvider'
	| 'registerDefinitionProvider'
	| 'CompletionItemKind'
>;

/** A position as Monaco passes it to a provider. */
type At = { lineNumber: number; column: number };

/**
 * Hover, completion and definition providers for `model` only: a provider is registered for the
 * whole language, so each one first checks that the request is about its own editor's model.
 */
export function registerProviders(
	languages: ProviderRegistry,
	model: Monaco.editor.ITextModel,
	context: () => ProviderContext
): Monaco.IDisposable[] {
	const mine = (asked: Monaco.editor.ITextModel) => asked === model;
	return [
		languages.registerHoverProvider(LANGUAGE_ID, {
			provideHover: (asked: Monaco.editor.ITextModel, p: At) => {
				if (!mine(asked)) return null;
				const { index, csrValue } = context();
				return (
					hoverAt(asked.getValue(), p.lineNumber, p.column, {
						index: index(),
						...(csrValue ? { csrValue } : {})
					}) ?? null
				);
			}
		}),
		languages.registerCompletionItemProvider(LANGUAGE_ID, {
			triggerCharacters: ['.', '%'],
			provideCompletionItems: (asked: Monaco.editor.ITextModel, p: At) => {
				if (!mine(asked)) return { suggestions: [] };
				const items = completionsAt(asked.getValue(), p.lineNumber, p.column, context().index());
				return {
					suggestions: items.map((item) => completionForMonaco(item, languages.CompletionItemKind))
				};
			}
		}),
		languages.registerDefinitionProvider(LANGUAGE_ID, {
			provideDefinition: (asked: Monaco.editor.ITextModel, p: At) => {
				if (!mine(asked)) return null;
				const found = definitionAt(asked.getValue(), p.lineNumber, p.column, context().index());
				return definitionForMonaco(found, asked.uri);
			}
		})
	];
}
