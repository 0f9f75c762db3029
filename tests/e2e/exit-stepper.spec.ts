/**
 * Issue 8's done-when checks for the exit stepper, in the production build, on the lesson whose
 * first stepper is `::exit-stepper{workload=syscall modes="trap; hw"}`: exact steps forward and
 * back, the bars re-priced by the preset, fewer exits under hw than trap, Chinese without English UI
 * strings, no console errors, and no long task on the main thread while the worker runs.
 */
import { axeViolations } from './axe.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exitStepperEn as en } from '../../src/lib/widgets/exit-stepper/strings.en.ts';
import { exitStepperZh as zhHans } from '../../src/lib/widgets/exit-stepper/strings.zh-Hans.ts';
import { collectErrors } from './console.ts';
import { sharePage } from './shared-page.ts';
import { englishLeft } from './english-left.ts';
import { longTasksSince, now, watchLongTasks } from './longTasks.ts';
import { openWidget } from './experiments.ts';

const lesson = 'lessons/trap-and-emulate/';

test.describe.configure({ timeout: 120_000 });

/** The lesson's first stepper, loaded, with both of its runs finished. */
async function stepper(page: Page, path = lesson): Promise<Locator> {
	await page.goto(path);
	const widget = await openWidget(page, 'exit-stepper');
	await expect(widget.locator('[data-outcome]')).toHaveCount(2, { timeout: 60_000 });
	return widget;
}

/**
 * One stepper as a student uses it: the page and its two runs load once and each test carries on
 * from the last, as the student would (the runs cost most of each test's time on two cores).
 */
test.describe.serial('one stepper, from its runs to re-pricing', () => {
	const shared = sharePage((page) => stepper(page));

	test('stepping 5 exits forward and 5 back restores the same exit and state view', async () => {
		const { page, widget } = shared;
		const trap = widget.locator('article[data-mode="trap"]');
		const view = trap.locator('[data-state-view]');
		await expect(view).toHaveAttribute('data-exit', '1');
		const before = await view.innerText();
		for (let i = 0; i < 5; i++) await trap.locator('[data-nav="next"]').click();
		await expect(view).toHaveAttribute('data-exit', '6');
		expect(await view.innerText()).not.toBe(before);
		for (let i = 0; i < 5; i++) await trap.locator('[data-nav="previous"]').click();
		await expect(view).toHaveAttribute('data-exit', '1');
		expect(await view.innerText()).toBe(before);

		// The keyboard on the timeline steps too, and the live region announces the exit.
		await widget.locator('.timeline').focus();
		await page.keyboard.press('ArrowRight');
		await expect(view).toHaveAttribute('data-exit', '2');
		await expect(trap.locator('[data-announce]')).toContainText(/^Exit 2 of [\d,]+: /);
		await trap.locator('[data-nav="number"]').fill('12');
		await trap.locator('[data-nav="go"]').click();
		await expect(view).toHaveAttribute('data-exit', '12');
	});

	test('side by side on syscall, hw makes fewer exits than trap', async () => {
		const { widget } = shared;
		const exits = async (mode: string) =>
			Number(
				await widget
					.locator(`[data-tally="${mode}"] [data-total-exits]`)
					.getAttribute('data-total-exits')
			);
		const trap = await exits('trap');
		const hw = await exits('hw');
		expect(hw).toBeGreaterThan(0);
		expect(hw).toBeLessThan(trap);
		// Where trap exits, the hw pane says whether hw exits at the same guest progress.
		await expect(widget.locator('article[data-mode="trap"] [data-beside]')).toContainText(
			/hardware-assisted/
		);
	});

	test('changing a cost constant re-prices the bars, and going back restores them', async () => {
		const { widget } = shared;
		const totals = widget.locator('[data-bar-total]');
		await expect(widget.locator('[data-bars]')).toHaveAttribute('data-bars', 'core2');
		const core2 = await totals.allInnerTexts();
		await widget.locator('[data-control="constants"] summary').click();
		const exitCost = widget.locator('input[data-constant="vmExitRoundTrip"]');
		await exitCost.fill('50000');
		await exitCost.press('Enter');
		await expect(widget.locator('[data-bars]')).toHaveAttribute(
			'data-bars',
			'core2+vmExitRoundTrip'
		);
		await expect.poll(() => totals.allInnerTexts()).not.toEqual(core2);
		await widget.getByRole('button', { name: "Back to the preset's constants" }).click();
		await expect(widget.locator('[data-bars]')).toHaveAttribute('data-bars', 'core2');
		await expect.poll(() => totals.allInnerTexts()).toEqual(core2);
	});

	test('changing the preset re-prices the bars without running again', async () => {
		const { widget } = shared;
		const totals = widget.locator('[data-bar-total]');
		const core2 = await totals.allInnerTexts();
		await widget.locator('select[data-control="preset"]').selectOption('p4');
		await expect(widget.locator('[data-bars]')).toHaveAttribute('data-bars', 'p4');
		await expect.poll(() => totals.allInnerTexts()).not.toEqual(core2);
		// Re-priced, not re-run: the outcomes stay, the exit counts too.
		await expect(widget.locator('[data-outcome]')).toHaveCount(2);
	});
});

