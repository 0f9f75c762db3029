/**
 * The schemas of a lab file (docs/writing-labs.md): its front matter, and each task kind's
 * settings, written as `:::task{…}` attributes or in a ```checks block (YAML) inside the task.
 */
import { z } from 'zod';
import { registerNumber } from '../emulator/asm/registers.ts';
import { GUEST_SOURCES } from '../emulator/guests/sources.generated.ts';
import { WORKLOADS } from '../emulator/guests/build.ts';
import { EXIT_REASONS } from '../emulator/vmm/exit-reasons.ts';
import { SHADOW_SYNCS } from '../emulator/vmm/shadow-paging.ts';
import { MODEL_NAMES } from '../labs/check-model.ts';
import type { ModelName } from '../labs/types.ts';

const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
/** A parameter reaches assembly as `.equ NAME` and mathjs as a variable: an identifier. */
const paramName = /^[A-Za-z_][A-Za-z0-9_]*$/;

const paramSpec = z.union([
	z.strictObject({
		int: z
			.tuple([z.number().int(), z.number().int()])
			.refine(([low, high]) => low <= high, 'wants [low, high] with low <= high')
	}),
	z.strictObject({
		choice: z.array(z.union([z.string(), z.number()])).min(1, 'needs at least one value')
	})
]);

export const labFrontMatterSchema = z.strictObject({
	id: slug,
	title: z.string().trim().min(1, 'must not be empty'),
	summary: z.string().trim().min(1).optional(),
	/** Where the lab comes in the list of labs (1, 2, …); labs without one come last. */
	order: z.number().int().positive().optional(),
	version: z.number().int().positive(),
	points: z.number().positive(),
	due: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-15')
		.refine((text) => !Number.isNaN(Date.parse(text)), 'is not a date')
		.optional()
		.or(z.date().transform((d) => d.toISOString().slice(0, 10))),
	params: z
		.record(z.string().regex(paramName, 'parameter names are identifiers such as COUNT'), paramSpec)
		.default({})
});

export type LabFrontMatter = z.output<typeof labFrontMatterSchema>;

/** Attributes every task has. Attribute values are text; numbers are coerced. */
export const taskHeadSchema = z.object({
	id: slug,
	kind: z.enum(['asm', 'vmm', 'answer', 'model', 'written']),
	title: z.string().trim().min(1, 'must not be empty'),
	points: z.coerce.number().positive()
});

const register = z
	.string()
	.refine((name) => registerNumber(name) !== undefined, 'is not a register');
const checkNames = [
	'assemble',
	'finish',
	'output',
	'exitCode',
	'registers',
	'memory',
	'instructions'
] as const;

/** Default budget: instructions retired plus trap entries; model choice, far above any lab program. */
export const DEFAULT_ASM_BUDGET = 5_000_000;

export const asmChecksSchema = z.strictObject({
	output: z.boolean().default(true),
	exitCode: z.boolean().default(true),
	registers: z.array(register).default([]),
	memory: z
		.array(z.strictObject({ symbol: z.string().min(1), words: z.number().int().min(1).max(1024) }))
		.default([]),
	maxInstructions: z.union([z.string(), z.number()]).transform(String).optional(),
	budget: z.number().int().min(1000).max(100_000_000).default(DEFAULT_ASM_BUDGET),
	hints: z.partialRecord(z.enum(checkNames), z.string()).default({})
});

export const answerSettingsSchema = z.strictObject({
	solution: z.union([z.string(), z.number()]).transform(String),
	rtol: z.coerce.number().min(0).max(1).default(0.01),
	atol: z.coerce.number().min(0).default(0),
	unit: z.string().optional(),
	hint: z.string().optional(),
	run: z.string().optional()
});

const modelCompare = z.enum(['<=', '<', '>=', '>']);
const modelTarget = z.union([z.string(), z.number()]).transform(String);

