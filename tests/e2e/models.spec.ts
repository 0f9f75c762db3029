/**
 * The performance-model lessons in the production build: each renders, its widgets respond to
 * their controls (a drawn curve or chart changes), and nothing logs an error.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';

/** The y coordinates of an SVG path's points, in order. */
function pathYs(d: string | null): number[] {
	return [...(d ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
}

/**
 * A lesson, live and with every block drawn once at its real height: before that, a widget far
 * down the page moves as the blocks above it are drawn, and a click may be released beside it.
 */
async function open(page: Page, slug: string) {
	await page.goto(`lessons/${slug}/`);
	await expect(page.locator('.lesson-body[data-ready="true"][data-drawn="true"]')).toBeAttached({
		timeout: 20_000
	});
}

test.describe('performance models lesson', () => {
	test('the response-time explorer redraws when its controls move', async ({ page }) => {
		const errors = collectErrors(page);
		await open(page, 'performance-models');
		await expect(page.locator('h1')).toContainText('Performance models');
		const explorer = page.locator('[data-widget="response-explorer"]');
		const mg1 = explorer.locator('path[data-model="mg1"]');
		const mm1 = explorer.locator('path[data-model="mm1"]');
		const before = pathYs(await mg1.getAttribute('d'));
		expect(before.length).toBeGreaterThan(10);

		// More service variability (keyboard on the SCV slider) lifts the M/G/1 curve: at every
		// utilization but zero its points move up (a smaller y), none moves down.
		await explorer.locator('[data-control="scv"]').focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
		await expect(explorer.locator('[data-control="scv"]')).toHaveValue('3');
		await expect(explorer.locator('.readout-text')).toContainText('M/G/1, SCV 3');
		const after = pathYs(await mg1.getAttribute('d'));
		expect(after[0]).toBeCloseTo(before[0], 1);
		const common = Math.min(before.length, after.length);
		for (let i = 1; i < common; i++) expect(after[i]).toBeLessThanOrEqual(before[i]);
		expect(after.filter((y, i) => i > 0 && y < before[i] - 1).length).toBeGreaterThan(common / 2);

		// The log axis runs from 1 to 100 service times, and every curve is redrawn on it.
		const linear = await mm1.getAttribute('d');
		await explorer.locator('[data-control="logy"]').check();
		await expect(explorer.locator('[data-axis="left"] text:not(.title)').last()).toHaveText('100');
		await expect(mm1).not.toHaveAttribute('d', linear!);

		// Hiding a model removes its curve; the read-out moves with the arrow keys.
		await explorer.locator('input[data-model="md1"]').uncheck();
		await expect(explorer.locator('path[data-model="md1"]')).toHaveCount(0);
		const readout = explorer.locator('[data-readout]');
		await readout.focus();
		await page.keyboard.press('End');
		await expect(readout).toHaveAttribute('aria-valuenow', '99');
		await expect(readout).toContainText('M/M/1 W = 100');
		expect(errors).toEqual([]);
	});

	test('the queue simulator steps, runs and places its point on the curve', async ({ page }) => {
		const errors = collectErrors(page);
		await open(page, 'performance-models');
		const sim = page.locator('[data-widget="queue-sim"]');
		const bars = sim.locator('[data-chart="histogram"] rect.bar');
		await expect(bars).toHaveCount(24);
		const heights = async () => bars.evaluateAll((els) => els.map((e) => e.getAttribute('height')));
		const empty = await heights();
		expect(new Set(empty)).toEqual(new Set(['0']));

		// One event at a time, announced for screen readers.
		await sim.getByRole('button', { name: 'Step one event' }).click();
		await expect(sim.locator('[role="status"]')).toContainText('a customer arrives');

		// The whole run, in slices, ends with a point and its confidence interval on the chart.
		await sim.locator('[data-action="run"]').click();
		await expect(sim.locator('[data-chart="curve"] circle.point:not(.live)')).toHaveCount(1, {
			timeout: 20_000
		});
		await expect(sim.locator('[data-chart="curve"] rect.band')).toHaveCount(1);
		await expect(sim.locator('.readout')).toContainText('20,000 of 20,000 customers');
		await expect(sim.locator('.readout')).toContainText('95% confidence interval');
		expect(await heights()).not.toEqual(empty);

		// A new utilization starts a new run from an empty histogram; the finished point stays.
		await sim.locator('[data-control="rho"]').focus();
		await page.keyboard.press('ArrowRight');
		await expect(sim.locator('[data-control="rho"]')).toHaveValue('0.75');
		expect(new Set(await heights())).toEqual(new Set(['0']));
		await expect(sim.locator('[data-chart="curve"] circle.point')).toHaveCount(1);

		// Keyboard: P plays, P pauses; customers are served in between.
		await sim.getByRole('button', { name: 'Play' }).focus();
		await page.keyboard.press('p');
		await expect(sim.getByRole('button', { name: 'Pause' })).toBeVisible();
		await expect(sim.locator('.status')).not.toContainText(/^\s*0 of/, { timeout: 10_000 });
		await page.keyboard.press('p');
		await expect(sim.getByRole('button', { name: 'Play' })).toBeVisible();
		expect(errors).toEqual([]);
	});
});

test.describe('sharing CPUs lesson', () => {
	test('the scheduler lab redraws its Gantt chart and bars when a control changes', async ({
		page
	}) => {
		const errors = collectErrors(page);
		await open(page, 'sharing-cpus');
		await expect(page.locator('h1')).toContainText('Sharing CPUs');
		const lab = page.locator('[data-widget="sched-lab"]');
		const gantt = lab.locator('[data-chart="gantt"] rect[data-vm]');
		await expect(gantt.first()).toBeAttached({ timeout: 20_000 });
		const layout = async () =>
			gantt.evaluateAll((els) =>
				els.map((e) => `${e.getAttribute('x')}:${e.getAttribute('width')}`).join(' ')
			);
		const batchBar = lab.locator('[data-chart="shares"] rect[data-used="batch"]');
		const before = await layout();
		const batchBefore = Number(await batchBar.getAttribute('height'));
		await expect(lab.locator('.metrics')).toContainText('batch');

		// A heavier weight for the batch VM gives it a taller bar. (The Gantt's first slices may
		// stay the same: Xen's credit scheduler applies weights at its 30 ms accounting, so the
		// schedule is compared after a change of pCPUs below instead.)
		await lab.locator('[data-control="weight-batch"]').selectOption('1024');
		await expect
			.poll(async () => Number(await batchBar.getAttribute('height')), { timeout: 20_000 })
			.toBeGreaterThan(batchBefore);

		// One pCPU per vCPU: nobody waits, so the table shows no steal at all.
		await lab.locator('[data-control="pcpus"]').focus();
		await page.keyboard.press('End');
		await expect(lab.locator('[data-chart="gantt"] text', { hasText: 'pCPU 4' })).toBeAttached({
			timeout: 20_000
		});
		expect(await layout()).not.toEqual(before);
		await expect(lab.locator('.metrics tbody tr td:nth-child(4)')).toHaveText([
			'0 %',
			'0 %',
			'0 %'
		]);

		// A policy that cannot place the db VM reports why instead of drawing nonsense.
		await page.keyboard.press('Home');
		await lab.locator('[data-control="policy"]').selectOption('cosched-strict');
		await expect(lab.locator('[role="alert"]')).toContainText('gang-scheduled', {
			timeout: 20_000
		});
		expect(errors).toEqual([]);
	});
});

test.describe('sharing CPUs lesson: caps and entitlements', () => {
	test('the scheduler lab reports a cap as capped time, not steal, and says what Entitled counts', async ({
		page
	}) => {
		const errors = collectErrors(page);
		await open(page, 'sharing-cpus');
		const lab = page.locator('[data-widget="sched-lab"]');
		await expect(lab.locator('[data-chart="gantt"]')).toBeAttached({ timeout: 20_000 });
		await expect(lab.locator('[data-note="entitled"]')).toContainText('Xen credit');
		await expect(lab.locator('.metrics thead')).toContainText('Capped');

		// The reported case: batch capped at 25 % with a pCPU for every vCPU.
		await lab.locator('[data-control="pcpus"]').focus();
		await page.keyboard.press('End');
		await lab.locator('[data-control="cap-batch"]').selectOption('25');
		const batch = lab.locator('.metrics tr[data-row="batch"]');
		await expect(batch.locator('td:nth-child(5)')).toHaveText('88 %', { timeout: 20_000 });
		await expect(lab.locator('.metrics tbody tr td:nth-child(4)')).toHaveText([
			'0 %',
			'0 %',
			'0 %'
		]);

		// Credit2 counts a VM's weight once per vCPU: the note says so.
		await lab.locator('[data-control="policy"]').selectOption('credit2');
		await expect(lab.locator('[data-note="entitled"]')).toContainText('every vCPU', {
			timeout: 20_000
		});
		expect(errors).toEqual([]);
	});
});

test.describe('sharing memory lesson', () => {
	test('the memory dashboard redraws its curves when a control changes', async ({ page }) => {
		const errors = collectErrors(page);
		await open(page, 'sharing-memory');
		await expect(page.locator('h1')).toContainText('Sharing memory');
		const dashboard = page.locator('[data-widget="memory-dashboard"]');
		const balloons = dashboard.locator('[data-chart="memory"] path[data-series="3"]');
		const web = dashboard.locator('[data-chart="slowdown"] path[data-label="web"]');
		await expect(balloons).toHaveAttribute('d', /^M/);
		const balloonsBefore = await balloons.getAttribute('d');
		const webBefore = await web.getAttribute('d');
		const swapIns = dashboard.locator('tr[data-row="web"] td').first();
		const swapInsBefore = Number((await swapIns.textContent())!.replace(/,/g, ''));

		// Without balloons the host swaps blindly: the balloon line drops and web swaps in more.
		await dashboard.locator('[data-control="balloon"]').uncheck();
		await expect(balloons).not.toHaveAttribute('d', balloonsBefore!);
		await expect(web).not.toHaveAttribute('d', webBefore!);
		await expect
			.poll(async () => Number((await swapIns.textContent())!.replace(/,/g, '')))
			.toBeGreaterThan(swapInsBefore);

		// A host as large as the VMs needs no reclaiming: web never slows down.
		await dashboard.locator('[data-control="balloon"]').check();
		await dashboard.locator('[data-control="host"]').focus();
		await page.keyboard.press('End');
		await expect(swapIns).toHaveText('0');
		expect(errors).toEqual([]);
	});
});

test.describe('resource allocation lesson', () => {
	test('the placement visualizer repacks its bins when the target moves', async ({ page }) => {
		const errors = collectErrors(page);
		await open(page, 'resource-allocation');
		await expect(page.locator('h1')).toContainText('Resource allocation');
		const viz = page.locator('[data-widget="placement-viz"]');
		const cpuBlocks = viz.locator('[data-chart="bins"] rect[data-resource="cpu"]');
		await expect(cpuBlocks).toHaveCount(23);
		const heights = async () =>
			cpuBlocks.evaluateAll((els) => els.map((e) => e.getAttribute('y')).join(' '));
		const before = await heights();
		const chosen = viz.locator('tr[data-row="first-fit-decreasing"]');
		await expect(chosen.locator('td').first()).toHaveText('6');

		// Packing to 100 %: fewer hosts, taller bars, and a much higher chance of overload.
		await viz.locator('[data-control="target"]').focus();
		await page.keyboard.press('End');
		await expect(chosen.locator('td').first()).toHaveText('4');
		expect(await heights()).not.toEqual(before);
		const risk = Number((await chosen.locator('td').last().textContent())!.replace(' %', ''));
		expect(risk).toBeGreaterThan(50);

		// Constant demand never overloads.
		await viz.locator('[data-control="variability"]').focus();
		await page.keyboard.press('Home');
		await expect(chosen.locator('td').last()).toHaveText('0.0 %');
		expect(errors).toEqual([]);
	});
});
