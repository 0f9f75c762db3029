/**
 * Widgets at any width: squeezed down to 100 px (or to nothing) they draw no negative size and log
 * no error, and at a phone's 360 px no lesson scrolls sideways except inside labelled, focusable
 * regions (wide tables and equations), so that a keyboard can scroll them too.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';
import { openExperiments, renderEverything, unlabelledScrollers } from './experiments.ts';

/** The CPU-virtualization lessons, whose tables and exit steppers sit inside predictions. */
const cpuLessons = [
	'/lessons/popek-goldberg/',
	'/lessons/trap-and-emulate/',
	'/lessons/paravirtualization/',
	'/lessons/hardware-assist/'
];

const widgetLessons = [
	'/lessons/performance-models/',
	'/lessons/sharing-cpus/',
	'/lessons/sharing-memory/',
	'/lessons/resource-allocation/'
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

	for (const path of [
		'/',
		...widgetLessons,
		...cpuLessons,
		'/lessons/why-virtualize/',
		'/zh/lessons/why-virtualize/',
		'/playground/'
	]) {
		test(`${path} scrolls sideways only inside labelled, focusable regions`, async ({ page }) => {
			// The CPU lessons run the hypervisor for their exit steppers: slow on two shared cores.
			if (cpuLessons.includes(path)) test.setTimeout(60_000);
			await page.goto(path);
			if (cpuLessons.includes(path)) await openExperiments(page);
			else if (path.includes('/lessons/')) await ready(page);
			else if (path.includes('/playground/'))
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
