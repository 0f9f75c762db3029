/**
 * The parameters of `virtlab model NAME --param value …`: each model declares them; the command
 * line (src/cli/options.ts) gives them as strings, and `readParams` turns those into numbers,
 * lists and strings, reporting a missing or malformed one by name.
 */
import type { Result } from '../../lib/sim/result.ts';

export interface ParamSpec {
	name: string;
	description: string;
	kind: 'number' | 'integer' | 'list' | 'string';
	/** Used when the parameter is not given. */
	default?: number | string;
	/** Without a default: may be left out (the model picks a value). Otherwise it is required. */
	optional?: boolean;
	/** How help describes the value picked when an optional parameter is left out. */
	defaultText?: string;
}

export type ParamValues = Record<string, number | number[] | string>;

/** Reads the declared parameters; rejects unknown ones, missing required ones and bad numbers. */
export function readParams(
	model: string,
	specs: ParamSpec[],
	given: Map<string, string>
): Result<ParamValues> {
	const known = new Set(specs.map((s) => s.name));
	for (const key of given.keys()) {
		if (!known.has(key)) {
			const expected = specs.map((s) => `--${s.name}`).join(', ');
			return {
				ok: false,
				error: {
					param: key,
					message: `unknown parameter --${key} for ${model} (expected ${expected})`
				}
			};
		}
	}
	const values: ParamValues = {};
	for (const spec of specs) {
		const raw = given.get(spec.name);
		if (raw === undefined) {
			if (spec.optional) continue;
			if (spec.default === undefined) {
				return {
					ok: false,
					error: {
						param: spec.name,
						message: `${model} needs --${spec.name} (${spec.description})`
					}
				};
			}
			values[spec.name] = spec.default;
			continue;
		}
		if (spec.kind === 'string') {
			values[spec.name] = raw;
			continue;
		}
		if (spec.kind === 'list') {
			const items = raw.split(',').map((s) => s.trim());
			const numbers = items.map(Number);
			const bad = items.findIndex((s, i) => s === '' || !Number.isFinite(numbers[i]));
			if (bad >= 0) {
				return {
					ok: false,
					error: {
						param: spec.name,
						message: `--${spec.name} must be a comma-separated list of numbers (got '${raw}')`
					}
				};
			}
			values[spec.name] = numbers;
			continue;
		}
		const n = raw.trim() === '' ? Number.NaN : Number(raw);
		if (!Number.isFinite(n) || (spec.kind === 'integer' && !Number.isInteger(n))) {
			const what = spec.kind === 'integer' ? 'an integer' : 'a number';
			return {
				ok: false,
				error: { param: spec.name, message: `--${spec.name} must be ${what} (got '${raw}')` }
			};
		}
		values[spec.name] = n;
	}
	return { ok: true, value: values };
}
