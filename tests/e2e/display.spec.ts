/**
 * What the charts show, as a demanding student reads them (a11y.spec.ts checks that their text is
 * large enough on every lesson): log axes in plain decimals, no two legend entries or lines alike, runs that stay to be compared, stretches named
 * by their vCPU, counts in the right plural, and lesson links that say when they change language.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { collectErrors } from './console.ts';

/** The English lessons' slugs in course order (their front matter's `order`), from content/lessons. */
const files = readdirSync('content/lessons');
const course = files
	.flatMap((file) => {
		const slug = /^\d+-([a-z0-9-]+)\.md$/.exec(file)?.[1];
		if (!slug) return [];
		const order = /^order:\s*(\d+)\s*$/m.exec(readFileSync(`content/lessons/${file}`, 'utf8'));
		return [{ slug, order: Number(order?.[1]) }];
	})
	.sort((a, b) => a.order - b.order)
	.map((lesson) => lesson.slug);
/** The lessons that have a Chinese version (`NN-slug.zh.md`), in course order. */
const translated = course.filter((slug) => files.some((file) => file.endsWith(`-${slug}.zh.md`)));

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

test('log axes write 0.1 and 0.01, not 100m and 10m', async ({ page }) => {
	await open(page, 'lessons/performance-models/');
	const labels = await page.locator('[data-axis] text').allTextContents();
	expect(labels.length).toBeGreaterThan(10);
	for (const label of labels) expect(label).not.toMatch(/^\d+(\.\d+)?[mµk]$/);
	expect(labels).toContain('0.1');
});

test('the response explorer with one server names M/M/c apart from M/M/1', async ({ page }) => {
	await open(page, 'lessons/performance-models/');
	const explorer = page.locator('[data-widget="response-explorer"]');
	const c = explorer.locator('[data-control="c"]');
	await c.focus();
	await page.keyboard.press('Home');
	await expect(c).toHaveValue('1');
	const labels = (await explorer.locator('fieldset label').allTextContents()).map((s) => s.trim());
	expect(new Set(labels).size).toBe(labels.length);
	await expect(explorer.locator('.readout-text')).toContainText('c = 1');
});

test('the queue simulator says each step, explains its two means and keeps earlier seeds', async ({
	page
}) => {
	const errors = collectErrors(page);
	await open(page, 'lessons/performance-models/');
	const sim = page.locator('[data-widget="queue-sim"]');
	await sim.getByRole('button', { name: 'Step one event' }).click();
	const narrative = sim.locator('[data-narrative]');
	await expect(narrative).toContainText('a customer arrives');
	const box = await narrative.boundingBox();
	expect(box!.width).toBeGreaterThan(100);
	expect(box!.height).toBeGreaterThan(10);
	await expect(sim.locator('.note').last()).toContainText('warm-up');

	const finished = sim.locator('[data-chart="curve"] circle.point:not(.live)');
	await sim.locator('[data-action="run"]').click();
	await expect(finished).toHaveCount(1, { timeout: 30_000 });
	await sim.locator('[data-action="reseed"]').click();
	await sim.locator('[data-action="run"]').click();
	await expect(finished).toHaveCount(2, { timeout: 30_000 });
	// Two runs at the same utilization, side by side, each with its interval.
	const xs = await finished.evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
	expect(Math.abs(xs[1] - xs[0])).toBeGreaterThan(8);
	await expect(sim.locator('[data-chart="curve"] rect.band')).toHaveCount(2);
	expect(errors).toEqual([]);
});

test('no two lines of the memory dashboard share a colour and a dash', async ({ page }) => {
	await open(page, 'lessons/sharing-memory/');
	const dashboard = page.locator('[data-widget="memory-dashboard"]');
	await expect(dashboard.locator('[data-chart="slowdown"]')).toBeAttached({ timeout: 20_000 });
	const styles = await dashboard
		.locator('path.line')
		.evaluateAll((els) =>
			els.map((e) => `${e.getAttribute('stroke')} ${e.getAttribute('stroke-dasharray') ?? ''}`)
		);
	expect(styles.length).toBe(8);
	expect(new Set(styles).size).toBe(styles.length);
	await expect(dashboard).toContainText('jumps when batch starts');
});

test('the Gantt names the vCPUs, shows spinning, and VMs differ by pattern too', async ({
	page
}) => {
	await open(page, 'lessons/sharing-cpus/');
	const lab = page.locator('[data-widget="sched-lab"]');
	const gantt = lab.locator('[data-chart="gantt"]');
	await expect(gantt).toBeAttached({ timeout: 20_000 });
	await expect(gantt.locator('text.vcpu').first()).toHaveText(/^(web|batch|db)\.\d$/);
	await expect(lab.locator('.legend').first()).toContainText('spinning on a lock');
	const spins = await gantt
		.locator('rect[data-spin]')
		.evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
	for (const width of spins) expect(width).toBeGreaterThanOrEqual(4);
	const fills = await gantt
		.locator('rect[data-vm]:not([data-spin])')
		.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('fill')))]);
	for (const fill of fills) expect(fill).toMatch(/^url\(#.+-pattern-\d\)$/);

	// Counts in the right plural: five vCPUs on five pCPUs is one vCPU per pCPU.
	const pcpus = lab.locator('[data-control="pcpus"]');
	await pcpus.focus();
	await page.keyboard.press('End');
	await expect(lab.locator('.controls')).toContainText('(1 vCPU per pCPU)');
	await expect(lab.locator('.controls')).toContainText('(1 vCPU)');
});

