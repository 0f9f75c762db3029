/**
 * Accessibility of the lesson pages that carry widgets, checked by axe-core in the production
 * build, in the light and the dark colour scheme: any violation fails, with what and where.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const lessons = [
	'/lessons/why-virtualize/',
	'/zh/lessons/why-virtualize/',
	'/lessons/performance-models/',
	'/lessons/sharing-cpus/',
	'/lessons/sharing-memory/',
	'/lessons/resource-allocation/'
];

/** Waits until the notebook has run and every model widget has drawn its first result. */
async function drawn(page: Page) {
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
	const lastChart = {
		'sched-lab': 'shares',
		'memory-dashboard': 'slowdown',
		'placement-viz': 'bins'
	};
	for (const [widget, chart] of Object.entries(lastChart)) {
		if ((await page.locator(`[data-widget="${widget}"]`).count()) === 0) continue;
		await expect(page.locator(`[data-chart="${chart}"]`)).toBeAttached({ timeout: 20_000 });
	}
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} colour scheme`, () => {
		test.use({ colorScheme });
		// axe walks every node of a long lesson page: on a loaded 2-core machine that alone can
		// take longer than the default 30 s.
		test.describe.configure({ timeout: 120_000 });
		for (const path of lessons) {
			test(`axe finds no violation on ${path}`, async ({ page }) => {
				await page.goto(path);
				await drawn(page);
				const { violations } = await new AxeBuilder({ page }).analyze();
				const found = violations.map(
					(v) =>
						`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
				);
				expect(found, found.join('\n')).toEqual([]);
			});
		}
	});
}
