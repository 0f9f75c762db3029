import { describe, expect, it } from 'vitest';
import { checkAnswers, shownVerdict } from '../../../../src/lib/widgets/classify/check.ts';
import { instructionsOf } from '../../../../src/lib/widgets/classify/instructions.ts';

const x86 = instructionsOf(['x86']);

describe('checking a classification', () => {
	it('marks each of the two answers per instruction, an empty box counting as no', () => {
		// The classic mistake: POPF taken for privileged, SGDT for harmless; CR3 left unanswered.
		const verdicts = checkAnswers(x86, {
			popf: { sensitive: true, privileged: true },
			sgdt: { sensitive: false, privileged: false }
		});
		expect(verdicts).toEqual([
			{ id: 'popf', property: 'sensitive', right: true },
			{ id: 'popf', property: 'privileged', right: false },
			{ id: 'sgdt', property: 'sensitive', right: false },
			{ id: 'sgdt', property: 'privileged', right: true },
			{ id: 'mov-cr3', property: 'sensitive', right: false },
			{ id: 'mov-cr3', property: 'privileged', right: false }
		]);
	});

	it('finds everything right when the answers are the table’s own', () => {
		const answers = Object.fromEntries(
			x86.map((i) => [i.id, { sensitive: i.sensitive, privileged: i.privileged }])
		);
		expect(checkAnswers(x86, answers).every((v) => v.right)).toBe(true);
	});

	it('shows a cell’s mark only while the box holds the answer that was checked', () => {
		const checked = { popf: { sensitive: true, privileged: true } };
		const verdicts = checkAnswers(x86, checked);
		expect(shownVerdict(verdicts, checked, checked, 'popf', 'privileged')).toBe(false);
		expect(shownVerdict(verdicts, checked, checked, 'popf', 'sensitive')).toBe(true);
		const changed = { popf: { sensitive: true, privileged: false } };
		expect(shownVerdict(verdicts, checked, changed, 'popf', 'privileged')).toBeUndefined();
		expect(shownVerdict(verdicts, checked, changed, 'popf', 'sensitive')).toBe(true);
		expect(shownVerdict(null, null, changed, 'popf', 'sensitive')).toBeUndefined();
	});
});