test('the main thread has no long task over 200 ms while the worker runs @alone', async ({
	page
}) => {
	await watchLongTasks(page);
	const errors = collectErrors(page);
	const widget = await stepper(page);
	// A new experiment (trap beside pv): watched from the moment its progress shows.
	await widget.locator('select[data-control="second-mode"]').selectOption('pv');
	await expect(widget.locator('progress')).toBeVisible();
	const from = await now(page);
	await expect(widget.locator('[data-outcome]')).toHaveCount(2, { timeout: 60_000 });
	await expect(widget.locator('[data-tally="pv"]')).toBeVisible();
	const long = await longTasksSince(page, from);
	expect(long.filter((d) => d > 200)).toEqual([]);
	expect(errors).toEqual([]);
});

test.describe('on a phone in the dark scheme', () => {
	test.use({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });

	test('in Chinese it shows no English interface text, passes axe and does not scroll sideways', async ({
		page
	}) => {
		const errors = collectErrors(page);
		const widget = await stepper(page, `zh/${lesson}`);
		await widget.locator('article[data-mode="trap"] [data-nav="next"]').click();
		// The widget's text without the guest's source code (assembly and its comments, in English).
		const shown = await widget.evaluate((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			for (const code of copy.querySelectorAll('.code')) code.remove();
			document.body.append(copy);
			const text = copy.innerText;
			copy.remove();
			return text;
		});
		expect(englishLeft(shown, en, zhHans)).toEqual([]);
		expect(shown).toMatch(/第 \d+ 次退出/);

		const found = await axeViolations(page, 'section.exit-stepper');
		expect(found, found.join('\n')).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		expect(errors).toEqual([]);
	});

	test('squeezed to 100 px and to nothing, it draws no negative size', async ({ page }) => {
		const errors = collectErrors(page);
		const widget = await stepper(page);
		for (const width of ['100px', '0px', '360px']) {
			await widget.evaluate((element, w) => {
				element.style.width = w;
				element.style.padding = '0';
			}, width);
			await page.waitForTimeout(400);
			const bad = await widget.evaluate((element) =>
				[...element.querySelectorAll('svg *')].flatMap((e) =>
					['width', 'height', 'r'].flatMap((name) => {
						const value = e.getAttribute(name);
						if (value === null || value.endsWith('%')) return [];
						const n = Number(value);
						return Number.isFinite(n) && n >= 0 ? [] : [`${e.tagName} ${name}=${value}`];
					})
				)
			);
			expect(bad, `at ${width}`).toEqual([]);
		}
		expect(errors).toEqual([]);
	});
});
