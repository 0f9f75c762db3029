/**
 * YAML inside a lab file (its front matter, a task's ```checks block) validated by a zod schema,
 * with every error at its line and column in the lab file. The lessons' front matter does the same
 * for its one schema (frontMatter.ts); this is the same idea for any schema and any block.
 */
import { LineCounter, parseDocument } from 'yaml';
import { locate } from './yamlLocate.ts';
import type { z } from 'zod';
import { errorAt, type ContentError, type Point } from './errors.ts';

export type YamlResult<T> = { ok: true; data: T } | { ok: false; errors: ContentError[] };

/**
 * Parses `yaml`, whose first line is line `firstLine` of `file` (column offsets are kept: the
 * block is not indented), and validates it with `schema`. `what` starts every message
 * (`front matter`, `checks`).
 */
export function parseYamlBlock<S extends z.ZodType>(
	file: string,
	yaml: string,
	firstLine: number,
	schema: S,
	what: string
): YamlResult<z.output<S>> {
	const lineCounter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
	const toFile = (offset: number): Point => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: firstLine + line - 1, column: col };
	};
	if (doc.errors.length > 0)
		return {
			ok: false,
			errors: doc.errors.map((e) =>
				errorAt(file, toFile(e.pos[0]), `${what}: ${e.message.split('\n')[0]}`)
			)
		};
	const parsed = schema.safeParse(doc.toJS() ?? {});
	if (parsed.success) return { ok: true, data: parsed.data };
	const start = { line: firstLine, column: 1 };
	const errors = parsed.error.issues.flatMap((issue) => {
		const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
		return keys.map((key) => {
			const path = key === undefined ? issue.path : [...issue.path, key];
			const offset = locate(doc, path as (string | number)[], key !== undefined);
			const name = path.join('.');
			const message =
				key !== undefined
					? `${what}: unknown key '${name}'`
					: offset === undefined && path.length > 0
						? `${what}: '${name}' is missing`
						: `${what}: ${name ? `'${name}': ` : ''}${issue.message}`;
			return errorAt(file, offset === undefined ? start : toFile(offset), message);
		});
	});
	return { ok: false, errors };
}
