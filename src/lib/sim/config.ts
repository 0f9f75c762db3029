/**
 * Validation of the JSON configurations of the simulation models (sched, memory, placement) with
 * zod: the first problem becomes a ParamError naming the field by its path, e.g. `vms[2].weight`.
 */
import type { z } from 'zod';
import type { ParamError, Result } from './result.ts';

/** `vms.2.weight` -> `vms[2].weight`. */
export function fieldPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out || '(config)';
}

export function zodError(error: z.ZodError): ParamError {
	const issue = error.issues[0];
	const param = fieldPath(issue.path);
	return { param, message: `${param}: ${issue.message}` };
}

/**
 * JSON has no comments, so configurations may document themselves with `"$comment"` keys at any
 * level (as JSON Schema does); they are dropped before validation.
 */
export function withoutComments(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutComments);
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) if (k !== '$comment') out[k] = withoutComments(v);
		return out;
	}
	return value;
}

/** Parses `input` with `schema`; on failure names the first offending field. */
export function parseConfig<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
	const r = schema.safeParse(withoutComments(input));
	if (r.success) return { ok: true, value: r.data };
	return { ok: false, error: zodError(r.error) };
}
