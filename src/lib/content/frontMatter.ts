/**
 * The YAML front matter of a lesson (between `---` lines at the top of the file), validated with
 * zod. Errors point at the offending key or value in the file, not in the YAML snippet.
 */
import { LineCounter, parseDocument } from 'yaml';
import { locate } from './yamlLocate.ts';
import { z } from 'zod';
import { errorAt, type ContentError, type Point } from './errors.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const frontMatterSchema = z.strictObject({
	title: z.string().trim().min(1, 'must not be empty'),
	summary: z.string().trim().min(1, 'must not be empty'),
	objectives: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one'),
	prerequisites: z
		.array(z.string().regex(slugPattern, 'must be a lesson slug such as why-virtualize'))
		.default([]),
	minutes: z.number().int().positive(),
	order: z.number().int().nonnegative()
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

export interface SplitFile {
	/** The YAML text, or undefined when the file has no front matter. */
	yaml: string | undefined;
	/** 1-based line in the file where the YAML text starts (after the opening `---`). */
	yamlLine: number;
	/**
	 * The Markdown after the front matter, with the front matter's lines kept as empty lines so that
	 * positions the Markdown parser reports are positions in the file.
	 */
	body: string;
}

export function splitFrontMatter(text: string): SplitFile {
	const lines = text.split(/\r?\n/);
	if (lines[0]?.trim() !== '---') return { yaml: undefined, yamlLine: 1, body: text };
	const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
	if (end < 0) return { yaml: undefined, yamlLine: 1, body: text };
	const yaml = lines.slice(1, end).join('\n');
	const body = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
	return { yaml, yamlLine: 2, body };
}

export type FrontMatterResult =
	| { ok: true; data: FrontMatter; pointOf: (path: (string | number)[]) => Point }
	| { ok: false; errors: ContentError[] };

export function parseFrontMatter(file: string, text: string): FrontMatterResult {
	const { yaml, yamlLine } = splitFrontMatter(text);
	if (yaml === undefined) {
		return {
			ok: false,
			errors: [
				errorAt(
					file,
					{ line: 1, column: 1 },
					'missing front matter: start the file with a --- line'
				)
			]
		};
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
	const toFile = (offset: number): Point => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: yamlLine + line - 1, column: col };
	};
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((e) =>
				errorAt(file, toFile(e.pos[0]), `front matter: ${e.message.split('\n')[0]}`)
			)
		};
	}
	const parsed = frontMatterSchema.safeParse(doc.toJS() ?? {});
	if (parsed.success) {
		const pointOf = (path: (string | number)[]): Point => {
			const offset = locate(doc, path, false);
			return offset === undefined ? { line: 1, column: 1 } : toFile(offset);
		};
		return { ok: true, data: parsed.data, pointOf };
	}
	const errors = parsed.error.issues.flatMap((issue) => {
		const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
		return keys.map((key) => {
			const path = key === undefined ? issue.path : [...issue.path, key];
			const where = locate(doc, path, key !== undefined);
			const name = path.join('.');
			const message =
				key !== undefined
					? `front matter: unknown key '${key}' (allowed: ${Object.keys(frontMatterSchema.shape).join(', ')})`
					: where === undefined && path.length === 1
						? `front matter: '${name}' is missing`
						: `front matter: '${name}': ${issue.message}`;
			return errorAt(file, where === undefined ? { line: 1, column: 1 } : toFile(where), message);
		});
	});
	return { ok: false, errors };
}
