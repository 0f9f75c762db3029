/**
 * Issue 13's done-when checks, in the production build: a prediction hides its experiment until it
 * is answered (and stays answered after a reload); a cell shows every value it names; `52 %` is an
 * answer; the page shows its cells' values before mathjs has loaded; and a lesson page's first
 * JavaScript stays within its weight budget. (That the opened experiments pass axe is checked
 * with every lesson's page in a11y.spec.ts, which answers every prediction first.)
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eSite } from '../../scripts/site.js';
import { budgetKB, entryScripts, measure } from '../../scripts/weight.js';
import { collectErrors } from './console.ts';

/** The cell whose output names `name` (`hostsAfter = …`); none while it is hidden. */
function cellNaming(page: Page, name: string): Locator {
	const label = page.locator('output .name', { hasText: new RegExp(`^${name} =$`) });
	return page.locator('[data-cell]').filter({ has: label });
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

test('a prediction hides its experiment until it is answered, also after a reload', async ({
	page
}) => {
	const errors = collectErrors(page);
	await open(page, 'lessons/why-virtualize/');
	const block = page.locator('[data-predict-block]').first();
	const hostsCell = cellNaming(page, 'hostsAfter');
	await expect(block).toHaveAttribute('data-answered', 'false');
	await expect(hostsCell).toHaveCount(0);
	await expect(block).toContainText('Make your prediction first');

	// The keyboard alone: type the prediction, press Enter.
	const box = block.getByRole('textbox', {
		name: 'How many hosts are needed after consolidation?'
	});
	await box.fill('12');
	await box.press('Enter');
	await expect(hostsCell).toBeVisible();
	await expect(hostsCell.locator('output')).toContainText(/hostsAfter =\s*14/);
	await expect(block.locator('.feedback')).toContainText('the model gives 14 hosts');

	await page.reload();
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
	await expect(hostsCell).toBeVisible();
	await expect(block.getByRole('textbox').first()).toHaveValue('12');
	expect(errors).toEqual([]);
});

test('a cell shows every value it names', async ({ page }) => {
	await open(page, 'lessons/why-virtualize/');
	const containers = cellNaming(page, 'asContainers');
	await expect(containers.locator('output')).toContainText(/asVMs =\s*85/);
	await expect(containers.locator('output')).toContainText(/asContainers =\s*128/);
	const carve = cellNaming(page, 'runsOutFirst');
	await expect(carve.locator('output')).toContainText(/vmsPerHost =\s*16/);
	await expect(carve.locator('output')).toContainText(/runsOutFirst =\s*"cores"/);
});

test('52 % is an answer in a box that shows %', async ({ page }) => {
	await open(page, 'lessons/sharing-cpus/');
	const form = page.locator('form.predict', { hasText: 'What steal time' });
	const box = form.getByRole('textbox');
	const feedback = form.locator('.feedback');
	// A first answer opens the cell; it tells us the model's percentage (52 in the lesson as first
	// written, whatever its current figures give).
	await box.fill('1 %');
	await form.getByRole('button', { name: 'Check' }).click();
	const steal = cellNaming(page, 'stealPercent').locator('output .row', {
		hasText: 'stealPercent'
	});
	await expect(steal).toBeVisible();
	const percent = (await steal.locator('.value').textContent())!.trim();
	await expect(feedback).toContainText(`the model gives ${percent} %`);
	for (const typed of [`${percent} %`, `${percent}%`]) {
		await box.fill(typed);
		await box.press('Enter');
		await expect(feedback).toContainText(`the model gives ${percent} %`);
		await expect(feedback).toHaveClass(/close/);
	}
});

test('the page shows its cells’ values before mathjs has loaded', async ({ page }) => {
	// Hold back every script the page does not preload: the lazily loaded engine never arrives.
	const response = await page.request.get('lessons/why-virtualize/');
	const preloaded = [...(await response.text()).matchAll(/href="([^"]+\.js)"/g)].map((m) => m[1]);
	await page.route('**/_app/immutable/**/*.js', (route) => {
		const path = new URL(route.request().url()).pathname;
		return preloaded.includes(path) ? route.continue() : route.abort();
	});
	await open(page, 'lessons/why-virtualize/');
	const busy = cellNaming(page, 'u_example');
	await expect(busy.locator('output')).toContainText(/u_example =\s*0\.2/);
	await expect(cellNaming(page, 'migrationTime').locator('output')).toContainText(
		/migrationTime =\s*13\.744 s/
	);
	await expect(page.locator('.lesson-body')).not.toHaveAttribute('data-engine', 'live');
});

test(`a lesson or playground page loads at most ${budgetKB} KB of JavaScript before interaction`, async () => {
	// scripts/e2e.js (or the suite's web server) has just built the site under test.
	const pages = measure(e2eSite.dir, e2eSite.base);
	const budgeted = pages.filter((page) => page.budgeted);
	expect(budgeted.map((page) => page.path)).toContain('/playground/');
	expect(budgeted.length).toBeGreaterThan(2);
	for (const page of budgeted) expect(page.kb, page.path).toBeLessThanOrEqual(budgetKB);
});

test("a lesson page names its own widgets' scripts in its head, and no other widget's", async () => {
	// The client build's manifest says which chunk holds each widget's component.
	const manifest = JSON.parse(
		readFileSync(join(e2eSite.kitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, { file: string }>;
	const chunk = (file: string) => `${e2eSite.base}/${manifest[`src/lib/widgets/${file}`].file}`;
	const scripts = (path: string) =>
		entryScripts(readFileSync(join(e2eSite.dir, path, 'index.html'), 'utf8'));
	const dashboard = chunk('memory-dashboard/MemoryDashboard.svelte');
	const plot = chunk('plot/Plot.svelte');
	expect(scripts('lessons/sharing-memory')).toContain(dashboard);
	expect(scripts('zh/lessons/sharing-memory')).toContain(dashboard);
	expect(scripts('lessons/why-virtualize')).toContain(plot);
	expect(scripts('lessons/why-virtualize')).not.toContain(dashboard);
	expect(scripts('lessons/sharing-memory')).not.toContain(plot);
});
