/**
 * Checks a widget directive's attributes against the widget's prop schema (src/lib/widgets/
 * schemas.ts) and turns zod's issues into messages that name the prop and list the allowed ones:
 * `widget 'slider': prop 'max': max must be greater than min (allowed props: var, min, max, …)`.
 */
import { z } from 'zod';
import { widgetSchemas } from '../widgets/schemas.ts';

export interface PropProblem {
	/** The prop the problem is about, when there is one; the error then points at it. */
	prop?: string;
	message: string;
}

export type PropsResult =
	{ ok: true; props: Record<string, unknown> } | { ok: false; problems: PropProblem[] };

const schemas: Record<string, z.ZodType> = widgetSchemas;

export function knownWidgets(): string[] {
	return Object.keys(schemas);
}

/** The prop names a schema accepts: the keys of its object, looking through pipes and wrappers. */
export function allowedProps(schema: z.ZodType): string[] {
	if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
	if (schema instanceof z.ZodPipe) return allowedProps(schema.in as z.ZodType);
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
		return allowedProps(schema.unwrap() as z.ZodType);
	}
	return [];
}

export function validateWidgetProps(name: string, attributes: Record<string, string>): PropsResult {
	const schema = schemas[name];
	if (!schema) {
		return {
			ok: false,
			problems: [{ message: `unknown widget '${name}' (known: ${knownWidgets().join(', ')})` }]
		};
	}
	const parsed = schema.safeParse(attributes);
	if (parsed.success) return { ok: true, props: parsed.data as Record<string, unknown> };
	const allowed = `(allowed props: ${allowedProps(schema).join(', ')})`;
	const problems = parsed.error.issues.flatMap((issue): PropProblem[] => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => ({
				prop: key,
				message: `widget '${name}': unknown prop '${key}' ${allowed}`
			}));
		}
		const prop = issue.path[0] === undefined ? undefined : String(issue.path[0]);
		if (prop === undefined) return [{ message: `widget '${name}': ${issue.message} ${allowed}` }];
		if (!(prop in attributes) && issue.code === 'invalid_type') {
			return [{ message: `widget '${name}': prop '${prop}' is missing ${allowed}` }];
		}
		return [{ prop, message: `widget '${name}': prop '${prop}': ${issue.message} ${allowed}` }];
	});
	return { ok: false, problems };
}
