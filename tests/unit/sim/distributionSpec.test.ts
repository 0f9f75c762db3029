import { describe, expect, it } from 'vitest';
import { parseDistribution } from '../../../src/lib/sim/distributionSpec.ts';
import { scv } from '../../../src/lib/sim/distributions.ts';
import { unwrap } from '../../../src/lib/sim/result.ts';

describe('distribution specs', () => {
	it.each([
		['exp:2', 0.5, 1],
		['det:3', 3, 0],
		['uniform:0:2', 1, 1 / 3],
		['erlang:4:2', 2, 0.25],
		['h2:1:4', 1, 4],
		['lognormal:2:0.5', 2, 0.25],
		['empirical:1,3', 2, 0.25]
	])('%s has mean %f and SCV %f', (spec, mean, s) => {
		const d = unwrap(parseDistribution('service', spec));
		expect(d.mean).toBeCloseTo(mean, 10);
		expect(scv(d)).toBeCloseTo(s, 10);
	});

	it('names the option in every error', () => {
		for (const spec of [
			'gamma:1',
			'exp',
			'exp:x',
			'exp:1:2',
			'exp:-1',
			'empirical:',
			'erlang:0:1'
		]) {
			const r = parseDistribution('arrival', spec);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.param).toBe('arrival');
				expect(r.error.message.startsWith('arrival: ')).toBe(true);
			}
		}
	});
});
