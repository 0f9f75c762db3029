import { describe, expect, it } from 'vitest';
import { parseMarkdown, plainText } from '../../../src/lib/content/markdown.ts';
import { renderHtml } from '../../../src/lib/content/render.ts';

function html(markdown: string): string {
	return renderHtml('x.md', parseMarkdown(markdown).children).html;
}

describe('parseMarkdown', () => {
	it('keeps colons in running text exactly as written', () => {
		const text = 'Registers a0:zero and mstatus:MIE, sstatus:SIE{x}, at 10:30, see :abbr[x]{y=z}.';
		expect(html(text)).toBe(`<p>${text}</p>`);
	});

	it('parses tables, inline and display math', () => {
		expect(html('| a | b |\n| - | - |\n| 1 | 2 |')).toContain('<td>1</td>');
		expect(html('Inline $u$ here.')).toContain('class="katex"');
		expect(html('$$\nP = 1\n$$')).toContain('class="katex-display"');
	});

	it('drops raw HTML: lessons cannot inject markup or scripts', () => {
		expect(html('Hi <script>alert(1)</script> there')).not.toContain('<script');
	});
});

describe('plainText', () => {
	it('joins the text of inline nodes', () => {
		const [heading] = parseMarkdown('## The `sret` and $u$ of *it*').children;
		expect(plainText(heading)).toBe('The sret and u of it');
	});
});

describe('renderHtml', () => {
	it('reports a formula KaTeX cannot typeset at its position', () => {
		const { errors } = renderHtml('x.md', parseMarkdown('\n\nSee $\\frac{1}{$ here.').children);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: 'x.md', line: 3, column: 5 });
		expect(errors[0].message).toMatch(/^math: KaTeX parse error/);
	});
});
