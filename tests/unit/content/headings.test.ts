import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { assignHeadingIds } from '../../../src/lib/content/headings.ts';
import { parseMarkdown } from '../../../src/lib/content/markdown.ts';

const original = {
	file: 'content/lessons/01-x.md',
	headings: [
		{ id: 'hosts-needed', text: 'Hosts needed', depth: 2 },
		{ id: 'power', text: 'Power', depth: 3 },
		{ id: 'questions', text: 'Questions', depth: 2 }
	]
};

describe('assignHeadingIds for a translation', () => {
	it('reuses the ids of the original, so #anchors name the same section in both languages', () => {
		const { headings, errors } = assignHeadingIds(
			'x.zh.md',
			parseMarkdown('## 所需主机数\n\n### 功率\n\n## 问题'),
			original
		);
		expect(errors).toEqual([]);
		expect(headings.map((h) => h.id)).toEqual(['hosts-needed', 'power', 'questions']);
		expect(headings.map((h) => h.text)).toEqual(['所需主机数', '功率', '问题']);
	});

	it('reports a heading that does not line up with the original', () => {
		const { errors } = assignHeadingIds(
			'x.zh.md',
			parseMarkdown('## 所需主机数\n\n## 功率'),
			original
		);
		expect(errors.map(formatContentError)[0]).toBe(
			"x.zh.md:3:1: heading '功率' (level 2) does not match the heading at the same place in content/lessons/01-x.md: a translation keeps the original's sections, so that the language switch keeps the reader's place"
		);
		expect(errors.map(formatContentError)[1]).toBe(
			"x.zh.md:3:6: has 2 headings where content/lessons/01-x.md has 3: 'Questions' has no translation"
		);
	});
});
