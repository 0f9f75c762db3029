/**
 * The shapes Monaco's language API takes, written out here so that this folder needs no Monaco
 * (it is not installed yet, and the editor will load it only on pages that show one). Each type is
 * the subset of the Monaco type named beside it that this folder fills in; the editor hands the
 * objects over as they are, and turns the enum names into Monaco's numbers
 * (`monaco.languages.CompletionItemKind[item.kind]`, `monaco.MarkerSeverity[marker.severity]`).
 */

/** `monaco.IRange`: 1-based lines and columns, the end column one past the last character. */
export interface Range {
	startLineNumber: number;
	startColumn: number;
	endLineNumber: number;
	endColumn: number;
}

/** `monaco.IMarkdownString`. */
export interface MarkdownString {
	value: string;
}

/** `monaco.languages.Hover`. */
export interface Hover {
	range: Range;
	contents: MarkdownString[];
}

/** Names of `monaco.languages.CompletionItemKind` members this folder uses. */
export type CompletionKind =
	'Keyword' | 'Function' | 'Module' | 'Variable' | 'Constant' | 'Reference' | 'Operator';

/** `monaco.languages.CompletionItem`, with the kind by name. */
export interface CompletionItem {
	label: string;
	kind: CompletionKind;
	/** One line shown beside the label. */
	detail: string;
	documentation?: MarkdownString;
	insertText: string;
	/** The text the item replaces: the word being typed. */
	range: Range;
	/** Monaco sorts by this string; lower first. */
	sortText: string;
}

/** Names of `monaco.MarkerSeverity` members. */
export type MarkerSeverity = 'Error' | 'Warning';

/** `monaco.editor.IMarkerData`, with the severity by name. */
export interface Marker extends Range {
	severity: MarkerSeverity;
	message: string;
	/** Shown after the message in Monaco's hover. */
	source: string;
}

/** `monaco.languages.IMonarchLanguageRule`, in the forms monarch.ts writes. */
export type MonarchRule = [RegExp, MonarchAction] | [RegExp, MonarchAction, string];

/** `monaco.languages.IMonarchLanguageAction`: a token class, or a choice by the matched text. */
export type MonarchAction =
	string | { token: string; next?: string } | { cases: Record<string, string> };

/** `monaco.languages.IMonarchLanguage`. Other keys are the word lists `@name` cases refer to. */
export interface MonarchLanguage {
	defaultToken: string;
	tokenPostfix: string;
	ignoreCase: boolean;
	brackets: { open: string; close: string; token: string }[];
	tokenizer: Record<string, MonarchRule[]>;
	[wordList: string]: unknown;
}

/** `monaco.languages.LanguageConfiguration`, the parts an assembly language needs. */
export interface LanguageConfiguration {
	comments: { lineComment: string; blockComment: [string, string] };
	brackets: [string, string][];
	autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
	wordPattern: RegExp;
}
