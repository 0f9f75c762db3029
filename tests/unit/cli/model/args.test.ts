import { describe, expect, it } from 'vitest';
import { parseArgs, readParams, type ParamSpec } from '../../../../src/cli/model/args.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

const specs: ParamSpec[] = [
	{ name: 'lambda', description: 'arrival rate', kind: 'number' },
	{ name: 'c', description: 'servers', kind: 'integer', default: 1 },
	{ name: 'demands', description: 'demands', kind: 'list', optional: true }
];

describe('model arguments', () => {
	it('parses the model name, --key value, --key=value, --json and negative numbers', () => {
		const a = unwrap(parseArgs(['mm1', '--lambda', '0.5', '--mu=1', '--x', '-2', '--json']));
		expect(a.name).toBe('mm1');
		expect(Object.fromEntries(a.params)).toEqual({ lambda: '0.5', mu: '1', x: '-2' });
		expect(a.json).toBe(true);
	});

	it('rejects a flag without a value, a repeated flag and a stray word', () => {
		expect(parseArgs(['mm1', '--lambda']).ok).toBe(false);
		expect(parseArgs(['mm1', '--lambda', '--mu', '1']).ok).toBe(false);
		const twice = parseArgs(['mm1', '--mu', '1', '--mu', '2']);
		expect(twice.ok ? '' : twice.error.param).toBe('mu');
		expect(parseArgs(['mm1', 'extra']).ok).toBe(false);
	});

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
