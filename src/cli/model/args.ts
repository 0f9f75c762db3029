/**
 * Parsing of `virtlab model NAME --param value …`: flags become a map of strings; each model
 * then reads the parameters it declares, so an unknown or malformed one is reported by name.
 */
import type { Result } from '../../lib/sim/result.ts';

export interface ParsedArgs {
	name: string | undefined;
	params: Map<string, string>;
	json: boolean;
	help: boolean;
}

export function parseArgs(args: string[]): Result<ParsedArgs> {
	const params = new Map<string, string>();
	let name: string | undefined;
	let json = false;
	let help = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--json') json = true;
		else if (arg === '--help' || arg === '-h') help = true;
		else if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
			const value: string | undefined = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
			if (eq < 0) {
				if (value === undefined || (value.startsWith('--') && !/^--?\d/.test(value))) {
					return { ok: false, error: { param: key, message: `--${key} needs a value` } };
				}
				i++;
			}
			if (params.has(key)) {
				return { ok: false, error: { param: key, message: `--${key} is given twice` } };
			}
			params.set(key, value ?? '');
		} else if (name === undefined) name = arg;
		else {
			return {
				ok: false,
				error: { param: arg, message: `unexpected argument '${arg}' (parameters are --name value)` }
			};
		}
	}
	return { ok: true, value: { name, params, json, help } };
}

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
