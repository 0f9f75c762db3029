/**
 * Issue 10's memory sweep in the production build, on the memory-virtualization lesson whose first
 * sweep is `::memory-sweep{workload=wset parameter=WSET from=8 to=512}`: the runs end with a line
 * per variant and the crossover marked, the read-out and the table give the figures, Stop stops,
 * the Chinese page is in Chinese, axe and a phone in the dark scheme are content, and the page has
 * no long task while the worker runs.
 */
import { axeViolations } from './axe.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';
import { sharePage } from './shared-page.ts';
import { longTasksSince, now, watchLongTasks } from './longTasks.ts';
import { openWidget } from './experiments.ts';

const lesson = 'lessons/memory-virtualization/';

test.describe.configure({ timeout: 120_000 });

/** The lesson's first sweep, loaded, with all its runs done. */
async function sweep(page: Page, path = lesson): Promise<Locator> {
	await page.goto(path);
	const widget = await openWidget(page, 'memory-sweep');
	await expect(widget).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
	return widget;
}

/** One sweep as a student uses it: the page and its runs load once, and each test carries on. */
test.describe.serial('one sweep, from its runs to Stop and Run again', () => {
	const shared = sharePage((page) => sweep(page));

	test('the sweep draws a line per variant, marks the crossover and reads out every point', async () => {
		const { page, widget } = shared;
		await expect(widget.getByRole('status')).toContainText('7 of 7 points');
		await expect(widget.locator('path[data-series]')).toHaveCount(4);
		// The lesson's range crosses over: the rule's label says who is cheaper from where.
		await expect(widget.locator('[data-crossover] text').first()).toContainText(
			/cheaper from WSET = \d+/
		);
		await expect(widget.locator('[data-crossovers] li').first()).toContainText(/cheaper from WSET/);
		const readout = widget.getByRole('slider');
		await readout.focus();
		await page.keyboard.press('End');
		await expect(readout).toHaveAttribute(
			'aria-valuetext',
			/^WSET = 512: Shadow paging \(trap\) [\d,]+;/
		);
		// The table: one row per point and variant, as `virtlab vm --sweep --csv` has.
		await widget.getByText('Show the data as a table').click();
		await expect(widget.locator('table tbody tr')).toHaveCount(28);
		// Cycles per guest instruction: the same lines, a smaller axis.
		await widget.getByRole('combobox').selectOption('perInstruction');
		await expect(readout).toHaveAttribute(
			'aria-valuetext',
			/^WSET = 512: Shadow paging \(trap\) \d+(\.\d+)?;/
		);
	});

	test('Stop ends the runs and Run again starts over', async () => {
		const { widget } = shared;
		await widget.getByRole('button', { name: 'Run again' }).click();
		await expect(widget).toHaveAttribute('data-status', 'running');
		await widget.getByRole('button', { name: 'Stop' }).click();
		await expect(widget).toHaveAttribute('data-status', 'stopped');
		await expect(widget.getByRole('status')).toContainText(/Stopped after \d of 7 points/);
		await widget.getByRole('button', { name: 'Run again' }).click();
		await expect(widget).toHaveAttribute('data-status', 'running');
		await expect(widget).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
	});
});

test('the main thread has no long task over 200 ms while the sweep runs @alone', async ({
	page
}) => {
	await watchLongTasks(page);
	const errors = collectErrors(page);
	const widget = await sweep(page);
	await widget.getByRole('button', { name: 'Run again' }).click();
	const from = await now(page);
	await expect(widget).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
	const long = await longTasksSince(page, from);
	expect(long.filter((d) => d > 200)).toEqual([]);
	expect(errors).toEqual([]);
});

test.describe('on a phone in the dark scheme, in Chinese', () => {
	test.use({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });

	test('axe finds no violation, the text is Chinese, the page does not scroll sideways', async ({
		page
	}) => {
		const errors = collectErrors(page);
		const widget = await sweep(page, `zh/${lesson}`);
		await expect(widget.getByRole('status')).toContainText('已运行 7 / 7 个点');
		await expect(widget.locator('[data-crossovers] li').first()).toContainText(/起.*更便宜/);
		const found = await axeViolations(page, 'section.memory-sweep');
		expect(found, found.join('\n')).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		expect(errors).toEqual([]);
	});
});
