/**
 * How every model reports bad input: a Result that either holds a value or names the parameter
 * that is wrong and says why. Formulas never return NaN or Infinity dressed as an answer; a
 * widget can evaluate hundreds of points per frame without try/catch, and the CLI prints the
 * message as it is.
 */
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

/** The first error of a list of checks, as a failed Result; null when all passed. */
export function firstError<T>(...errors: (ParamError | null)[]): Result<T> | null {
	for (const e of errors) if (e) return { ok: false, error: e };
	return null;
}
