/**
 * The playground's code editor (src/lib/widgets/machine/editor) in the production build, on
 * /playground: RISC-V highlighting, the assembler's errors as markers that follow the text,
 * instruction docs on hover, breakpoints from the gutter and F9 that move with their lines, and
 * Ctrl+M so that Tab can leave the editor. Pages without an editor load none of Monaco.
 *
 * It relies on the page showing one editor labelled "Program" whose diagnostics come from the
 * assembler as the text changes. Monaco's own class names (`view-line`, `squiggly-error`,
 * `monaco-hover-content`, `line-numbers`) and the editor's decorations (`virtlab-breakpoint`) are
 * the only way to see its rendering.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editorEn } from '../../src/lib/widgets/machine/editor/strings.en.ts';
import { collectErrors } from './console.ts';

test.describe.configure({ timeout: 60_000 });

const PROGRAM = ['_start:', '\tli a0, 1', '\tfrob a0', 'loop:', '\taddi a0, a0, 1', '\tj loop', ''];

/** The editor, loaded, holding `lines`. */
async function editorWith(page: Page, lines: string[]): Promise<Locator> {
	await page.goto('playground/');
	const input = page.getByRole('textbox', { name: 'Program' });
	await expect(input).toBeAttached({ timeout: 30_000 });
	await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
	await replaceText(page, input, lines);
	return input;
}

async function replaceText(page: Page, input: Locator, lines: string[]): Promise<void> {
	await input.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.insertText(lines.join('\n'));
	await expect(page.locator('.view-line').first()).toHaveText(lines[0]);
}

/**
 * The rendered line `n` (1-based), found by its number in the gutter. Monaco rebuilds the gutter
 * as it renders, so the number can be missing for a moment: ask again until it is there.
 */
async function lineBox(page: Page, n: number) {
	const number = page.locator('.line-numbers').getByText(String(n), { exact: true });
	let box = await number.boundingBox();
	for (let tries = 0; !box && tries < 50; tries++) {
		await page.waitForTimeout(100);
		box = await number.boundingBox();
	}
	if (!box) throw new Error(`line ${n} is not on screen`);
	return box;
}

/** A word in the text, as Monaco renders it: one token's span. */
function token(page: Page, text: string): Locator {
	return page.locator('.view-line span span').getByText(text, { exact: true }).first();
}

test('colours instructions, marks the bad line, and clears the mark once it is fixed', async ({
	page
}) => {
	const errors = collectErrors(page);
	const input = await editorWith(page, PROGRAM);

	const colour = (l: Locator) => l.evaluate((e) => getComputedStyle(e).color);
	expect(await colour(token(page, 'li'))).not.toBe(await colour(token(page, 'a0')));
	expect(await colour(token(page, 'li'))).not.toBe(await colour(token(page, 'frob')));

	const squiggle = page.locator('.squiggly-error');
	await expect(squiggle).toHaveCount(1, { timeout: 10_000 });
	const mark = (await squiggle.boundingBox())!;
	const line3 = await lineBox(page, 3);
	expect(Math.abs(mark.y + mark.height / 2 - (line3.y + line3.height / 2))).toBeLessThan(
		line3.height
	);

	await replaceText(page, input, PROGRAM.with(2, '\tnop'));
	await expect(squiggle).toHaveCount(0, { timeout: 10_000 });
	expect(errors).toEqual([]);
});

test('hovering an instruction shows what it does', async ({ page }) => {
	await editorWith(page, PROGRAM.with(2, '\tnop'));
	await token(page, 'addi').hover();
	await expect(page.locator('.monaco-hover-content').first()).toContainText('rd = rs1 + imm12', {
		timeout: 10_000
	});
});

test('F9 and a click in the gutter toggle breakpoints, which move with their lines', async ({
	page
}) => {
	const errors = collectErrors(page);
	const input = await editorWith(page, PROGRAM.with(2, '\tnop'));
	const dots = page.locator('.virtlab-breakpoint');

	// F9 on the cursor's line (line 1 after Ctrl+Home, then down to line 2).
	await input.focus();
	await page.keyboard.press('ControlOrMeta+Home');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('F9');
	await expect(dots).toHaveCount(1);
	await page.keyboard.press('F9');
	await expect(dots).toHaveCount(0);

	// A click in the glyph margin, left of the number of line 5.
	const margin = (await page.locator('.monaco-editor .glyph-margin').first().boundingBox())!;
	const line5 = await lineBox(page, 5);
	await page.mouse.click(margin.x + margin.width / 2, line5.y + line5.height / 2);
	await expect(dots).toHaveCount(1);
	const before = (await dots.boundingBox())!;
	expect(Math.abs(before.y - line5.y)).toBeLessThan(line5.height / 2);

	// A line inserted at the top pushes the breakpoint down one line.
	await input.focus();
	await page.keyboard.press('ControlOrMeta+Home');
	await page.keyboard.press('Enter');
	const line6 = await lineBox(page, 6);
	await expect
		.poll(async () => Math.abs((await dots.boundingBox())!.y - line6.y))
		.toBeLessThan(line6.height / 2);
	expect(errors).toEqual([]);
});

test('Tab indents, and after Ctrl+M it moves the focus out of the editor', async ({ page }) => {
	const input = await editorWith(page, PROGRAM.with(2, '\tnop'));
	await expect(page.getByText(editorEn['editor.tabHint'])).toBeVisible();
	const insideEditor = () =>
		page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);

	await input.focus();
	await page.keyboard.press('Tab');
	expect(await insideEditor()).toBe(true);

	await page.keyboard.press('Control+M');
	await page.keyboard.press('Tab');
	expect(await insideEditor()).toBe(false);
});

test('a page without an editor loads nothing of Monaco', async ({ page }) => {
	const monaco: string[] = [];
	page.on('request', (r) => {
		if (/monaco|codicon|editor\.worker/i.test(r.url())) monaco.push(r.url());
	});
	await page.goto('./');
	await page.waitForLoadState('networkidle');
	expect(monaco).toEqual([]);
});

test('at 360 px the editor fits the screen', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await editorWith(page, PROGRAM);
	const box = (await page.locator('.monaco-editor').boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(360);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
