/**
 * Prop types shared by the widget schemas. Directive attributes arrive as strings
 * (`::plot{logy from=1}` gives `{ logy: '', from: '1' }`), so each helper coerces a string into the
 * value the component wants and rejects anything else with a message an author can act on.
 */
import { parse } from 'mathjs';
import { format as d3format } from 'd3-format';
import { z } from 'zod';

/** A mathjs variable name: what a slider binds and a plot sweeps. */
export const identifier = z
	.string()
	.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)');

/** A bare attribute (`logy`) or `logy=true` means on; `logy=false` or leaving it out means off. */
export const flag = z.preprocess((value) => {
	if (value === '' || value === 'true' || value === true) return true;
	if (value === 'false' || value === false) return false;
	return value;
}, z.boolean());

/** Whether mathjs can parse `text`; the message says why not. */
function parseError(text: string): string | undefined {
	try {
		parse(text);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** One mathjs expression, checked for syntax at build time (its values come at run time). */
export const expression = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.superRefine((text, ctx) => {
		const message = parseError(text);
		if (message)
			ctx.addIssue({ code: 'custom', message: `is not a mathjs expression: ${message}` });
	});

/** Split `a; b; c` into trimmed, non-empty parts. */
export function splitList(text: string): string[] {
	return text
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part.length > 0);
}

/** `"hosts; power"`: one or more expressions separated by semicolons. */
export const expressionList = z
	.string()
	.transform(splitList)
	.pipe(z.array(expression).min(1, 'needs at least one expression'));

/** `"Hosts needed; Total power"`: labels separated by semicolons. */
export const labelList = z.string().transform(splitList);

/** A d3-format specifier such as `.0%` or `,.1f` (https://d3js.org/d3-format). */
export const numberFormat = z.string().superRefine((specifier, ctx) => {
	try {
		d3format(specifier);
	} catch {
		ctx.addIssue({ code: 'custom', message: `is not a d3-format specifier (try ".0%" or ",.1f")` });
	}
});

/** `"N=40; u=0.15"`: variables fixed to numbers. */
export const assignments = z.string().transform((text, ctx) => {
	const values: Record<string, number> = {};
	for (const part of splitList(text)) {
		const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(-?[0-9.]+(?:e[-+]?[0-9]+)?)$/i.exec(part);
		if (!match || !Number.isFinite(Number(match[2]))) {
			ctx.addIssue({ code: 'custom', message: `"${part}" is not of the form name=number` });
			return z.NEVER;
		}
		values[match[1]] = Number(match[2]);
	}
	return values;
});

/** A seed for a model's random numbers: any 31-bit non-negative integer, 1 unless given. */
export const seed = z.coerce
	.number()
	.int()
	.min(0)
	.max(2 ** 31 - 1)
	.default(1);
