import { describe, expect, it } from 'vitest';
import { readParams, type ParamSpec } from '../../../../src/cli/model/args.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

const specs: ParamSpec[] = [
	{ name: 'lambda', description: 'arrival rate', kind: 'number' },
	{ name: 'c', description: 'servers', kind: 'integer', default: 1 },
	{ name: 'demands', description: 'demands', kind: 'list', optional: true }
];

describe('model arguments', () => {
	it('reads numbers, integers, lists and defaults', () => {
		const v = unwrap(
			readParams(
				'm',
				specs,
				new Map([
					['lambda', '2.5'],
					['demands', '0.2, 0.1']
				])
			)
		);
		expect(v).toEqual({ lambda: 2.5, c: 1, demands: [0.2, 0.1] });
	});

	it('names the parameter when it is missing, unknown or malformed', () => {
		const cases: [Map<string, string>, string][] = [
			[new Map(), 'lambda'],
			[
				new Map([
					['lambda', '1'],
					['mu', '1']
				]),
				'mu'
			],
			[new Map([['lambda', 'abc']]), 'lambda'],
			[new Map([['lambda', '']]), 'lambda'],
			[
				new Map([
					['lambda', '1'],
					['c', '1.5']
				]),
				'c'
			],
			[
				new Map([
					['lambda', '1'],
					['demands', '1,,2']
				]),
				'demands'
			]
		];
		for (const [given, param] of cases) {
			const r = readParams('m', specs, given);
			expect(r.ok ? '' : r.error.param).toBe(param);
		}
	});
});
