/**
 * Numeric local labels (GNU as manual §5.3 "Local Labels"): `1:` may be defined any number of
 * times; `1b` refers to the last definition before the reference and `1f` to the next one after.
 *
 * Each definition becomes a label of its own with an internal name that no source can write
 * (`.L1\u00022` is the second `1:`), as GNU as names them `.L1^B2`; image.ts leaves them out of the
 * symbol list.
 */
import type { Diagnostics } from './context.ts';
import type { Span } from './expression.ts';
import type { Token } from './lexer.ts';
import type { SourceLine } from './source.ts';

/** The internal name of the `instance`-th definition of local label `label`. */
export function localName(label: string, instance: number): string {
	return `.L${label}\u0002${instance}`;
}

/** Whether `name` is the internal name of a numeric local label. */
export const isLocalName = (name: string): boolean => name.includes('\u0002');

export class LocalLabels {
	/** How many times each label has been defined so far. */
	private readonly counts = new Map<string, number>();

	constructor(
		private readonly diagnostics: Diagnostics,
		private readonly defineLabel: (
			name: string,
			display: string,
			source: SourceLine,
			span: Span
		) => void
	) {}

	/** `label:` (the label's decimal number, without leading zeros). */
	define(label: string, source: SourceLine, span: Span): void {
		const n = (this.counts.get(label) ?? 0) + 1;
		this.counts.set(label, n);
		this.defineLabel(localName(label, n), label, source, span);
	}

	/** Rewrites `1b`/`1f` into the internal names of the label instances they denote. */
	resolveRefs(tokens: Token[], source: SourceLine): Token[] {
		return tokens.map((t) => {
			if (t.kind !== 'localref' || !t.local) return t;
			const count = this.counts.get(t.local.label) ?? 0;
			const instance = t.local.forward ? count + 1 : count;
			if (instance === 0) {
				const message = `no local label '${t.local.label}:' before this reference '${t.text}'`;
				this.diagnostics.report(source, t, message);
			}
			return { ...t, kind: 'ident', text: localName(t.local.label, instance), display: t.text };
		});
	}
}
