/**
 * Checking a classification: each of the student's two answers per instruction (sensitive?
 * privileged?) against the right one. Pure, so the widget only draws what this returns.
 */
import type { ClassifiedInstruction } from './instructions.ts';

/** The two questions asked about every instruction. */
export const PROPERTIES = ['sensitive', 'privileged'] as const;
export type Property = (typeof PROPERTIES)[number];

/** What the student ticked for one instruction (an unticked box means "no"). */
export type Answer = Record<Property, boolean>;
/** Instruction id -> answer. */
export type Answers = Record<string, Answer>;

export const NO: Answer = { sensitive: false, privileged: false };

/** One checked cell: the instruction, the question, and whether the student got it right. */
export interface CellVerdict {
	id: string;
	property: Property;
	right: boolean;
}

/** Every cell of `instructions`, checked against `answers` (a missing answer counts as "no"). */
export function checkAnswers(
	instructions: readonly ClassifiedInstruction[],
	answers: Answers
): CellVerdict[] {
	return instructions.flatMap((instruction) =>
		PROPERTIES.map((property) => ({
			id: instruction.id,
			property,
			right: (answers[instruction.id] ?? NO)[property] === instruction[property]
		}))
	);
}

/**
 * The verdict to show for a cell now: the one from the last Check, but only while the box still
 * holds the answer that was checked (a box changed since is waiting for the next Check).
 */
export function shownVerdict(
	verdicts: readonly CellVerdict[] | null,
	checked: Answers | null,
	answers: Answers,
	id: string,
	property: Property
): boolean | undefined {
	if (!verdicts || !checked) return undefined;
	if ((checked[id] ?? NO)[property] !== (answers[id] ?? NO)[property]) return undefined;
	return verdicts.find((v) => v.id === id && v.property === property)?.right;
}
