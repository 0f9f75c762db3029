/**
 * YAML inside a lab file (its front matter, a task's ```checks block) validated by a zod schema,
 * with every error at its line and column in the lab file. The lessons' front matter does the same
 * for its one schema (frontMatter.ts); this is the same idea for any schema and any block.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
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

/** Offset in the YAML of the value (or, for an unknown key, the key) at `path`. */
function locate(doc: Document, path: (string | number)[], wantKey: boolean): number | undefined {
	if (wantKey) {
		const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
		if (isMap(parent)) {
			const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1));
			if (isScalar(pair?.key)) return pair.key.range?.[0];
		}
		return undefined;
	}
	const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
	if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range))
		return node.range[0] as number;
	return undefined;
}
