/**
 * The mathjs instance every notebook uses. mathjs's own expression parser is safe for text a
 * student types: expressions cannot reach JavaScript globals (https://mathjs.org/docs/expressions/security.html).
 * We additionally switch off the few functions that change the shared instance itself (`import`,
 * `createUnit`, `config`): a cell that created a unit would fail with "unit already exists" the next
 * time the lesson re-runs, and one lesson must not change another's units or number type.
 */
import { all, create } from 'mathjs';

export const math = create(all, {});

function disabled(name: string) {
	return () => {
		throw new Error(`Function ${name} is disabled in lesson cells`);
	};
}

/** The instance's tolerances; cells cannot change them (`config` is switched off below). */
const { relTol, absTol } = math.config({}) as { relTol: number; absTol: number };

/**
 * mathjs's `nearlyEqual` for numbers: equal, or apart by no more than relTol of the larger
 * magnitude (or absTol, near zero).
 */
function nearlyEqual(a: number, b: number): boolean {
	if (Number.isNaN(a) || Number.isNaN(b)) return false;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
	if (a === b) return true;
	return Math.abs(a - b) <= Math.max(relTol * Math.max(Math.abs(a), Math.abs(b)), absTol);
}

/**
 * `ceil` and `floor` of a number give what mathjs's give, faster. mathjs forgives rounding noise
 * (`ceil(0.1 * 3 * 10)` is 3, although the product is 3.0000000000000004): when x is nearly equal
 * to round(x) and not to the integer it was pushed to, it answers round(x). But its `round` prints
 * the number to text twice on the way (toFixed), about 25 µs a call, and a plot sweeping
 * `ceil(work / target)` spent a third of its time there. The nearest integer matters only when x
 * is nearly equal to it, and Math.round then finds the same one (it differs from mathjs's round
 * only halfway between integers, where neither is nearly equal to x, or both are and the answer is
 * the pushed one either way). tests/unit/notebook/math.test.ts compares the two with mathjs's own.
 */
function forgiving(x: number, pushed: number): number {
	const nearest = Math.round(x);
	if (nearest === pushed) return pushed;
	if (!nearlyEqual(x, nearest) || nearlyEqual(x, pushed)) return pushed;
	// `floor(-1e-16)` is 0, not -0, in mathjs.
	return nearest === 0 ? 0 : nearest;
}

/** A typed function's implementations, by signature (mathjs's types leave them out). */
function signatures(fn: unknown): Record<string, (...args: never[]) => unknown> {
	return (fn as { signatures: Record<string, (...args: never[]) => unknown> }).signatures;
}

math.import(
	{
		ceil: math.typed('ceil', {
			...signatures(math.ceil),
			number: (x: number) => forgiving(x, Math.ceil(x))
		}),
		floor: math.typed('floor', {
			...signatures(math.floor),
			number: (x: number) => forgiving(x, Math.floor(x))
		}),
		import: disabled('import'),
		createUnit: disabled('createUnit'),
		config: disabled('config')
	},
	{ override: true }
);
