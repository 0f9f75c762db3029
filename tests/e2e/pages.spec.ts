/**
 * The course pages as a student meets them in the production build: the outline, a lesson with its
 * prerendered formulas, the language switch, done marks, the 404 page, the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';
import { notebookReady, openWidget } from './experiments.ts';
import { readdirSync } from 'node:fs';
import { e2eSite } from '../../scripts/site.js';

const files = readdirSync('content/lessons');
const slugs = files
	.filter((name) => /^\d+-.+(?<!\.zh)\.md$/.test(name))
	.sort()
	.map((name) => name.replace(/^\d+-/, '').replace(/\.md$/, ''));
const translated = slugs.find((slug) => files.some((name) => name.endsWith(`-${slug}.zh.md`)));
const first = slugs[0];

/** Console errors and uncaught exceptions on a page, to be asserted empty. */

/** The computed outline of the focused element: a visible focus ring has a style and a width. */
async function focusRing(page: Page) {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement;
		const style = getComputedStyle(element);
		const box = element.getBoundingClientRect();
		return {
			tag: element.tagName.toLowerCase(),
			className: element.className,
			text: element.textContent?.trim() ?? '',
			outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
			onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.top < innerHeight
		};
	});
}

/**
 * Where a jump to a section should leave its heading: just under the sticky header (the headings'
 * scroll margin), not behind it or out of the window. Waits for the page to settle.
 */
async function expectLandedOn(page: Page, id: string) {
	const place = () =>
		page.locator(`[id="${id}"]`).evaluate((heading) => {
			const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
			return Math.round(heading.getBoundingClientRect().top - header);
		});
	await expect
		.poll(place, { message: `#${id}: its top below the header's bottom, in px` })
		.toBeGreaterThanOrEqual(0);
	expect(await place(), `#${id}: its top below the header's bottom, in px`).toBeLessThanOrEqual(24);
}

test('the home page lists every lesson, in order, with its time', async ({ page }) => {
	expect(slugs.length).toBeGreaterThan(0);
	await page.goto('./');
	const items = page.locator('.outline-item');
	await expect(items).toHaveCount(slugs.length);
	for (const [index, slug] of slugs.entries()) {
		const item = items.nth(index);
		await expect(item.locator(`a[href$="/lessons/${slug}/"]`)).toBeVisible();
		await expect(item).toContainText(/\d+ min/);
	}
});

test('a lesson page arrives with its formulas already typeset', async ({ page, request }) => {
	const response = await request.get(`lessons/${first}/`);
	expect(response.status()).toBe(200);
	const html = await response.text();
	expect(html).toContain('<html lang="en">');
	expect(html).toContain('class="katex"');

	await page.goto(`lessons/${first}/`);
	await expect(page.locator('h1')).toBeVisible();
	await expect(page.locator('nav.toc a').first()).toBeVisible();
	expect(await page.locator('[data-lesson-text] .katex').count()).toBeGreaterThan(0);
	// KaTeX's stylesheet is loaded: the MathML copy for screen readers is hidden from view.
	const mathml = page.locator('.katex-mathml').first();
	await expect(mathml).toHaveCSS('position', 'absolute');
});

