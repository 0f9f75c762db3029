import { describe, expect, it } from 'vitest';
import {
	bindArguments,
	parseMacroHeader,
	splitArguments,
	substitute
} from '../../../../src/lib/emulator/asm/macros.ts';

describe('macros', () => {
	it('parses parameters with defaults and :req', () => {
		expect(parseMacroHeader(' push reg:req, slot=0')).toEqual({
			name: 'push',
			params: [
				{ name: 'reg', default: undefined, required: true },
				{ name: 'slot', default: '0', required: false }
			]
		});
		expect(parseMacroHeader(' two a b')).toEqual({
			name: 'two',
			params: [
				{ name: 'a', default: undefined, required: false },
				{ name: 'b', default: undefined, required: false }
			]
		});
	});

	it('binds positional, named and space-separated arguments', () => {
		const h = parseMacroHeader('m a, b=7') as Exclude<ReturnType<typeof parseMacroHeader>, string>;
		expect([...(bindArguments(h, 'x0, 4(sp)') as Map<string, string>)]).toEqual([
			['a', 'x0'],
			['b', '4(sp)']
		]);
		expect([...(bindArguments(h, 'b=1, a=t0') as Map<string, string>)]).toEqual([
			['b', '1'],
			['a', 't0']
		]);
		expect([...(bindArguments(h, 'a0 a1') as Map<string, string>)]).toEqual([
			['a', 'a0'],
			['b', 'a1']
		]);
		expect(bindArguments(h, '1, 2, 3')).toBe("macro 'm' takes 2 arguments, given 3");
	});

	it('substitutes \\param, \\@ and \\()', () => {
		const bound = new Map([
			['r', 'a0'],
			['reg', 't1']
		]);
		expect(substitute('add \\reg, \\r, \\r\\()x \\@', bound, 3)).toBe('add t1, a0, a0x 3');
	});

	it('takes the longest parameter name that ends where a name cannot go on', () => {
		const bound = new Map([
			['a', '1'],
			['a.b', '2']
		]);
		expect(substitute('\\a.b \\a.c \\ab \\a', bound, 0)).toBe('2 1.c \\ab 1');
	});

	it('gives up on a line longer than the limit', () => {
		const bound = new Map([['a', 'x'.repeat(100)]]);
		expect(substitute('\\a\\a', bound, 0, 200)).toHaveLength(200);
		expect(substitute('\\a\\a\\a', bound, 0, 200)).toBeUndefined();
	});

	it('splits arguments at top-level commas only', () => {
		expect(splitArguments('a, f(1, 2), "x,y"')).toEqual(['a', 'f(1, 2)', '"x,y"']);
	});
});
