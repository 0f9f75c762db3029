/**
 * Issue 10's done-when checks in the production build, on the memory-virtualization lesson: the
 * page-walk visualizer steps a two-stage walk forward 8 references and back 8 to the same view;
 * switching the shadow synchronisation changes the exit stepper's exits by reason; no console
 * errors; the Chinese page shows the visualizer without English interface text.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pageWalkEn as en } from '../../src/lib/widgets/page-walk/strings.en.ts';
import { pageWalkZh as zh } from '../../src/lib/widgets/page-walk/strings.zh-Hans.ts';
import { collectErrors } from './console.ts';
import { englishLeft } from './english-left.ts';
import { openWidget } from './experiments.ts';

const lesson = 'lessons/memory-virtualization/';

test.describe.configure({ timeout: 120_000 });

/** The lesson's page-walk visualizer, with its three walks recorded. */
async function visualizer(page: Page, path = lesson): Promise<Locator> {
	await page.goto(path);
	const widget = await openWidget(page, 'page-walk');
	await expect(widget.locator('[data-subject]')).toBeVisible({ timeout: 60_000 });
	return widget;
}

test('a two-stage walk steps forward 8 references to the data and back 8 to the same view', async ({
	page
}) => {
	const errors = collectErrors(page);
	const widget = await visualizer(page);
	await expect(widget.getByRole('tab', { name: 'Two-stage' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	const detail = widget.locator('[data-stop]');
	const grid = widget.locator('[data-grid="walk"]');
	await expect(detail).toContainText(/^1\. G level 1 PTE at 0x[0-9a-f]{8}/);
	const before = { detail: await detail.innerText(), grid: await grid.innerHTML() };
	for (let i = 0; i < 8; i++) await widget.locator('[data-step="forward"]').click();
	await expect(detail).toContainText(/^9\. The data at physical 0x[0-9a-f]{8}/);
	await expect(grid.locator('td[aria-current="step"]')).toHaveText(/9/);
	await expect(grid.locator('td[data-state="done"]')).toHaveCount(8);
	// Back by the keyboard on the steps, as a student without a mouse would.
	await widget.locator('.walk').focus();
	for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
	await expect(detail).toContainText(/^1\. G level 1 PTE/);
	expect(await detail.innerText()).toBe(before.detail);
	expect(await grid.innerHTML()).toBe(before.grid);
	// The live region says where the student is.
	await expect(widget.locator('[role="status"]')).toHaveText(/^1\. G level 1 PTE at 0x/);
	// The shadow tab walks two references, natively one dimension as well.
	await widget.getByRole('tab', { name: 'Shadow table' }).click();
	await expect(widget.locator('[data-grid="walk"] td:not([data-state="unused"])')).toHaveCount(3);
	// The model for tables the machine does not have: x86-64's four levels over four, then Sv32
	// over Sv32x4, counted and numbered.
	const model = widget.locator('[data-model]');
	await model.locator('summary').click();
	await expect(model.locator('[data-model-count]')).toHaveText(
		/^A 4-level guest table over a 4-level host table: n·m \+ n \+ m = 24 table references/
	);
	await model.getByLabel(en['pageWalk.modelGuest']).selectOption('2');
	await model.getByLabel(en['pageWalk.modelHost']).selectOption('2');
	await expect(model.locator('[data-model-count]')).toContainText('= 8 table references');
	await expect(model.locator('[data-grid="model"] td:not([data-state="unused"])')).toHaveCount(9);
	expect(errors).toEqual([]);
});

test('switching the shadow synchronisation changes the exits by reason', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto(lesson);
	const stepper = await openWidget(page, 'exit-stepper');
	const writes = stepper
		.locator('table[data-tally="trap"] tr[data-reason="pageTableWrite"] td')
		.first();
	await expect(writes).toHaveText('1,003', { timeout: 60_000 });
	await stepper.locator('[data-control="sync"]').selectOption('unsync');
	await expect(writes).toHaveText('5', { timeout: 60_000 });
	expect(errors).toEqual([]);
});

test('the Chinese page shows the visualizer with no English interface text', async ({ page }) => {
	const errors = collectErrors(page);
	const widget = await visualizer(page, `zh/${lesson}`);
	await widget.locator('[data-step="forward"]').click();
	const shown = await widget.innerText();
	expect(englishLeft(shown, en, zh)).toEqual([]);
	expect(shown).toMatch(/第 \d+ 步，共 \d+ 步/);
	expect(errors).toEqual([]);
});
