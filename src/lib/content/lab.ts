/**
 * One lab file to a Lab (src/lib/labs/types.ts), the plain data the grader, the lab page and the
 * `virtlab grade|lab` commands work on. `content/labs/<slug>.md`, with its Chinese translation
 * beside it as `<slug>.zh.md`: front matter, prose, and `:::task{…}` blocks (docs/writing-labs.md).
 * Errors are returned with file:line:col, never thrown, so that one run lists them all.
 */
import type { Code, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { z } from 'zod';
import { math } from '../notebook/math.ts';
import { parseComparison } from '../labs/requirement.ts';
import type { Lab, LabLang, Task, VmmRunSpec } from '../labs/types.ts';
import { errorAt, type ContentError, type Point } from './errors.ts';
import { splitFrontMatter } from './frontMatter.ts';
import {
	answerSettingsSchema,
	asmChecksSchema,
	labFrontMatterSchema,
	modelSettingsSchema,
	taskHeadSchema,
	vmmSettingsSchema
} from './labSchema.ts';
import { parseYamlBlock } from './labYaml.ts';
import { parseMarkdown } from './markdown.ts';
import { renderHtml } from './render.ts';

export interface LabFile {
	/** Path relative to the project root, e.g. `content/labs/trap-emulate.md`. */
	path: string;
	text: string;
}

export interface ParsedLab {
	lab?: Lab;
	errors: ContentError[];
}

/** `trap-emulate.md` → slug `trap-emulate`, English; `trap-emulate.zh.md` is Chinese. */
export function parseLabName(path: string): { slug: string; lang: LabLang } | undefined {
	const base = path.split(/[\\/]/).at(-1) ?? '';
	const match = /^([a-z0-9]+(?:-[a-z0-9]+)*?)(\.zh)?\.md$/.exec(base);
	return match ? { slug: match[1], lang: match[2] ? 'zh' : 'en' } : undefined;
}

/** The code blocks a task takes out of its prose, by their info string's meta word. */
const ROLES = ['starter', 'solution', 'harness'] as const;
type Role = (typeof ROLES)[number];
const ASSEMBLY = ['asm', 's', 'riscv'];

interface TaskParts {
	code: Partial<Record<Role, Code>>;
	checks?: Code;
	prose: RootContent[];
}

function taskParts(
	file: string,
	node: ContainerDirective,
	kind: string,
	errors: ContentError[]
): TaskParts {
	const parts: TaskParts = { code: {}, prose: [] };
	for (const child of node.children as RootContent[]) {
		if (child.type !== 'code') {
			if (child.type === 'containerDirective' || child.type === 'leafDirective')
				errors.push(
					errorAt(file, child.position?.start, `'${child.name}' cannot stand inside a ':::task'`)
				);
			parts.prose.push(child);
			continue;
		}
		const meta = (child.meta ?? '').trim();
		let role: Role | 'checks' | undefined;
		if (child.lang === 'checks') role = 'checks';
		else if ((ROLES as readonly string[]).includes(meta)) role = meta as Role;
		else if (
			(kind === 'asm' || kind === 'vmm') &&
			ASSEMBLY.includes(child.lang ?? '') &&
			meta === ''
		)
			role = 'starter';
		if (role === undefined) {
			parts.prose.push(child);
			continue;
		}
		const taken = role === 'checks' ? parts.checks : parts.code[role];
		if (taken) {
			errors.push(
				errorAt(
					file,
					child.position?.start,
					`this task already has a ${role} block (line ${taken.position?.start.line})`
				)
			);
			continue;
		}
		if (role === 'checks') parts.checks = child;
		else parts.code[role] = child;
	}
	return parts;
}

/** A mathjs expression that does not parse is an error at build time, not when a student checks. */
function expressionError(file: string, at: Point | undefined, what: string, expression: string) {
	try {
		math.parse(expression);
		return [];
	} catch (error) {
		return [
			errorAt(
				file,
				at,
				`${what}: '${expression}' is not a mathjs expression (${(error as Error).message})`
			)
		];
	}
}

function parseTask(
	file: string,
	node: ContainerDirective,
	errors: ContentError[]
): Task | undefined {
	const start = node.position?.start;
	const line = start?.line ?? 1;
	const attributes: Record<string, string> = {};
	for (const [key, value] of Object.entries(node.attributes ?? {})) attributes[key] = value ?? '';
	const { id, kind, title, points, ...settings } = attributes;
	const head = taskHeadSchema.safeParse({ id, kind, title, points });
	if (!head.success) {
		for (const issue of head.error.issues)
			errors.push(errorAt(file, start, `':::task': '${issue.path.join('.')}': ${issue.message}`));
		return undefined;
	}
	const parts = taskParts(file, node, head.data.kind, errors);
	const where = (prefix: string) => `':::task{id=${head.data.id}}': ${prefix}`;

	// Settings: the directive's other attributes, then the ```checks block (YAML).
	let fromBlock: Record<string, unknown> = {};
	if (parts.checks) {
		const block = parseYamlBlock(
			file,
			parts.checks.value,
			(parts.checks.position?.start.line ?? line) + 1,
			asObject,
			'checks'
		);
		if (!block.ok) {
			errors.push(...block.errors);
			return undefined;
		}
		fromBlock = block.data;
		for (const key of Object.keys(settings))
			if (key in fromBlock)
				errors.push(
					errorAt(file, start, where(`'${key}' is set both here and in the checks block`))
				);
	}
	const merged = { ...settings, ...fromBlock };
	// A setting from the checks block is reported at its key's line there.
	const blockPoint = (key: string): Point | undefined => {
		const top = key.split('.')[0];
		if (!parts.checks || !(top in fromBlock)) return undefined;
		const index = parts.checks.value.split('\n').findIndex((text) => text.startsWith(`${top}:`));
		return {
			line: (parts.checks.position?.start.line ?? line) + 1 + Math.max(index, 0),
			column: 1
		};
	};
	const validate = <S extends z.ZodType>(schema: S): z.output<S> | undefined => {
		const result = schema.safeParse(merged);
		if (result.success) return result.data;
		for (const issue of result.error.issues) {
			const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
			for (const key of keys)
				errors.push(
					errorAt(
						file,
						blockPoint(key) ?? start,
						where(
							issue.code === 'unrecognized_keys'
								? `unknown setting '${key}' for a ${head.data.kind} task`
								: `'${key}': ${issue.message}`
						)
					)
				);
		}
		return undefined;
	};
	const rendered = renderHtml(file, parts.prose);
	errors.push(...rendered.errors);
	const base = { ...head.data, html: rendered.html, line };
	const text = (role: Role) => parts.code[role]?.value ?? '';
	const missing = (role: Role) => {
		errors.push(
			errorAt(
				file,
				start,
				where(
					`needs a \`\`\`${head.data.kind === 'asm' || head.data.kind === 'vmm' ? 'asm' : 'yaml'} ${role} block`
				)
			)
		);
		return undefined;
	};

	switch (head.data.kind) {
		case 'asm': {
			const checks = validate(asmChecksSchema);
			if (!checks) return undefined;
			if (!parts.code.solution) return missing('solution');
			if (checks.maxInstructions !== undefined)
				errors.push(
					...expressionError(file, start, where('maxInstructions'), checks.maxInstructions)
				);
			const harness = text('harness');
			return {
				...base,
				kind: 'asm',
				harness: harness && !harness.endsWith('\n') ? `${harness}\n` : harness,
				starter: text('starter'),
				solution: text('solution'),
				checks
			};
		}
		case 'vmm': {
			const settings = validate(vmmSettingsSchema);
			if (!settings) return undefined;
			if (!parts.code.solution) return missing('solution');
			const { output, exits, modelCycles, hints, memory, ...run } = settings;
			if (settings.replaces === 'workload' && run.workloads.length > 0)
				errors.push(
					errorAt(file, start, where("'workloads': a task that replaces the workload runs its own"))
				);
			if (settings.replaces !== 'workload' && run.workloads.length === 0)
				errors.push(errorAt(file, start, where("'workloads': name the workloads to run")));
			const expressions: [string, string | undefined][] = [
				['scale', run.scale],
				['tlbEntries', run.tlbEntries],
				['walkCacheEntries', run.walkCacheEntries],
				['modelCycles', modelCycles],
				...Object.entries(run.params).map(([k, v]): [string, string] => [`params.${k}`, v]),
				...Object.entries(exits).map(([k, v]): [string, string] => [`exits.${k}`, v])
			];
			for (const [name, value] of expressions)
				if (value !== undefined) errors.push(...expressionError(file, start, where(name), value));
			const harness = text('harness');
			const { replaces, ...spec } = run;
			return {
				...base,
				kind: 'vmm',
				replaces,
				harness: harness && !harness.endsWith('\n') ? `${harness}\n` : harness,
				starter: text('starter'),
				solution: text('solution'),
				run: {
					...spec,
					memoryMiB: memory,
					shadowSync: spec.shadowSync as VmmRunSpec['shadowSync']
				},
				checks: { output, exits, modelCycles, hints }
			};
		}
		case 'answer': {
			const answer = validate(answerSettingsSchema);
			if (!answer) return undefined;
			errors.push(...expressionError(file, start, where('solution'), answer.solution));
			return { ...base, kind: 'answer', ...answer };
		}
		case 'model': {
			const model = validate(modelSettingsSchema);
			if (!model) return undefined;
			if (!parts.code.solution) return missing('solution');
			const { metric, compare, target, conditions: listed, require, ...settings } = model;
			// One condition written flat is a list of one: the grader knows only lists.
			const conditions = listed ?? [
				{ set: {}, metric: metric!, compare: compare!, target: target! }
			];
			conditions.forEach((condition, index) => {
				const name = listed ? `conditions.${index}` : '';
				const at = (key: string) => where(name ? `${name}.${key}` : key);
				errors.push(...expressionError(file, start, at('target'), condition.target));
				for (const [key, value] of Object.entries(condition.set))
					if (typeof value === 'string' && value.startsWith('='))
						errors.push(...expressionError(file, start, at(`set.${key}`), value.slice(1)));
			});
			for (const expression of require)
				if (!parseComparison(expression))
					errors.push(
						errorAt(
							file,
							start,
							where(`require: '${expression}' must be one comparison such as ABOVE - BELOW <= 16`)
						)
					);
			return {
				...base,
				kind: 'model',
				...settings,
				conditions,
				require,
				starter: text('starter'),
				solution: text('solution')
			};
		}
		case 'written':
			if (Object.keys(merged).length > 0)
				errors.push(
					errorAt(
						file,
						start,
						where(`a written task has no settings (got ${Object.keys(merged).join(', ')})`)
					)
				);
			return { ...base, kind: 'written', starter: text('starter') };
	}
}

/** Any YAML object; each task kind's schema checks it after the attributes are merged in. */
const asObject = {
	safeParse: (value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? { success: true as const, data: value as Record<string, unknown> }
			: {
					success: false as const,
					error: {
						issues: [
							{ code: 'custom', path: [], message: 'must be a YAML object of name: value lines' }
						]
					}
				}
} as unknown as z.ZodType<Record<string, unknown>>;

export function parseLab(file: LabFile): ParsedLab {
	const errors: ContentError[] = [];
	const name = parseLabName(file.path);
	if (!name)
		errors.push(
			errorAt(
				file.path,
				{ line: 1, column: 1 },
				'a lab file is named slug.md (e.g. trap-emulate.md), its Chinese translation slug.zh.md'
			)
		);
	const { yaml, yamlLine, body } = splitFrontMatter(file.text);
	if (yaml === undefined) {
		errors.push(
			errorAt(
				file.path,
				{ line: 1, column: 1 },
				'missing front matter: start the file with a --- line'
			)
		);
		return { errors };
	}
	const front = parseYamlBlock(file.path, yaml, yamlLine, labFrontMatterSchema, 'front matter');
	if (!front.ok) errors.push(...front.errors);
	const lineOf = (key: string) => {
		const index = yaml.split('\n').findIndex((text) => text.startsWith(`${key}:`));
		return { line: index < 0 ? 1 : yamlLine + index, column: 1 };
	};
	if (front.ok && name && front.data.id !== name.slug)
		errors.push(
			errorAt(
				file.path,
				lineOf('id'),
				`front matter: 'id' is '${front.data.id}' but the file is ${name.slug}${name.lang === 'zh' ? '.zh' : ''}.md: they must match`
			)
		);

	const tree = parseMarkdown(body);
	const intro: RootContent[] = [];
	const tasks: Task[] = [];
	for (const node of tree.children) {
		if (node.type === 'containerDirective' && node.name === 'task') {
			const task = parseTask(file.path, node, errors);
			if (task) {
				const twin = tasks.find((other) => other.id === task.id);
				if (twin)
					errors.push(
						errorAt(
							file.path,
							node.position?.start,
							`task id '${task.id}' is used twice (first at line ${twin.line})`
						)
					);
				else tasks.push(task);
			}
		} else if (node.type === 'containerDirective' || node.type === 'leafDirective') {
			errors.push(
				errorAt(
					file.path,
					node.position?.start,
					`unknown block '${node.name}' in a lab (known: ':::task{…}')`
				)
			);
		} else if (tasks.length > 0) {
			errors.push(
				errorAt(
					file.path,
					node.position?.start,
					"text after the first task belongs inside a ':::task' (or before the first one)"
				)
			);
		} else intro.push(node);
	}
	if (tasks.length === 0 && errors.length === 0)
		errors.push(
			errorAt(file.path, { line: yamlLine, column: 1 }, "a lab needs at least one ':::task{…}'")
		);
	const rendered = renderHtml(file.path, intro);
	errors.push(...rendered.errors);
	if (!front.ok || !name) return { errors };
	for (const task of tasks) {
		if (task.kind !== 'answer' || task.run === undefined) continue;
		const named = tasks.find((other) => other.id === task.run);
		if (named?.kind !== 'asm' && named?.kind !== 'vmm' && named?.kind !== 'model')
			errors.push(
				errorAt(
					file.path,
					{ line: task.line, column: 1 },
					`':::task{id=${task.id}}': run=${task.run} must name an asm, vmm or model task of this lab`
				)
			);
	}
	const sum = tasks.reduce((total, task) => total + task.points, 0);
	if (errors.length === 0 && Math.abs(sum - front.data.points) > 1e-9)
		errors.push(
			errorAt(
				file.path,
				lineOf('points'),
				`front matter: 'points' is ${front.data.points} but the tasks' points add up to ${sum}`
			)
		);
	if (errors.length > 0) return { errors };
	const { summary: _summary, order: _order, ...meta } = front.data;
	const lab: Lab = { ...meta, lang: name.lang, intro: rendered.html, tasks };
	if (front.data.summary) lab.summary = front.data.summary;
	if (front.data.order !== undefined) lab.order = front.data.order;
	return { lab, errors };
}
