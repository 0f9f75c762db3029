/**
 * The assembler's diagnostics (src/lib/emulator/asm/types.ts: line, column, endColumn one past
 * the last character, 1-based) as Monaco markers under the exact text, and as the rows of a
 * problems list.
 *
 * Wiring: monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(result.diagnostics)
 *   .map((m) => ({ ...m, severity: monaco.MarkerSeverity[m.severity] })));
 */
import type { Diagnostic } from '../../../emulator/asm/types.ts';
import type { Marker, MarkerSeverity } from './monaco-shapes.ts';

/** The owner name markers are set under, so that setting them again replaces the old ones. */
export const MARKER_OWNER = 'virtlab-as';

const SEVERITY: Readonly<Record<Diagnostic['severity'], MarkerSeverity>> = {
	error: 'Error',
	warning: 'Warning'
};

/**
 * Markers for the diagnostics of the edited file. Those of an `.include`d file (`file` set) are
 * left out: their lines are another file's. An empty span still gets one character, so that the
 * squiggle shows.
 */
export function toMarkers(diagnostics: readonly Diagnostic[]): Marker[] {
	return diagnostics
		.filter((d) => d.file === undefined)
		.map((d) => ({
			startLineNumber: d.line,
			startColumn: d.column,
			endLineNumber: d.line,
			endColumn: Math.max(d.endColumn, d.column + 1),
			severity: SEVERITY[d.severity],
			message: d.message,
			source: MARKER_OWNER
		}));
}

export interface Problem {
	severity: Diagnostic['severity'];
	/** The included file it is in; absent for the edited file. */
	file?: string;
	line: number;
	column: number;
	endColumn: number;
	message: string;
	/** `input.s:3:5: error: message`, as a compiler prints it (and the CLI's `virtlab asm`). */
	text: string;
}

export interface ProblemsList {
	problems: Problem[];
	errors: number;
	warnings: number;
}

/** The diagnostics as a problems list: errors first, then by file, line and column. */
export function problemsList(diagnostics: readonly Diagnostic[], file = 'input.s'): ProblemsList {
	const problems = diagnostics.map((d) => ({
		severity: d.severity,
		...(d.file === undefined ? {} : { file: d.file }),
		line: d.line,
		column: d.column,
		endColumn: d.endColumn,
		message: d.message,
		text: `${d.file ?? file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`
	}));
	const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
	problems.sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(a.file ?? '').localeCompare(b.file ?? '') ||
			a.line - b.line ||
			a.column - b.column
	);
	const errors = problems.filter((p) => p.severity === 'error').length;
	return { problems, errors, warnings: problems.length - errors };
}
