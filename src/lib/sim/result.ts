/**
 * How every model reports bad input: a Result that either holds a value or names the parameter
 * that is wrong and says why. Formulas never return NaN or Infinity dressed as an answer; a
 * widget can evaluate hundreds of points per frame without try/catch, and the CLI prints the
 * message as it is.
 */
import { formatLimit } from './limits.ts';

export interface ParamError {
	/** The parameter at fault, spelled as the user typed it (e.g. `lambda`, `vms[2].weight`). */
	param: string;
	/** One line, naming the parameter and the rule it broke. */
	message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ParamError };

export function ok<T>(value: T): Result<T> {
	return { ok: true, value };
}

export function fail<T = never>(param: string, message: string): Result<T> {
	return { ok: false, error: { param, message } };
}

/** The typed error thrown by `unwrap`, for callers that prefer exceptions. */
export class ModelInputError extends Error {
	readonly param: string;
	constructor(error: ParamError) {
		super(error.message);
		this.name = 'ModelInputError';
		this.param = error.param;
	}
}

export function unwrap<T>(result: Result<T>): T {
	if (!result.ok) throw new ModelInputError(result.error);
	return result.value;
}

/** Checks that a value is a finite number (> 0 when `positive`, >= 0 otherwise). */
export function checkRate(
	param: string,
	value: number,
	rule: 'positive' | 'non-negative' = 'positive'
): ParamError | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return { param, message: `${param} must be a finite number (got ${value})` };
	}
	if (rule === 'positive' && value <= 0) {
		return { param, message: `${param} must be > 0 (got ${value})` };
	}
	if (rule === 'non-negative' && value < 0) {
		return { param, message: `${param} must be >= 0 (got ${value})` };
	}
	return null;
}

/** Checks that a value is an integer >= `min`. */
export function checkInteger(param: string, value: number, min: number): ParamError | null {
	if (!Number.isInteger(value) || value < min) {
		return { param, message: `${param} must be an integer >= ${min} (got ${value})` };
	}
	return null;
}

/**
 * Checks that a count is at most `max`, one of the bounds of limits.ts that keep a loop over it
 * short. Call it after checkInteger, which rejects fractions, NaN and negative values.
 */
export function checkAtMost(param: string, value: number, max: number): ParamError | null {
	if (value > max) {
		return { param, message: `${param} = ${value} is too large (at most ${formatLimit(max)})` };
	}
	return null;
}

/**
 * Checks that every number of a result, in arrays and nested objects too, is finite. Inputs that
 * are valid but extreme (lambda = 1e-300 next to mu = 1e300, say) can overflow or underflow double
 * precision inside a formula; the NaN or Infinity that would come out becomes an error instead.
 * `inputs` are the parameters the formula was given: the message lists them and blames the first.
 */
export function checkFiniteResult(
	inputs: Record<string, number | number[]>,
	result: object
): ParamError | null {
	const bad = firstNonFinite(result, '');
	if (bad === null) return null;
	const names = Object.keys(inputs);
	const given = names.map((k) => `${k} = ${briefly(inputs[k])}`).join(', ');
	return {
		param: names[0],
		message: `${given}: too extreme to compute in double precision (${bad})`
	};
}

/** A number, or a list short enough for a one-line message. */
function briefly(v: number | number[]): string {
	if (!Array.isArray(v)) return String(v);
	return v.length <= 6
		? `[${v.join(', ')}]`
		: `[${v.slice(0, 6).join(', ')}, … ${v.length} values]`;
}

/** `W = Infinity` for the first field that is not a finite number; null when there is none. */
function firstNonFinite(value: unknown, path: string): string | null {
	if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const bad = firstNonFinite(value[i], `${path}[${i}]`);
			if (bad) return bad;
		}
		return null;
	}
	if (value !== null && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			const bad = firstNonFinite(v, path ? `${path}.${k}` : k);
			if (bad) return bad;
		}
	}
	return null;
}

/** The first error of a list of checks, as a failed Result; null when all passed. */
export function firstError<T>(...errors: (ParamError | null)[]): Result<T> | null {
	for (const e of errors) if (e) return { ok: false, error: e };
	return null;
}
