import { describe, expect, it } from 'vitest';
import { math } from '../../../src/lib/notebook/math.ts';
import { LayeredScope } from '../../../src/lib/notebook/scope.ts';

describe('LayeredScope', () => {
	it('reads through to its base and keeps its own writes and deletes', () => {
		const base = new Map<string, unknown>([
			['a', 1],
			['b', 2]
		]);
		const scope = new LayeredScope(base);
		expect(scope.get('a')).toBe(1);
		scope.set('a', 10).set('c', 3);
		expect(scope.delete('b')).toBe(true);
		expect(scope.delete('b')).toBe(false);
		expect([...scope.entries()]).toEqual([
			['a', 10],
			['c', 3]
		]);
		expect(scope.has('b')).toBe(false);
		expect(scope.get('b')).toBeUndefined();
		expect(scope.size).toBe(2);
		scope.set('b', 20);
		expect(scope.get('b')).toBe(20);
		expect(base).toEqual(
			new Map([
				['a', 1],
				['b', 2]
			])
		);
		scope.clear();
		expect(scope.size).toBe(0);
	});

	it('is a scope mathjs evaluates in, functions included', () => {
		const base = new Map<string, unknown>([['k', 3]]);
		const scope = new LayeredScope(base);
		math.evaluate('f(t) = t * k', scope);
		expect(math.evaluate('y = f(2)', scope)).toBe(6);
		expect(scope.get('y')).toBe(6);
		expect(base.has('y')).toBe(false);
	});
});
