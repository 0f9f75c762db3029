/**
 * The course offline: after one visit the service worker (src/service-worker.ts) has stored the
 * build, so a page reloads, and another lesson opens, with the network gone.
 */
import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('a page reloads offline after one visit, and other lessons open too', async ({
	page,
	context
}) => {
	await page.goto('lessons/why-virtualize/');
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
	// Installed, with the whole build stored, and in control of the page.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
	const cached = await page.evaluate(async () => {
		const names = await caches.keys();
		return names.filter((n) => n.startsWith('virtlab-')).length;
	});
	expect(cached).toBe(1);

	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('h1')).toContainText('Why virtualize');
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });

	await page.goto('lessons/sharing-memory/');
	await expect(page.locator('[data-widget="memory-dashboard"]')).toBeVisible();
	await page.goto('no-such-page/');
	await expect(page.locator('h1')).toBeVisible();
	await context.setOffline(false);
});
