import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import {
	isLocalName,
	LocalLabels,
	localName
} from '../../../../src/lib/emulator/asm/local-labels.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';

const line: SourceLine = { text: '', file: 'test.s', line: 1 };
const span = { column: 1, endColumn: 2 };

describe('numeric local labels', () => {
	it('name each definition apart, and resolve 1b and 1f to the nearest ones', () => {
		const defined: string[] = [];
		const reports: string[] = [];
		const locals = new LocalLabels(
			{ report: (_s, _sp, message) => reports.push(message) },
			(name) => defined.push(name)
		);
		const refs = () =>
			locals.resolveRefs(tokenizeLine('1b, 1f').statements[0].tokens, line).map((t) => t.text);
		locals.define('1', line, span);
		expect(refs()).toEqual([localName('1', 1), ',', localName('1', 2)]);
		locals.define('1', line, span);
		expect(defined).toEqual([localName('1', 1), localName('1', 2)]);
		expect(isLocalName(defined[0])).toBe(true);
		expect(reports).toEqual([]);
	});

	it('reports a backward reference with no label before it', () => {
		const reports: string[] = [];
		const locals = new LocalLabels({ report: (_s, _sp, m) => reports.push(m) }, () => {});
		locals.resolveRefs(tokenizeLine('2b').statements[0].tokens, line);
		expect(reports).toEqual(["no local label '2:' before this reference '2b'"]);
	});
});
