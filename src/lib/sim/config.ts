/**
 * Validation of the JSON configurations of the simulation models (sched, memory, placement) with
 * zod: the first problem becomes a ParamError naming the field by its path, e.g. `vms[2].weight`.
 *
 * The models run in lesson pages too (the memory dashboard, the placement and scheduler widgets),
 * so their schemas use `zod/mini`: the same checks and messages as `zod`, written as functions
 * that a bundler leaves out when unused (about 16 KB gzip in a page here, where all of `zod` was
 * 25 KB; scripts/weight.js). Mini has no messages of its own: it is given zod's English ones.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { formatLimit, MAX_CONFIG_DEPTH, MAX_SEED } from './limits.ts';
import type { ParamError, Result } from './result.ts';

z.config(en());

/**
 * A configuration's random seed. The generator keeps 32 bits of it (random.ts): -1 would silently
 * repeat 4,294,967,295 and 2^32 would repeat 0, so anything outside 0..2^32 - 1 is an error.
 */
export function seedField(fallback: number) {
	const message = `seed must be an integer in 0..${formatLimit(MAX_SEED)}`;
	return z._default(
		z.number().check(z.int(message), z.minimum(0, message), z.maximum(MAX_SEED, message)),
		fallback
	);
}

/** A number that defaults to `fallback`, within what `checks` allow (`z.positive()`, …). */
export function numberField(fallback: number, ...checks: z.core.$ZodCheck<number>[]) {
	return z._default(z.number().check(...checks), fallback);
}

/** A whole number from min to max that defaults to `fallback`. */
export function integerField(fallback: number, min: number, max: number) {
	return numberField(fallback, z.int(), z.minimum(min), z.maximum(max));
}

/** `vms.2.weight` -> `vms[2].weight`. */
export function fieldPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out || '(config)';
}

export function zodError(error: z.core.$ZodError): ParamError {
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

/**
 * How deeply arrays and objects nest in `value`, counted up to `limit + 1` at most. It keeps its
 * own stack instead of recursing, so that the check itself survives any depth.
 */
export function nestingDepth(value: unknown, limit: number): number {
	let deepest = 0;
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length > 0) {
		const [v, depth] = stack.pop() as [unknown, number];
		if (v === null || typeof v !== 'object') continue;
		if (depth + 1 > deepest) deepest = depth + 1;
		if (deepest > limit) return deepest;
		for (const child of Object.values(v)) stack.push([child, depth + 1]);
	}
	return deepest;
}

/** Parses `input` with `schema`; on failure names the first offending field. */
export function parseConfig<S extends z.ZodMiniType>(
	schema: S,
	input: unknown
): Result<z.output<S>> {
	// Both withoutComments and zod recurse into nested values: a file of 100,000 nested `[` would
	// overflow the call stack, so such input is refused before either of them sees it.
	if (nestingDepth(input, MAX_CONFIG_DEPTH) > MAX_CONFIG_DEPTH) {
		return {
			ok: false,
			error: {
				param: '(config)',
				message: `(config): arrays and objects nest more than ${MAX_CONFIG_DEPTH} levels deep`
			}
		};
	}
	const r = schema.safeParse(withoutComments(input));
	if (r.success) return { ok: true, value: r.data };
	return { ok: false, error: zodError(r.error) };
}
