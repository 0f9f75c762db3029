/**
 * `::classify{set="riscv; x86"}` shows instructions to classify as sensitive or not and privileged
 * or not (Popek and Goldberg, 1974), and checks the answers. `set` lists the groups to show, in
 * that order: `riscv` (the course's RV32 machine) and `x86`.
 */
import { z } from 'zod';
import { splitList } from '../props.ts';
import { INSTRUCTION_SETS } from './instructions.ts';

export const classifySchema = z
	.object({
		set: z
			.string()
			.transform(splitList)
			.pipe(
				z
					.array(
						z.enum(INSTRUCTION_SETS, {
							message: `each set must be one of ${INSTRUCTION_SETS.join(', ')}`
						})
					)
					.min(1, 'needs at least one set')
					.refine((sets) => new Set(sets).size === sets.length, 'names a set twice')
			)
			.default([...INSTRUCTION_SETS])
	})
	.strict();

export type ClassifyProps = z.output<typeof classifySchema>;
