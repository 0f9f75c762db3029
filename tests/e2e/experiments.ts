/**
 * Lesson pages in the end-to-end tests: waiting for the notebook, and opening the experiments that
 * predictions hide (cells, plots, exit steppers) by committing an answer to each.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The notebook is live once LessonBody has mounted and restored any saved work. Hydrating it can
 * take seconds on a loaded two-core CI machine, hence the long wait.
 */
export async function notebookReady(page: Page) {
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

/**
 * Commits an answer to every prediction, so that the experiments they hide are on the page.
 * Answering one may reveal another inside it. With `until`, it answers them in page order until
 * that widget is on the page, as a student reading down to it would, and leaves the experiments
 * after it closed (their runs would only take the cores from the one under test).
 */
export async function openExperiments(page: Page, until?: Locator) {
	await notebookReady(page);
	const locked = page.locator('[data-predict-block][data-answered="false"]');
	for (let i = 0; i < 20 && (await locked.count()) > 0; i++) {
		if (until && (await until.count()) > 0) return;
		const form = locked.first().locator('form.predict').first();
		await form.getByRole('textbox').fill('1');
		await form.getByRole('button').click();
	}
	if (until) await expect(until.first()).toBeAttached();
	else await expect(locked).toHaveCount(0);
}

/**
 * The first `::name` widget of the lesson, with the predictions above it answered, scrolled to the
 * middle of the screen: a placeholder until it has loaded, then the widget (both carry
 * `data-widget`).
 */
export async function openWidget(page: Page, name: string): Promise<Locator> {
	const widget = page.locator(`[data-widget="${name}"]`).first();
	await openExperiments(page, widget);
	// Not `scrollIntoViewIfNeeded`, which waits for the element to hold still and fails when the
	// placeholder is replaced by the widget meanwhile.
	await widget.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	return widget;
}

/**
 * Lays out the whole lesson. Off-screen prose is skipped by the browser (content-visibility in
 * LessonBody.svelte) until it nears the viewport; checks that look at every element of a page (axe,
 * sideways scrolling) render it all first, as a student scrolling through would, so that nothing
 * escapes them for being off screen.
 */
export async function renderEverything(page: Page) {
	await page.addStyleTag({
		content: '.lesson-body > * { content-visibility: visible !important; }'
	});
	// Two frames: layout, then the ResizeObservers that mark wide content as scroll regions.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
}

/**
 * Elements in `main` that scroll sideways without being labelled and focusable, so that a keyboard
 * could not scroll them: a region (a wide table or equation) or a named group (a code excerpt, of
 * which a page may have many, so not a landmark) is fine. Form fields scroll on their own and take
 * focus anyway. Content that is not rendered (in a closed `<details>`) is left out: no one can
 * scroll it, the browser tells no ResizeObserver how it changes until it is shown, and its marks
 * are checked once it is open (`openEveryDetails`).
 */
export function unlabelledScrollers(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('main *:not(textarea, input, select)')]
			.filter((e) => e.checkVisibility())
			.filter((e) => {
				const overflow = getComputedStyle(e).overflowX;
				return (overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1;
			})
			.filter(
				(e) =>
					!['region', 'group'].includes(e.getAttribute('role') ?? '') ||
					!e.getAttribute('aria-label') ||
					e.tabIndex !== 0
			)
			// What and how wide, and the attributes it has: enough to tell a missed check from a label.
			.map(
				(e) =>
					`${e.tagName.toLowerCase()}.${e.className} (content ${e.scrollWidth} px in ${e.clientWidth} px;` +
					` role=${e.getAttribute('role')}, tabindex=${e.getAttribute('tabindex')}):` +
					` ${e.textContent?.replace(/\s+/g, ' ').slice(0, 160)}`
			)
	);
}

/**
 * Opens every closed `<details>` in `main` (answers, data tables under charts), as a student
 * reading everything would, and waits two frames for what they show to be laid out and measured.
 */
export async function openEveryDetails(page: Page) {
	await page.evaluate(() => {
		for (const details of document.querySelectorAll<HTMLDetailsElement>('main details'))
			details.open = true;
		return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
	});
}
