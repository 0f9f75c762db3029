import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../../../src/lib/widgets/classify/check.ts';
import { instructionsOf } from '../../../../src/lib/widgets/classify/instructions.ts';
import { cellLabel, summaryText } from '../../../../src/lib/widgets/classify/text.ts';

const x86 = instructionsOf(['x86']);
const answers = {
	popf: { sensitive: true, privileged: true },
	sgdt: { sensitive: true, privileged: false },
	'mov-cr3': { sensitive: true, privileged: true }
};

describe('the classification in words', () => {
	it('counts the right answers and names the wrong cells', () => {
		expect(summaryText('en', x86, checkAnswers(x86, answers))).toBe(
			'5 of 6 answers right. Wrong: popf (Privileged).'
		);
		expect(summaryText('zh', x86, checkAnswers(x86, answers))).toBe(
			'6 个答案中答对了 5 个。答错的：popf（特权）。'
		);
	});

	it('says only the count when all is right', () => {
		const right = { ...answers, popf: { sensitive: true, privileged: false } };
		expect(summaryText('en', x86, checkAnswers(x86, right))).toBe('6 of 6 answers right.');
	});

	it('names each checkbox by its instruction and question', () => {
		expect(cellLabel('en', 'sret', 'privileged')).toBe('sret is privileged');
		expect(cellLabel('zh', 'sret', 'sensitive')).toBe('sret 是敏感指令');
	});
});
