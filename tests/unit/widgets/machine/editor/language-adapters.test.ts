import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import {
	completionForMonaco,
	definitionForMonaco,
	markerForMonaco
} from '../../../../../src/lib/widgets/machine/editor/language-adapters.ts';
import {
	completionsAt,
	indexProgram,
	toMarkers
} from '../../../../../src/lib/widgets/machine/language/index.ts';

// Monaco's numbers for these enum members (monaco.languages.CompletionItemKind, MarkerSeverity).
const KINDS = {
	Keyword: 17,
	Function: 1,
	Module: 8,
	Variable: 4,
	Constant: 14,
	Reference: 21,
	Operator: 11
} as const;
const SEVERITIES = { Error: 8, Warning: 4 } as const;

describe('completionForMonaco', () => {
	it('turns the kind name into Monaco’s number and keeps the rest', () => {
		const source = 'loop: addi a0, a0, 1\n  j l';
		const items = completionsAt(source, 2, 6, indexProgram(source));
		const loop = items.find((i) => i.label === 'loop')!;
		const converted = completionForMonaco(loop, KINDS);
		expect(converted.kind).toBe(KINDS[loop.kind]);
		expect({ ...converted, kind: loop.kind }).toEqual(loop);
	});
});

describe('markerForMonaco', () => {
	it('gives errors and warnings Monaco’s severities', () => {
		const { diagnostics } = assemble('  frob a0\n  .option rvc');
		const markers = toMarkers(diagnostics).map((m) => markerForMonaco(m, SEVERITIES));
		expect(markers.map((m) => [m.startLineNumber, m.severity])).toEqual([
			[1, SEVERITIES.Error],
			[2, SEVERITIES.Warning]
		]);
	});
});

describe('definitionForMonaco', () => {
	it('places a definition in the same model, and answers null when there is none', () => {
		const uri = { path: '/model-1' };
		expect(definitionForMonaco({ line: 3, column: 1, endColumn: 5 }, uri)).toEqual({
			uri,
			range: { startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 5 }
		});
		expect(definitionForMonaco(undefined, uri)).toBeNull();
	});
});
