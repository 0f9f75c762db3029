import { describe, expect, it } from 'vitest';
import { notebookStrings } from '../../../src/lib/notebook/strings.ts';

describe('notebookStrings', () => {
	it('fills values into the English dictionary entries', () => {
		const en = notebookStrings.en;
		expect(en.cell(3)).toBe('Cell 3');
		expect(en.plotAlt(['hosts', 'power'], 'u', '5%', '95%')).toBe(
			'Line plot of hosts and power against u, from 5% to 95%.'
		);
	});

	it('says "exactly right" for an exact answer and names the tolerance otherwise', () => {
		const en = notebookStrings.en;
		expect(en.close('14', null)).toBe('Exactly right: the model gives 14.');
		expect(en.close('14', '5 %')).toContain('within 5 %');
		expect(en.far('14', null)).toMatch(/^Not quite/);
		expect(en.far('14', '5 %')).toMatch(/^Not within 5 %/);
	});

	it('joins lists the Chinese way in Chinese', () => {
		expect(notebookStrings.zh.plotAlt(['主机数', '功率'], 'u', '5%', '95%')).toBe(
			'主机数和功率随 u 变化的折线图，u 从 5% 到 95%。'
		);
		expect(notebookStrings.zh.cell(2)).toBe('单元格 2');
	});
});
