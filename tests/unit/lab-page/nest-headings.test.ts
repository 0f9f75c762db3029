import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/content/markdown.ts';
import { nestHeadings } from '../../../src/lib/lab-page/nest-headings.ts';

function levels(markdown: string, under: number): (number | string)[] {
	return nestHeadings(parseMarkdown(markdown).children, under).map((node) =>
		node.type === 'heading' ? node.depth : node.type
	);
}

describe('nestHeadings', () => {
	it('drops the title and moves every heading one level under the page heading', () => {
		expect(levels('# Guide\n\nText\n\n## A\n\n### B\n\n## C\n', 2)).toEqual(['paragraph', 3, 4, 3]);
	});

	it('never skips a level, even where the document does', () => {
		expect(levels('# Guide\n\n### A\n\n#### B\n\n## C\n', 2)).toEqual([3, 4, 3]);
	});

	it('stops at h6', () => {
		expect(levels('## A\n\n### B\n\n#### C\n\n##### D\n\n###### E\n', 2)).toEqual([3, 4, 5, 6, 6]);
	});
});
