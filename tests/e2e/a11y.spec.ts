/**
 * Accessibility of every page in the production build, checked by axe-core: the outline in both
 * languages, the 404 page, every lesson in English, and every lesson's Chinese page where it has a
 * translation (a lesson without one has no Chinese page: the Chinese outline and pager link to its
 * English page, which is checked here). English pages are checked in the dark colour scheme on a
 * phone's 360 px, Chinese ones in the light scheme on a desktop, so that every lesson is seen in
 * both schemes and at both widths while each page is checked once (the suite must stay within its
 * time on two cores). Any violation fails, with what and where; so does chart text under 12 px.
 * Pages are listed from content/lessons, so a new lesson or translation is checked without
 * touching this file.
 */
import { axeViolations } from './axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import {
	openEveryDetails,
	openExperiments,
	renderEverything,
	unlabelledScrollers
} from './experiments.ts';

/** The lesson files' slugs in one language (`NN-slug.md`, `NN-slug.zh.md`). */
function slugs(suffix: '' | '.zh'): string[] {
	const name = new RegExp(`^\\d+-([a-z0-9-]+)${suffix.replace('.', '\\.')}\\.md$`);
	return readdirSync('content/lessons').flatMap((file) => name.exec(file)?.[1] ?? []);
}

const pages = [
	'./',
	'zh/',
	'404',
	'playground/',
	'zh/playground/',
	...['instructor/', 'zh/instructor/', 'labs/trap-emulate/', 'zh/labs/trap-emulate/'],
	...slugs('').map((slug) => `lessons/${slug}/`),
	...slugs('.zh').map((slug) => `zh/lessons/${slug}/`)
];

/**
 * Opens every prediction's experiment and waits until the notebook has run and every model widget
 * and exit stepper has drawn its first result.
 */
async function drawn(page: Page) {
	// A machine workbench (the playground, `::machine`) is drawn once its program is loaded.
	if (page.url().includes('/playground/'))
		await expect(page.locator('[data-status]')).toContainText(/Ready|就绪/, { timeout: 60_000 });
	if (!page.url().includes('/lessons/')) return;
	// Answered, each prediction shows its experiment: axe checks the widgets it hid too.
	await openExperiments(page);
	for (const stepper of await page.locator('section.exit-stepper').all())
		await expect(stepper.locator('[data-bars]')).toBeAttached({ timeout: 60_000 });
	const lastChart = {
		'sched-lab': 'shares',
		'memory-dashboard': 'slowdown',
		'placement-viz': 'bins'
	};
	for (const [widget, chart] of Object.entries(lastChart)) {
		if ((await page.locator(`[data-widget="${widget}"]`).count()) === 0) continue;
		await expect(page.locator(`[data-chart="${chart}"]`)).toBeAttached({ timeout: 20_000 });
	}
	for (const machine of await page.locator('[data-widget="machine"]').all())
		await expect(machine.locator('[data-status]')).toContainText(/Ready|就绪/, { timeout: 60_000 });
	await renderEverything(page);
	// Scroll regions are marked once their content has been measured.
	await page.waitForTimeout(300);
}

async function expectNoViolation(page: Page) {
	const found = await axeViolations(page);
	expect(found, found.join('\n')).toEqual([]);
}

/**
 * Text in the lesson's charts and drawings set under 12 px (a size that depends neither on the
 * colour scheme nor on the width).
 */
function smallChartText(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('.lesson-body svg text')]
			.map((e) => ({ text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize) }))
			.filter((e) => e.size < 12)
	);
}

const setups = {
	light: { colorScheme: 'light', device: 'desktop', viewport: { width: 1280, height: 800 } },
	dark: { colorScheme: 'dark', device: 'phone', viewport: { width: 360, height: 740 } }
} as const;

/**
 * English pages in the dark scheme on a phone, Chinese ones in the light scheme on a desktop: each
 * lesson's widgets are checked in both schemes and at both widths (through its two languages), each
 * page once. The 404 page, which has no translation, is checked in both. On the phone, with every
 * experiment open, the page is also checked for sideways scrolling: only labelled, focusable
 * regions may scroll, before and after every closed answer and data table is opened
 * (responsive.spec.ts checks the pages that are not here).
 */
function setupFor(path: string) {
	return path.startsWith('zh/') ? setups.light : setups.dark;
}

for (const [path, setup] of [
	...pages.map((path) => [path, setupFor(path)] as const),
	['404', setups.light] as const
]) {
	test.describe(`${setup.colorScheme} colour scheme, ${setup.device}`, () => {
		test.use({ colorScheme: setup.colorScheme, viewport: setup.viewport });
		test(`axe finds no violation on ${path}`, async ({ page }) => {
			// A lesson with its widgets drawn, then axe over all of it: slow on two shared cores.
			test.setTimeout(120_000);
			await page.goto(path);
			await drawn(page);
			await expectNoViolation(page);
			expect(await smallChartText(page), 'chart text under 12 px').toEqual([]);
			if (setup.device !== 'phone') return;
			// Then again with what closed answers and data tables hide shown.
			for (const open of [false, true]) {
				if (open) await openEveryDetails(page);
				const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(pageWidth, `page width, details open: ${open}`).toBeLessThanOrEqual(
					setup.viewport.width
				);
				await expect.poll(() => unlabelledScrollers(page), { timeout: 5_000 }).toEqual([]);
			}
		});
	});
}
