import { describe, expect, it } from 'vitest';
import { definitionAt } from '../../../../../src/lib/widgets/machine/language/definition.ts';
import { indexProgram } from '../../../../../src/lib/widgets/machine/language/program-index.ts';

const SOURCE = [
	'start:',
	'  j end',
	'1: addi a0, a0, -1',
	'  bnez a0, 1b',
	'end: j start # end'
].join('\n');
const index = indexProgram(SOURCE);
const at = (line: number, column: number) => definitionAt(SOURCE, line, column, index);

describe('definitionAt', () => {
	it('goes from a label use to its definition, with the cursor in or just after the name', () => {
		expect(at(2, 5)).toEqual({ line: 5, column: 1, endColumn: 4 });
		expect(at(2, 8)).toEqual({ line: 5, column: 1, endColumn: 4 });
		expect(at(5, 10)).toEqual({ line: 1, column: 1, endColumn: 6 });
	});

	it('goes from 1b to the numeric label it means', () => {
		expect(at(4, 13)).toEqual({ line: 3, column: 1, endColumn: 2 });
	});

	it('finds nothing for registers, mnemonics, comments or unknown names', () => {
		expect(at(4, 8)).toBeUndefined();
		expect(at(3, 5)).toBeUndefined();
		expect(at(5, 17)).toBeUndefined();
		expect(definitionAt('j nowhere', 1, 4, indexProgram('j nowhere'))).toBeUndefined();
	});
});
