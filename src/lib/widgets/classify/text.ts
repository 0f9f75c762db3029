/**
 * The classification table in words: the names of the two questions, and the summary that is shown
 * and announced after Check ("7 of 10 answers right. Wrong: sret, privileged; popf, sensitive.").
 * Pure functions of the language and the verdicts.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { CellVerdict, Property } from './check.ts';
import type { ClassifiedInstruction, InstructionSet } from './instructions.ts';

const PROPERTY_KEYS: Record<Property, MessageKey> = {
	sensitive: 'classify.sensitive',
	privileged: 'classify.privileged'
};

/** The question's name as a column header: "Sensitive", "敏感". */
export function propertyName(lang: Lang, property: Property): string {
	return t(lang, PROPERTY_KEYS[property]);
}

/** A checkbox's accessible name: "sret is privileged", "sret 是特权指令". */
export function cellLabel(lang: Lang, code: string, property: Property): string {
	const key = property === 'sensitive' ? 'classify.isSensitive' : 'classify.isPrivileged';
	return t(lang, key, { instruction: code });
}

export function setName(lang: Lang, set: InstructionSet): string {
	return t(lang, set === 'riscv' ? 'classify.set.riscv' : 'classify.set.x86');
}

/** How many answers are right, and which cells are wrong. */
export function summaryText(
	lang: Lang,
	instructions: readonly ClassifiedInstruction[],
	verdicts: readonly CellVerdict[]
): string {
	const right = verdicts.filter((v) => v.right).length;
	const head = t(lang, 'classify.summary', { right, total: verdicts.length });
	const wrong = verdicts.filter((v) => !v.right);
	if (wrong.length === 0) return head;
	const code = new Map(instructions.map((i) => [i.id, i.code]));
	const cells = wrong
		.map((v) =>
			t(lang, 'classify.cell', {
				instruction: code.get(v.id) ?? v.id,
				property: propertyName(lang, v.property)
			})
		)
		.join(t(lang, 'classify.listJoin'));
	return t(lang, 'classify.wrongCells', { summary: head, cells });
}