test('the language switch opens the translation at the same section and is remembered', async ({
	page
}) => {
	expect(translated, 'a lesson with a Chinese translation (NN-slug.zh.md)').toBeDefined();
	const chinese = await page.request.get(`zh/lessons/${translated}/`);
	expect(await chinese.text()).toContain('<html lang="zh-Hans">');
	await page.goto(`lessons/${translated}/`);
	const sections = await page
		.locator('nav.toc a')
		.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash.slice(1)));
	const section = sections[Math.min(2, sections.length - 1)];

	// Followed a link to a section, then switch.
	await page.goto(`lessons/${translated}/#${section}`);
	await expect(page.locator('nav.toc a[aria-current="location"]')).toHaveAttribute(
		'href',
		`#${section}`
	);
	await page.locator('a.language-switch').click();
	await expect(page).toHaveURL(new RegExp(`/zh/lessons/${translated}/#${section}$`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await expectLandedOn(page, section);

	// The choice is remembered: the home page opens in Chinese.
	await page.goto('./');
	await expect(page).toHaveURL(/\/zh\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

	// Scrolled (no link followed) to a section, then switch back: the place is kept too.
	await page.goto(`zh/lessons/${translated}/`);
	await page.locator(`[id="${section}"]`).evaluate((heading) => heading.scrollIntoView());
	await expect(page.locator('a.language-switch')).toHaveAttribute(
		'href',
		new RegExp(`#${section}$`)
	);
	await page.locator('a.language-switch').click();
	await expect(page).toHaveURL(new RegExp(`/lessons/${translated}/#${section}$`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('./');
	await expect(page).toHaveURL(new RegExp(`:\\d+${e2eSite.base}/$`));
});

test('a jump to any section lands on its heading: table of contents, language switch', async ({
	page
}) => {
	// Most prose is skipped while off screen, at an estimated height until it is drawn; jumps
	// placed by the estimates ended up as much as 260 px off, under the header or out of the window.
	await page.goto(`lessons/${translated}/`);
	await notebookReady(page);
	const sections = await page
		.locator('nav.toc a')
		.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash.slice(1)));
	expect(sections.length).toBeGreaterThan(3);
	// Upwards from the end: every jump passes over blocks not drawn yet.
	for (const section of [...sections].reverse()) {
		await page.locator(`nav.toc a[href="#${section}"]`).click();
		await expect(page).toHaveURL(new RegExp(`#${section}$`));
		await expectLandedOn(page, section);
	}
	// From the English page at a section to the Chinese one, whose blocks are all new.
	for (const section of sections.slice(-3)) {
		await page.goto(`lessons/${translated}/#${section}`);
		await notebookReady(page);
		await page.locator('a.language-switch').click();
		await expect(page).toHaveURL(new RegExp(`/zh/lessons/${translated}/#${section}$`));
		await expectLandedOn(page, section);
		await page.evaluate(() => localStorage.clear());
	}
});

test('once the page is at rest, what a jump brings into view stays where it lands', async ({
	page
}) => {
	// Before every block had been drawn once, the page was shorter than its content (7,498 px
	// instead of 7,875) and the blocks above the memory dashboard grew as it came into view: it
	// moved 351 px, and a click that pressed on its checkbox was released beside it.
	await page.goto('lessons/sharing-memory/');
	await expect(page.locator('.lesson-body[data-drawn="true"]')).toBeAttached({ timeout: 20_000 });
	const moved = await page.locator('[data-widget="memory-dashboard"]').evaluate(async (widget) => {
		widget.scrollIntoView();
		const landed = widget.getBoundingClientRect().top;
		for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
		return widget.getBoundingClientRect().top - landed;
	});
	expect(Math.abs(moved)).toBeLessThan(1);
});

test('a done mark survives a reload and shows on the lesson page', async ({ page }) => {
	await page.goto('./');
	const mark = page.locator('.outline-item').first().getByRole('checkbox');
	await expect(mark).not.toBeChecked();
	await mark.check();
	await expect(page.locator('.progress')).toHaveText(`1 of ${slugs.length} lessons done`);
	await page.reload();
	await expect(page.locator('.outline-item').first().getByRole('checkbox')).toBeChecked();
	await page.goto(`lessons/${first}/`);
	await expect(page.locator('.finished').getByRole('checkbox')).toBeChecked();
	// By the keyboard, once the lesson has hydrated: a click could land beside the box while the
	// lesson's sections above it are laid out as they scroll into view, and move it.
	await notebookReady(page);
	const finished = page.locator('.finished').getByRole('checkbox');
	await finished.focus();
	await page.keyboard.press('Space');
	await expect(finished).not.toBeChecked();
	await page.goto('./');
	await expect(page.locator('.outline-item').first().getByRole('checkbox')).not.toBeChecked();
});

test('the pager moves between lessons in the page, each lesson with its own widgets at work', async ({
	page
}) => {
	// Each lesson loads the modules of its own widgets (widgets/components.ts): going from the
	// scheduler lesson to the memory lesson in the page must bring the memory dashboard's.
	const errors = collectErrors(page);
	await page.goto('lessons/sharing-cpus/');
	await notebookReady(page);
	await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
	await page.locator('.pager a[rel="next"]').click();
	await expect(page).toHaveURL(/\/lessons\/sharing-memory\/$/);
	await notebookReady(page);
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
	await expect(page.locator('[data-widget="sched-lab"]')).toHaveCount(0);

	const dashboard = await openWidget(page, 'memory-dashboard');
	const swapIns = dashboard.locator('tr[data-row="web"] td').first();
	await expect(swapIns).not.toHaveText('0');
	await dashboard.locator('[data-control="host"]').focus();
	await page.keyboard.press('End');
	await expect(swapIns).toHaveText('0');

	await page.locator('.pager a[rel="prev"]').click();
	await expect(page).toHaveURL(/\/lessons\/sharing-cpus\/$/);
	await expect(page.locator('[data-widget="memory-dashboard"]')).toHaveCount(0);
	await openWidget(page, 'sched-lab');
	expect(errors).toEqual([]);
});

for (const path of ['./', 'zh/', `lessons/${first}/`, '404.html']) {
	test(`no console errors on ${path}`, async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await page.mouse.wheel(0, 2000);
		// Scrolled (or nothing to scroll), then two frames: scroll handlers have run by then.
		await page.waitForFunction(
			() => window.scrollY > 0 || document.documentElement.scrollHeight <= window.innerHeight
		);
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		expect(errors).toEqual([]);
	});
}

