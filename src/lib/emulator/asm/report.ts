/**
 * The diagnostics of one run. Every problem is reported where it is (line and columns; for a line
 * a macro made, the macro call), and the run goes on so that one pass shows them all — up to a
 * limit: after MAX_ERRORS errors it stops and says so last, as a compiler does, and warnings past
 * MAX_WARNINGS are only counted. A macro that calls itself twice would otherwise print an error
 * for each of its millions of calls.
 */
import type { Span } from './expression.ts';
import { MAX_ERRORS, MAX_WARNINGS } from './limits.ts';
import type { SourceLine } from './source.ts';
import type { Diagnostic, Severity } from './types.ts';

export class Reporter {
	private readonly diagnostics: Diagnostic[] = [];
	/** Set when a limit is reached: nothing more is reported. */
	stopped = false;
	private errors = 0;
	private warnings = 0;
	private firstHidden: Diagnostic | undefined;
	/** Why the run stopped, when it stopped at too many errors. */
	private stopNotice: Diagnostic | undefined;

	/** `mainFile` is the source's name: diagnostics in other (included) files name theirs. */
	constructor(private readonly mainFile: string) {}

	report(source: SourceLine, span: Span, message: string, severity: Severity = 'error'): void {
		if (this.stopped) return;
		if (severity === 'warning' && ++this.warnings > MAX_WARNINGS) {
			this.firstHidden ??= this.diagnostic(source, span, message, severity);
			return;
		}
		if (severity === 'error' && ++this.errors > MAX_ERRORS) {
			const notice = `too many errors (${MAX_ERRORS}); stopping`;
			this.stopNotice = this.diagnostic(source, span, notice, 'error');
			this.stopped = true;
			return;
		}
		this.diagnostics.push(this.diagnostic(source, span, message, severity));
	}

	/** Reports an error that ends the run (a limit reached). */
	fatal(source: SourceLine, span: Span, message: string): void {
		this.report(source, span, message);
		this.stopped = true;
	}

	/** The diagnostics in file and line order, then the count of hidden warnings and the stop. */
	sorted(): Diagnostic[] {
		const sorted = this.diagnostics.sort(
			(a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.column - b.column
		);
		const hidden = this.warnings - MAX_WARNINGS;
		if (this.firstHidden) {
			const message = `${hidden} more warning${hidden === 1 ? '' : 's'} not shown`;
			sorted.push({ ...this.firstHidden, message });
		}
		if (this.stopNotice) sorted.push(this.stopNotice);
		return sorted;
	}

	private diagnostic(
		source: SourceLine,
		span: Span,
		message: string,
		severity: Severity
	): Diagnostic {
		if (source.macro) {
			const m = source.macro;
			return {
				line: m.line,
				column: m.span.column,
				endColumn: m.span.endColumn,
				message: `in macro '${m.name}' (its line ${source.line}): ${message}`,
				severity,
				...(m.file !== this.mainFile ? { file: m.file } : {})
			};
		}
		return {
			line: source.line,
			column: span.column,
			endColumn: Math.max(span.endColumn, span.column + 1),
			message,
			severity,
			...(source.file !== this.mainFile ? { file: source.file } : {})
		};
	}
}
