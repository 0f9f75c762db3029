import { describe, expect, it } from 'vitest';
import {
	checkAtMost,
	checkFiniteResult,
	checkInteger,
	checkRate,
	fail,
	firstError,
	ModelInputError,
	ok,
	unwrap
} from '../../../src/lib/sim/result.ts';

describe('Result', () => {
	it('unwrap returns the value or throws a ModelInputError naming the parameter', () => {
		expect(unwrap(ok(3))).toBe(3);
		try {
			unwrap(fail('mu', 'mu must be > 0'));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ModelInputError);
			expect((e as ModelInputError).param).toBe('mu');
			expect((e as ModelInputError).message).toBe('mu must be > 0');
		}
	});

	it('checkRate rejects NaN, Infinity, and values out of range', () => {
		expect(checkRate('lambda', 1)).toBeNull();
		expect(checkRate('lambda', 0)?.message).toBe('lambda must be > 0 (got 0)');
		expect(checkRate('lambda', 0, 'non-negative')).toBeNull();
		expect(checkRate('lambda', Number.NaN)?.param).toBe('lambda');
		expect(checkRate('lambda', Infinity)?.param).toBe('lambda');
	});

	it('checkInteger and firstError', () => {
		expect(checkInteger('c', 2, 1)).toBeNull();
		expect(checkInteger('c', 1.5, 1)?.param).toBe('c');
		expect(firstError(null, checkInteger('c', 0, 1), checkRate('mu', -1))).toEqual({
			ok: false,
			error: { param: 'c', message: 'c must be an integer >= 1 (got 0)' }
		});
		expect(firstError(null)).toBeNull();
	});

	it('checkAtMost names the parameter and the bound', () => {
		expect(checkAtMost('n', 100, 100)).toBeNull();
		expect(checkAtMost('n', 1e308, 100_000)).toEqual({
			param: 'n',
			message: 'n = 1e+308 is too large (at most 100,000)'
		});
	});

	it('checkFiniteResult finds NaN and Infinity in nested results and blames the first input', () => {
		expect(
			checkFiniteResult({ lambda: 1 }, { W: 1, X: [0, 1], bounds: { knee: null } })
		).toBeNull();
		const e = checkFiniteResult({ lambda: 1e-300, mu: 1e300 }, { rho: 0, X: [1, Infinity] });
		expect(e?.param).toBe('lambda');
		expect(e?.message).toBe(
			'lambda = 1e-300, mu = 1e+300: too extreme to compute in double precision (X[1] = Infinity)'
		);
		const long = checkFiniteResult({ demands: new Array(1000).fill(1) }, { W: Number.NaN });
		expect(long?.message).toContain('… 1000 values');
	});
});