/** One run of a model task and what it must meet; `set` fixes input keys for this run. */
export const modelConditionSchema = z.strictObject({
	set: z.record(z.string(), z.unknown()).default({}),
	metric: z.string().min(1),
	compare: modelCompare,
	target: modelTarget,
	hint: z.string().optional()
});

export const modelSettingsSchema = z
	.strictObject({
		model: z.enum(MODEL_NAMES as [ModelName, ...ModelName[]]),
		base: z.record(z.string(), z.unknown()).default({}),
		fields: z.array(z.string()).default([]),
		variables: z.array(z.string().regex(/^[A-Za-z_]\w*$/, 'a variable is a name')).default([]),
		// One condition written flat, or several as `conditions` (lab.ts makes the first a list).
		metric: z.string().min(1).optional(),
		compare: modelCompare.optional(),
		target: modelTarget.optional(),
		conditions: z.array(modelConditionSchema).min(1, 'name at least one condition').optional(),
		require: z
			.union([z.string().min(1), z.array(z.string().min(1))])
			.transform((value) => (typeof value === 'string' ? [value] : value))
			.default([]),
		hint: z.string().optional()
	})
	.refine((s) => s.fields.length + s.variables.length > 0, {
		message: 'name at least one parameter the student sets (fields or variables)',
		path: ['fields']
	})
	.refine(
		(s) =>
			s.conditions === undefined
				? s.metric !== undefined && s.compare !== undefined && s.target !== undefined
				: s.metric === undefined && s.compare === undefined && s.target === undefined,
		{
			message: 'give metric, compare and target, or a list of conditions, each with its own',
			path: ['metric']
		}
	);

/** A number or a mathjs expression in the parameters, kept as text (lab.ts checks it parses). */
const expression = z.union([z.string().min(1), z.number()]).transform(String);
const exitNames = ['total', ...Object.keys(EXIT_REASONS)];

/** Default budget of a vmm run: guest instructions, traps and exits (model choice: ~50× a lab workload). */
export const DEFAULT_VMM_BUDGET = 50_000_000;
/** Default guest RAM of a vmm run in MiB: what the course's guest needs (its README), and quick. */
export const DEFAULT_VMM_MEMORY_MIB = 16;

export const vmmSettingsSchema = z.strictObject({
	replaces: z.string().refine(
		(name) => name === 'workload' || (name.startsWith('kernel/') && name in GUEST_SOURCES),
		`must be 'workload' or a kernel file (${Object.keys(GUEST_SOURCES)
			.filter((name) => name.startsWith('kernel/'))
			.join(', ')})`
	),
	workloads: z
		.array(
			z
				.string()
				.refine(
					(name) => WORKLOADS.some((w) => w.name === name),
					`is not one of the course's workloads (${WORKLOADS.map((w) => w.name).join(', ')})`
				)
		)
		.default([]),
	modes: z.array(z.enum(['native', 'trap', 'pv', 'hw'])).min(1, 'name at least one mode'),
	scale: expression.default('1'),
	params: z.record(z.string(), expression).default({}),
	tlbEntries: expression.optional(),
	shadowSync: z.enum(SHADOW_SYNCS as [string, ...string[]]).optional(),
	walkCacheEntries: expression.optional(),
	gStageMegapages: z.boolean().optional(),
	memory: z.number().int().min(12).max(512).default(DEFAULT_VMM_MEMORY_MIB),
	budget: z.number().int().min(1000).max(1_000_000_000).default(DEFAULT_VMM_BUDGET),
	output: z.boolean().default(true),
	exits: z
		.record(z.string(), expression)
		.superRefine((exits, context) => {
			for (const name of Object.keys(exits))
				if (!exitNames.includes(name))
					context.addIssue({
						code: 'custom',
						path: [name],
						message: `is not an exit reason (${exitNames.join(', ')})`
					});
		})
		.default({}),
	modelCycles: expression.optional(),
	hints: z
		.partialRecord(z.enum(['assemble', 'finish', 'output', 'exits', 'modelCycles']), z.string())
		.default({})
});
