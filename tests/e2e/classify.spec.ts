/**
 * The classification table of lesson 02 (`::classify`), as a student uses it: with the keyboard
 * alone they tick boxes, press Check, and see each wrong cell marked by an icon and a word with the
 * reason (and each right one confirmed), also after a reload; the Chinese page shows the same table
 * with no English interface text.
 */
import { axeViolations } from './axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';
import { unlabelledScrollers } from './experiments.ts';

const lesson = 'lessons/popek-goldberg/';

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('.lesson-body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

test('marks a wrong answer with its reason and confirms a right one, by keyboard', async ({
	page
}) => {
	const errors = collectErrors(page);
	await open(page, lesson);
	const table = page.locator('[data-widget="classify"]');
	const popf = table.locator('tr[data-instruction="popf"]');
	const sensitive = table.getByRole('checkbox', { name: 'popf is sensitive' });
	const privileged = table.getByRole('checkbox', { name: 'popf is privileged' });

	// The classic mistake: POPF is sensitive, but not privileged.
	await sensitive.focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await expect(privileged).toBeFocused();
	await page.keyboard.press('Space');
	await expect(privileged).toBeChecked();
	const check = table.getByRole('button', { name: 'Check' });
	await check.focus();
	await page.keyboard.press('Enter');

	const wrongCell = popf.locator('td[data-property="privileged"]');
	await expect(wrongCell).toHaveAttribute('data-verdict', 'wrong');
	await expect(wrongCell).toContainText('✗ Wrong');
	await expect(privileged).toHaveAccessibleDescription(
		/Wrong\s+Why:\s+POPF sets the interrupt flag/
	);
	await expect(table.locator('tr[data-why="popf"]')).toContainText('sensitive but not privileged');
	const rightCell = popf.locator('td[data-property="sensitive"]');
	await expect(rightCell).toHaveAttribute('data-verdict', 'right');
	await expect(rightCell).toContainText('✓ Right');
	await expect(sensitive).toHaveAccessibleDescription('Right');
	const status = table.getByRole('status');
	await expect(status).toContainText('answers right.');
	await expect(status).toContainText(/Wrong: .*popf \(Privileged\)/);
	await expect(status).not.toContainText('popf (Sensitive)');
	// Untouched rows are checked too: sret is sensitive and privileged, so two wrong cells.
	await expect(table.locator('tr[data-instruction="sret"] td[data-verdict="wrong"]')).toHaveCount(
		2
	);
	await expect(table.locator('tr[data-instruction="add"] td[data-verdict="right"]')).toHaveCount(2);

	// Correcting the box removes its mark until the next Check, which confirms it.
	await privileged.focus();
	await page.keyboard.press('Space');
	await expect(wrongCell).toHaveAttribute('data-verdict', 'none');
	await expect(table.locator('tr[data-why="popf"]')).toHaveCount(0);
	await check.focus();
	await page.keyboard.press('Enter');
	await expect(wrongCell).toHaveAttribute('data-verdict', 'right');

	// The answers and their marks survive a reload.
	await open(page, lesson);
	await expect(sensitive).toBeChecked();
	await expect(privileged).not.toBeChecked();
	await expect(wrongCell).toHaveAttribute('data-verdict', 'right');
	expect(errors).toEqual([]);
});

test('the Chinese page shows the table with no English interface text', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, `zh/${lesson}`);
	const table = page.locator('[data-widget="classify"]');
	await expect(table.locator('tr[data-instruction]')).toHaveCount(10);
	const sret = table.getByRole('checkbox', { name: 'sret 是敏感指令' });
	await sret.focus();
	await page.keyboard.press('Space');
	await table.getByRole('button', { name: '检查' }).press('Enter');
	await expect(
		table.locator('tr[data-instruction="sret"] td[data-property="sensitive"]')
	).toContainText('✓ 正确');
	await expect(table.locator('tr[data-why="sret"]')).toContainText('原因：');
	// Everything but the instructions themselves and the names RISC-V, RV32 and x86 is Chinese.
	// (The summary names the wrong cells by their instruction, as the table's code cells write it.)
	const text = await table.evaluate((element) => {
		const codes = [...element.querySelectorAll('code')].map((code) => code.textContent ?? '');
		let all = (element as HTMLElement).innerText;
		for (const code of codes) all = all.split(code).join(' ');
		return all;
	});
	const english = text
		.replace(
			/RISC-V|RV32|RV64|x86|CSR|sstatus\.SPP|sstatus|SRET|SFENCE\.VMA|WFI|ECALL|ADD|LW|LD|POPF|SGDT|CR3|MMU|0x100/g,
			''
		)
		.match(/[A-Za-z]{2,}/g);
	expect(english).toBeNull();
	expect(errors).toEqual([]);
});

test.describe('at 360 px in the dark scheme', () => {
	test.use({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });

	for (const path of [
		lesson,
		`zh/${lesson}`,
		'lessons/trap-and-emulate/',
		'zh/lessons/trap-and-emulate/'
	]) {
		test(`${path} fits the phone, scrolls only in regions, a checked table passes axe`, async ({
			page
		}) => {
			test.setTimeout(120_000);
			const errors = collectErrors(page);
			await open(page, path);
			const table = page.locator('[data-widget="classify"]');
			if ((await table.count()) > 0) {
				await table.getByRole('checkbox').first().check();
				await table.getByRole('button').click();
				await expect(table.locator('td[data-verdict="wrong"]').first()).toBeVisible();
				const found = await axeViolations(page, '[data-widget="classify"]');
				expect(found, found.join('\n')).toEqual([]);
			}
			const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(pageWidth).toBeLessThanOrEqual(360);
			// What scrolls sideways (a code listing, a wide table) is labelled and focusable.
			await expect.poll(() => unlabelledScrollers(page), { timeout: 5_000 }).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
});
