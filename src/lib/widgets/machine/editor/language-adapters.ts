/**
 * The language folder's objects (../language, Monaco's shapes with enum members by name) turned
 * into what Monaco takes: the names become Monaco's enum numbers, a definition gets the model's
 * URI. Pure, with Monaco's enums passed in, so the conversion is tested without Monaco.
 */
import type {
	CompletionItem,
	CompletionKind,
	DefinitionLocation,
	Marker,
	MarkerSeverity
} from '../language/index.ts';

/** `item` with its kind as Monaco's `languages.CompletionItemKind[kind]`. */
export function completionForMonaco<K>(
	item: CompletionItem,
	kinds: Readonly<Record<CompletionKind, K>>
): Omit<CompletionItem, 'kind'> & { kind: K } {
	return { ...item, kind: kinds[item.kind] };
}

/** `marker` with its severity as Monaco's `MarkerSeverity[severity]`. */
export function markerForMonaco<S>(
	marker: Marker,
	severities: Readonly<Record<MarkerSeverity, S>>
): Omit<Marker, 'severity'> & { severity: S } {
	return { ...marker, severity: severities[marker.severity] };
}

/** `monaco.languages.Location` of a definition in the same model, or null when there is none. */
export function definitionForMonaco<U>(
	location: DefinitionLocation | undefined,
	uri: U
): {
	uri: U;
	range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
} | null {
	if (!location) return null;
	return {
		uri,
		range: {
			startLineNumber: location.line,
			startColumn: location.column,
			endLineNumber: location.line,
			endColumn: location.endColumn
		}
	};
}
