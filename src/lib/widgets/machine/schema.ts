/**
 * `::machine{example=loops}`, `::machine{src="programs/count.s"}` (a file in the lessons' folder,
 * read at build time) or, with the program written in the lesson,
 *
 *     :::machine{views="console; registers" breakpoints="12"}
 *     ```asm
 *     _start: li a0, 1
 *     ```
 *     :::
 *
 * embeds the machine workbench (Workbench.svelte) in a lesson or lab. The container's one code
 * block becomes the `source` prop (content/directives.ts `machineBlock`); authors do not write
 * `source=` themselves. Example ids and view names are written out here rather than imported, so
 * that validating a lesson does not pull the assembler into the page; a unit test checks that they
 * agree with examples/catalogue.ts and view-names.ts.
 */
import { z } from 'zod';
import { flag, splitList } from '../props.ts';

export const MACHINE_EXAMPLES = [
	'hello',
	'loops',
	'traps',
	'timer',
	'paging',
	'two-stage'
] as const;
export const MACHINE_VIEWS = [
	'console',
	'registers',
	'csrs',
	'disassembly',
	'memory',
	'traps',
	'tlb'
] as const;

const viewList = z
	.string()
	.transform(splitList)
	.pipe(
		z
			.array(
				z.enum(MACHINE_VIEWS, { message: `each view must be one of ${MACHINE_VIEWS.join(', ')}` })
			)
			.refine((views) => new Set(views).size === views.length, 'names a view twice')
	);

const lineList = z
	.string()
	.transform(splitList)
	.pipe(
		z.array(
			z
				.string()
				.regex(/^\d+$/, 'each breakpoint is a line number of the program')
				.transform(Number)
				.pipe(z.number().int().min(1, 'line numbers start at 1'))
		)
	);

export const machineSchema = z
	.object({
		/** A program of the playground's examples menu (examples/). */
		example: z
			.enum(MACHINE_EXAMPLES, { message: `example must be one of ${MACHINE_EXAMPLES.join(', ')}` })
			.optional(),
		/** The program, from the container's code block. */
		source: z.string().max(200_000, 'the program is longer than 200,000 characters').optional(),
		/** Which views to show, in this order: the console under the controls, the others as tabs. */
		views: viewList.default(['console', 'registers', 'disassembly']),
		/** Lines of the program with a breakpoint at the start. */
		breakpoints: lineList.default([]),
		/** The student may run and step the program but not edit it. */
		readonly: flag.default(false),
		/** Steps a run may take before it stops (an endless loop stops here). */
		budget: z.coerce
			.number()
			.int('budget must be a whole number of steps')
			.min(1000, 'budget must be at least 1,000 steps')
			.max(1e10, 'budget must be at most 10^10 steps')
			.default(10_000_000),
		/** The workbench's name for screen readers and its caption. */
		label: z.string().trim().min(1).optional()
	})
	.strict()
	.refine((p) => (p.example === undefined) !== (p.source === undefined), {
		message:
			"needs one program: example=NAME, src=\"programs/NAME.s\" (a file in the lessons' folder), or ':::machine{…}' with one ```asm code block inside and ':::' after it"
	});

export type MachineProps = z.output<typeof machineSchema>;
