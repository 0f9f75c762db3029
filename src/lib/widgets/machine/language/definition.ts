/**
 * Go to definition: where the label, constant or macro under the cursor is defined, and for a
 * numeric label reference (`1b`, `1f`) the `1:` it means.
 *
 * Wiring: monaco.languages.registerDefinitionProvider(LANGUAGE_ID, { provideDefinition: (model,
 *   pos) => { const d = definitionAt(model.getValue(), pos.lineNumber, pos.column, index);
 *   return d && { uri: model.uri, range: { startLineNumber: d.line, startColumn: d.column,
 *   endLineNumber: d.line, endColumn: d.endColumn } }; } });
 */
import { localLabelTarget, type ProgramIndex } from './program-index.ts';
import { sourceLines, tokenAt } from './source-tokens.ts';

export interface DefinitionLocation {
	line: number;
	column: number;
	/** One past the name's last character. */
	endColumn: number;
}

export function definitionAt(
	source: string,
	line: number,
	column: number,
	index: ProgramIndex
): DefinitionLocation | undefined {
	const at = tokenAt(sourceLines(source), line, column);
	if (!at) return undefined;
	const { token } = at;
	const def =
		token.kind === 'ident'
			? index.byName.get(token.text)
			: token.kind === 'localref'
				? localLabelTarget(index, token.local!.label, token.local!.forward, line, token.column)
				: undefined;
	return def && { line: def.line, column: def.column, endColumn: def.endColumn };
}