test('an unknown address shows the 404 page in both languages, without script errors', async ({
	page
}) => {
	const errors = collectErrors(page);
	const response = await page.goto('no-such-lesson/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
	// No translation of this page to switch to.
	await expect(page.locator('a.language-switch')).toHaveCount(0);
	await page.getByRole('link', { name: 'Go to the course outline' }).click();
	await expect(page.locator('.outline-item').first()).toBeVisible();
	// The only error is the browser's note that the address answered 404.
	expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('404.html serves a missing address deep in the Chinese pages and leads back in Chinese', async ({
	page
}) => {
	const errors = collectErrors(page);
	const response = await page.goto('zh/lessons/no-such-lesson/deeper/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
	await page.getByRole('link', { name: '返回课程大纲' }).click();
	await expect(page).toHaveURL(new RegExp(`:\\d+${e2eSite.base}/zh/$`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await page.locator('.outline-item a').first().click();
	// Client-side navigation loads the lesson's code (mathjs is large): allow a loaded machine.
	await expect(page).toHaveURL(/\/lessons\/[^/]+\/$/, { timeout: 20_000 });
	await expect(page.locator('[data-lesson-text] .katex').first()).toBeVisible();
	expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('the keyboard reaches the skip link and every control, with a visible focus ring', async ({
	page
}) => {
	await page.goto(`lessons/${first}/`);
	await page.keyboard.press('Tab');
	const skip = await focusRing(page);
	expect(skip).toMatchObject({ className: expect.stringContaining('skip-link'), outline: true });
	expect(skip.onScreen).toBe(true);
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	// Tab on through the page: the contents, the done mark and the next-lesson link are reached.
	const reached: Awaited<ReturnType<typeof focusRing>>[] = [];
	for (let i = 0; i < 120; i++) {
		await page.keyboard.press('Tab');
		const ring = await focusRing(page);
		if (ring.tag === 'body') break;
		reached.push(ring);
	}
	const mine = reached.filter((r) => r.tag === 'a' || r.className.includes('done'));
	expect(mine.length).toBeGreaterThan(3);
	for (const ring of mine) expect(ring, ring.text).toMatchObject({ outline: true });
	expect(reached.some((r) => r.tag === 'input' && r.onScreen)).toBe(true);

	// The done mark is a checkbox: Space toggles it.
	await page.locator('.finished input').focus();
	await page.keyboard.press('Space');
	await expect(page.locator('.finished input')).toBeChecked();
});
