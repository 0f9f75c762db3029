/**
 * What the charts show, as a demanding student reads them: text large enough, log axes in plain
 * decimals, no two legend entries or lines alike, runs that stay to be compared, stretches named
 * by their vCPU, counts in the right plural, and lesson links that say when they change language.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`chart text is at least 12 px on every widget lesson (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		for (const slug of [
			'performance-models',
			'sharing-cpus',
			'sharing-memory',
			'resource-allocation'
		]) {
			await open(page, `/lessons/${slug}/`);
			await expect(page.locator('[data-widget] svg text').first()).toBeAttached({
				timeout: 20_000
			});
			const small = await page.evaluate(() =>
				[...document.querySelectorAll('[data-widget] svg text, .lesson-body svg text')]
					.map((e) => ({ text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize) }))
					.filter((e) => e.size < 12)
			);
			expect(small, slug).toEqual([]);
		}
	});
}

test('log axes write 0.1 and 0.01, not 100m and 10m', async ({ page }) => {
	await open(page, '/lessons/performance-models/');
	const labels = await page.locator('[data-axis] text').allTextContents();
	expect(labels.length).toBeGreaterThan(10);
	for (const label of labels) expect(label).not.toMatch(/^\d+(\.\d+)?[mµk]$/);
	expect(labels).toContain('0.1');
});

test('the response explorer with one server names M/M/c apart from M/M/1', async ({ page }) => {
	await open(page, '/lessons/performance-models/');
	const explorer = page.locator('[data-widget="response-explorer"]');
	const c = explorer.locator('[data-control="c"]');
	await c.focus();
	await page.keyboard.press('Home');
	await expect(c).toHaveValue('1');
	const labels = (await explorer.locator('fieldset label').allTextContents()).map((s) => s.trim());
	expect(new Set(labels).size).toBe(labels.length);
	await expect(explorer.locator('.readout-text')).toContainText('c = 1');
});

test('the queue simulator says each step, explains its two means and keeps earlier seeds', async ({
	page
}) => {
	const errors = collectErrors(page);
	await open(page, '/lessons/performance-models/');
	const sim = page.locator('[data-widget="queue-sim"]');
	await sim.getByRole('button', { name: 'Step one event' }).click();
	const narrative = sim.locator('[data-narrative]');
	await expect(narrative).toContainText('a customer arrives');
	const box = await narrative.boundingBox();
	expect(box!.width).toBeGreaterThan(100);
	expect(box!.height).toBeGreaterThan(10);
	await expect(sim.locator('.note').last()).toContainText('warm-up');

	const finished = sim.locator('[data-chart="curve"] circle.point:not(.live)');
	await sim.locator('[data-action="run"]').click();
	await expect(finished).toHaveCount(1, { timeout: 30_000 });
	await sim.locator('[data-action="reseed"]').click();
	await sim.locator('[data-action="run"]').click();
	await expect(finished).toHaveCount(2, { timeout: 30_000 });
	// Two runs at the same utilization, side by side, each with its interval.
	const xs = await finished.evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
	expect(Math.abs(xs[1] - xs[0])).toBeGreaterThan(8);
	await expect(sim.locator('[data-chart="curve"] rect.band')).toHaveCount(2);
	expect(errors).toEqual([]);
});

test('no two lines of the memory dashboard share a colour and a dash', async ({ page }) => {
	await open(page, '/lessons/sharing-memory/');
	const dashboard = page.locator('[data-widget="memory-dashboard"]');
	await expect(dashboard.locator('[data-chart="slowdown"]')).toBeAttached({ timeout: 20_000 });
	const styles = await dashboard
		.locator('path.line')
		.evaluateAll((els) =>
			els.map((e) => `${e.getAttribute('stroke')} ${e.getAttribute('stroke-dasharray') ?? ''}`)
		);
	expect(styles.length).toBe(8);
	expect(new Set(styles).size).toBe(styles.length);
	await expect(dashboard).toContainText('jumps when batch starts');
});

test('the Gantt names the vCPUs, shows spinning, and VMs differ by pattern too', async ({
	page
}) => {
	await open(page, '/lessons/sharing-cpus/');
	const lab = page.locator('[data-widget="sched-lab"]');
	const gantt = lab.locator('[data-chart="gantt"]');
	await expect(gantt).toBeAttached({ timeout: 20_000 });
	await expect(gantt.locator('text.vcpu').first()).toHaveText(/^(web|batch|db)\.\d$/);
	await expect(lab.locator('.legend').first()).toContainText('spinning on a lock');
	const spins = await gantt
		.locator('rect[data-spin]')
		.evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
	for (const width of spins) expect(width).toBeGreaterThanOrEqual(4);
	const fills = await gantt
		.locator('rect[data-vm]:not([data-spin])')
		.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('fill')))]);
	for (const fill of fills) expect(fill).toMatch(/^url\(#.+-pattern-\d\)$/);

	// Counts in the right plural: five vCPUs on five pCPUs is one vCPU per pCPU.
	const pcpus = lab.locator('[data-control="pcpus"]');
	await pcpus.focus();
	await page.keyboard.press('End');
	await expect(lab.locator('.controls')).toContainText('(1 vCPU per pCPU)');
	await expect(lab.locator('.controls')).toContainText('(1 vCPU)');
});

test('placement bins fill each kind of VM with its own pattern', async ({ page }) => {
	await open(page, '/lessons/resource-allocation/');
	const bins = page.locator('[data-chart="bins"]');
	await expect(bins).toBeAttached({ timeout: 20_000 });
	const fills = await bins
		.locator('rect.block')
		.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('fill')))]);
	expect(fills.length).toBeGreaterThan(1);
	for (const fill of fills) expect(fill).toMatch(/^url\(#.+-pattern-\d\)$/);
});

test('the footer speaks of model cycles only on pages that show them', async ({ page }) => {
	for (const path of ['/', '/lessons/why-virtualize/', '/zh/lessons/sharing-cpus/']) {
		await page.goto(path);
		await expect(page.locator('footer')).toBeVisible();
		await expect(page.locator('footer')).not.toContainText('model cycles');
		await expect(page.locator('footer')).not.toContainText('模型周期');
	}
});

test('a Chinese lesson’s link to an English-only lesson carries the 英文版 tag', async ({
	page
}) => {
	await page.goto('/zh/lessons/why-virtualize/');
	const next = page.locator('.pager a[rel="next"]');
	await expect(next).toContainText('英文版');
	await expect(next.locator('[data-language-tag]')).toHaveAttribute('lang', 'zh-Hans');
	// English pages link to English lessons: no tag.
	await page.goto('/lessons/why-virtualize/');
	await expect(page.locator('.pager a[rel="next"]')).not.toContainText('in English');
});