test('placement bins fill each kind of VM with its own pattern', async ({ page }) => {
	await open(page, 'lessons/resource-allocation/');
	const bins = page.locator('[data-chart="bins"]');
	await expect(bins).toBeAttached({ timeout: 20_000 });
	const fills = await bins
		.locator('rect.block')
		.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('fill')))]);
	expect(fills.length).toBeGreaterThan(1);
	for (const fill of fills) expect(fill).toMatch(/^url\(#.+-pattern-\d\)$/);
});

/** Whether a lesson file has a widget that prices things in model cycles (shell/costs.ts). */
function costed(slug: string, suffix: string): boolean {
	const file = files.find((f) => f.endsWith(`-${slug}${suffix}.md`));
	return file ? /::exit-stepper\b/.test(readFileSync(`content/lessons/${file}`, 'utf8')) : false;
}

/** The footer names model cycles (in the page's language) exactly when the page shows them. */
async function expectFooter(page: Page, path: string, costs: boolean) {
	const footer = page.locator('footer');
	await expect(footer).toBeVisible();
	const note = path.startsWith('zh/') ? '模型周期' : 'model cycles';
	if (costs) await expect(footer, path).toContainText(note);
	else await expect(footer, path).not.toContainText(note);
}

/**
 * A Chinese lesson's pager stays in Chinese and tags 英文版 on a link to an English-only lesson.
 * Whether a link is tagged is decided in src/lib/content/queries.ts and tested there with
 * fixtures that always include an untranslated lesson (tests/unit/content/queries.test.ts). Here
 * every real pager link is checked: to the neighbour's Chinese page, untagged, where it has one;
 * to its English page, tagged 英文版, where it has none. Once every lesson is translated, only the
 * first kind is left, and each is still asserted.
 */
async function expectChinesePager(page: Page, slug: string) {
	const index = course.indexOf(slug);
	const sides = [
		['prev', course[index - 1]],
		['next', course[index + 1]]
	] as const;
	const englishOnly = sides.filter(([, n]) => n && !translated.includes(n)).length;
	await expect(page.locator('.pager [data-language-tag]'), slug).toHaveCount(englishOnly);
	for (const [rel, neighbour] of sides) {
		const link = page.locator(`.pager a[rel="${rel}"]`);
		if (!neighbour) {
			await expect(link, `${slug}: no ${rel} link`).toHaveCount(0);
		} else if (translated.includes(neighbour)) {
			await expect(link).toHaveAttribute('href', new RegExp(`/zh/lessons/${neighbour}/$`));
			await expect(link.locator('[data-language-tag]')).toHaveCount(0);
			await expect(link).not.toContainText('英文版');
		} else {
			await expect(link).toHaveAttribute(
				'href',
				new RegExp(`^(?!.*/zh/).*/lessons/${neighbour}/$`)
			);
			await expect(link).toContainText('英文版');
			await expect(link.locator('[data-language-tag]')).toHaveAttribute('lang', 'zh-Hans');
		}
	}
}

/** English pages link to English lessons: never a tag. */
async function expectEnglishPager(page: Page, slug: string) {
	const links = page.locator('.pager a');
	await expect(links).toHaveCount((slug === course[0] ? 0 : 1) + (slug === course.at(-1) ? 0 : 1));
	await expect(page.locator('.pager [data-language-tag]')).toHaveCount(0);
	await expect(page.locator('.pager')).not.toContainText('in English');
	for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href'))))
		expect(href).not.toContain('/zh/');
}

/**
 * The footer and the pager are in the HTML the build writes: this test reads every page once as it
 * arrives, scripts off (a student with scripts blocked sees the same), which also keeps it quick.
 */
test.describe('as the build writes the pages', () => {
	test.use({ javaScriptEnabled: false });

	test('footers speak of model cycles only on pages that show them; a Chinese pager stays in Chinese and tags 英文版 on a link to an English-only lesson', async ({
		page
	}) => {
		test.setTimeout(90_000);
		expect(
			translated.length,
			'a lesson with a Chinese translation (NN-slug.zh.md)'
		).toBeGreaterThan(0);
		const pages: { path: string; costs: boolean; slug?: string }[] = [
			{ path: './', costs: false },
			{ path: 'zh/', costs: false },
			...course.map((slug) => ({ path: `lessons/${slug}/`, costs: costed(slug, ''), slug })),
			...translated.map((slug) => ({
				path: `zh/lessons/${slug}/`,
				costs: costed(slug, '.zh'),
				slug
			}))
		];
		for (const { path, costs, slug } of pages) {
			// A lesson page, not the 404 page a missing translation would give.
			const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
			expect(response?.status(), path).toBe(200);
			await expectFooter(page, path, costs);
			if (!slug) continue;
			if (path.startsWith('zh/')) await expectChinesePager(page, slug);
			else await expectEnglishPager(page, slug);
		}
	});
});
