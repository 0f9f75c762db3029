/**
 * Widgets at any width: squeezed down to 100 px (or to nothing) they draw no negative size and log
 * no error, and at a phone's 360 px no page scrolls sideways except inside labelled, focusable
 * regions (wide tables and equations), so that a keyboard can scroll them too. The English lessons
 * get that check with their experiments open in a11y.spec.ts; the outline, a Chinese lesson and the
 * playground get it here.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';
import { renderEverything, unlabelledScrollers } from './experiments.ts';

const widgetLessons = [
	'lessons/performance-models/',
	'lessons/sharing-cpus/',
	'lessons/sharing-memory/',
	'lessons/resource-allocation/'
];

async function ready(page: Page) {
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

/** Attributes of SVG shapes that are negative or not numbers, as "tag attr=value" strings. */
function badSizes(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('[data-widget] svg *')].flatMap((element) =>
			['width', 'height', 'r'].flatMap((name) => {
				const value = element.getAttribute(name);
				if (value === null || value.endsWith('%')) return [];
				const n = Number(value);
				return Number.isFinite(n) && n >= 0 ? [] : [`${element.tagName} ${name}=${value}`];
			})
		)
	);
}

for (const path of widgetLessons) {
	test(`every widget on ${path} shrinks to 100 px and to nothing without an error`, async ({
		page
	}) => {
		const errors = collectErrors(page);
		await page.goto(path);
		await ready(page);
		await page.waitForTimeout(500);
		for (const width of ['100px', '0px', '360px']) {
			await page.evaluate((w) => {
				for (const widget of document.querySelectorAll<HTMLElement>('[data-widget]')) {
					widget.style.width = w;
					widget.style.padding = '0';
				}
			}, width);
			// Let the charts measure themselves and the settled models re-run.
			await page.waitForTimeout(400);
			expect(await badSizes(page), `at ${width}`).toEqual([]);
		}
		expect(errors).toEqual([]);
	});
}

test.describe('at 360 px', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	// Every lesson in English is checked at 360 px with its experiments open by a11y.spec.ts.
	for (const path of ['./', 'zh/lessons/why-virtualize/', 'playground/']) {
		test(`${path} scrolls sideways only inside labelled, focusable regions`, async ({ page }) => {
			await page.goto(path);
			if (path.includes('lessons/')) await ready(page);
			else if (path.includes('playground/'))
				await expect(page.locator('[data-status]')).toContainText('Ready', { timeout: 30_000 });
			await renderEverything(page);
			await page.waitForTimeout(500);
			const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(pageWidth).toBeLessThanOrEqual(360);
			// Polled: a table that grows in one task is marked by its ResizeObserver at the next frame,
			// and a busy page may still be drawing its last results when the first look comes.
			await expect.poll(() => unlabelledScrollers(page), { timeout: 5_000 }).toEqual([]);
		});
	}
});
