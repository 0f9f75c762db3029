/**
 * The sweep's shortcut (re-running only the statements that depend on x and feed the plot) must give
 * exactly what re-running the whole lesson gives. fast-check builds random little lessons: cells of
 * assignments that mix x, earlier variables, constants, functions, reassignments and statements that
 * fail only for some values of x.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCells } from '../../../src/lib/notebook/program.ts';
import { plotExpression, samples, sweep } from '../../../src/lib/notebook/sweep.ts';

/** A random right-hand side over the names defined so far. */
function term(names: string[]): fc.Arbitrary<string> {
	const atom = fc.oneof(
		fc.constantFrom(...names),
		fc.integer({ min: 1, max: 9 }).map(String),
		fc.constant('x')
	);
	return fc.oneof(
		atom,
		fc
			.tuple(atom, fc.constantFrom('+', '*', '-', '/'), atom)
			.map(([a, op, b]) => `${a} ${op} ${b}`),
		// Fails only where x is large: errors that come and go along the sweep.
		atom.map((a) => `x > 0.6 ? missingName : ${a}`),
		atom.map((a) => `f(${a})`)
	);
}

const lessonArbitrary = fc
	.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 })
	.chain((cellSizes) => {
		const total = cellSizes.reduce((a, b) => a + b, 0);
		// Statement i assigns v<i> (or, sometimes, reassigns v0) from names defined before it.
		const statements = Array.from({ length: total }, (_, i) => {
			const names = ['k', ...Array.from({ length: i }, (_, j) => `v${j}`)];
			return fc
				.tuple(term(names), fc.boolean())
				.map(([rhs, reassign]) =>
					reassign && i > 1 && rhs.length % 7 === 0 ? `v0 = ${rhs}` : `v${i} = ${rhs}`
				);
		});
		return fc.tuple(fc.constant(cellSizes), fc.tuple(...statements));
	})
	.map(([cellSizes, statements]) => {
		const sources: string[] = ['k = 2\nf(t) = t * k + x'];
		let at = 0;
		for (const size of cellSizes) {
			sources.push(statements.slice(at, at + size).join('\n'));
			at += size;
		}
		return { sources, count: at };
	});

describe('sweep slicing', () => {
	it('gives what full re-runs give, on random lessons', () => {
		fc.assert(
			fc.property(lessonArbitrary, fc.nat(), ({ sources, count }, pick) => {
				const program = compileCells(sources.map((source, i) => ({ id: `c${i}`, source })));
				const wanted = [`v${pick % count}`, `v${(pick * 7) % count} + k`].map(plotExpression);
				const xs = samples(0, 1, 6);
				const sliced = sweep(program, { x: 0.3 }, 'x', xs, wanted);
				const full = sweep(program, { x: 0.3 }, 'x', xs, wanted, { slice: false });
				expect(sliced).toEqual(full);
			}),
			{ numRuns: 300, seed: 20261126 }
		);
	});
});
