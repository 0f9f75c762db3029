/**
 * A lab as a student works it and as the instructor grades it: enter an id, answer the
 * trap-emulate lab's answer task and write its assembly task (the reference solution, from
 * `virtlab lab solve`), see Check pass, reload and keep the work, submit, and grade the downloaded
 * file with `virtlab grade` to the points the page showed; a broken file is refused and the work
 * kept; the Chinese page speaks Chinese.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe.ts';
import { collectErrors } from './console.ts';

const labFile = 'content/labs/trap-emulate.md';
const student = 'e2e-s42';

/** The CLI as an instructor runs it (tsx compiles the engine on the fly: seconds each). */
function virtlab(...args: string[]): string {
	return execFileSync('node', ['bin/virtlab.js', ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** The reference solution for `student`, as the instructor's `lab solve` writes it. */
function referenceAnswers(folder: string): Record<string, string> {
	const file = join(folder, 'reference.json');
	virtlab('lab', 'solve', labFile, '--student', student, '-o', file);
	return JSON.parse(readFileSync(file, 'utf8')).answers;
}

/** Opens a lab page and waits until it has its saved work back and its buttons work. */
async function openLab(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('article[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
}

const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);

/** Replaces the text of the task's code editor, typed as a student pastes. */
async function pasteCode(page: Page, id: string, code: string) {
	const editor = task(page, id).locator('.monaco-editor');
	await expect(editor).toBeVisible({ timeout: 30_000 });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.insertText(code);
}

/** axe over the page as it is now (a11y.spec.ts checks the pages as they load). */
async function expectAccessible(page: Page) {
	const found = await axeViolations(page);
	expect(found, found.join('\n')).toEqual([]);
}

async function checkPasses(page: Page, id: string) {
	await task(page, id).getByRole('button', { name: 'Check' }).click();
	await expect(task(page, id).getByRole('status')).toContainText('Passed', { timeout: 60_000 });
}

test('a student completes tasks, keeps them across a reload, submits, and the file grades the same', async ({
	page
}) => {
	test.setTimeout(240_000);
	const errors = collectErrors(page);
	const folder = mkdtempSync(join(tmpdir(), 'virtlab-labs-'));
	const reference = referenceAnswers(folder);

	await openLab(page, 'labs/trap-emulate/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Emulate an instruction/);
	// Check needs the id first: the page says so and takes the student there.
	await task(page, 'cost').getByRole('button', { name: 'Check' }).click();
	await expect(task(page, 'cost').getByRole('status')).toContainText('student id');
	await expect(page.getByLabel('Your student id')).toBeFocused();

	await page.getByLabel('Your student id').fill(student);
	await page.keyboard.press('Tab');
	await expect(page.locator('[data-values]')).toContainText('COUNT');

	await page.getByLabel('Your answer to “What emulation costs”').fill(reference.cost);
	await checkPasses(page, 'cost');
	await pasteCode(page, 'handler', reference.handler);
	await checkPasses(page, 'handler');
	await expect(page.locator('[data-points]').first()).toContainText('Points so far: 7 of 8');

	// A reload keeps the id and every answer.
	await page.reload();
	await expect(page.locator('article[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
	await expect(page.getByLabel('Your student id')).toHaveValue(student);
	await expect(page.getByLabel('Your answer to “What emulation costs”')).toHaveValue(
		reference.cost
	);
	await expect(task(page, 'handler').locator('.monaco-editor')).toContainText('mscratch', {
		timeout: 30_000
	});

	// Submit downloads <lab>-<student>.json; the instructor's grader gives it the same points.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Submit: download my submission' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`trap-emulate-${student}.json`);
	const submissions = join(folder, 'submissions');
	await file.saveAs(join(submissions, file.suggestedFilename()));
	const graded = JSON.parse(virtlab('grade', labFile, submissions, '--json'));
	expect(graded.grades).toHaveLength(1);
	const grade = graded.grades[0];
	expect(grade.studentId).toBe(student);
	expect(grade.total).toBe(7);
	expect(
		Object.fromEntries(grade.tasks.map((t: { id: string; points: number }) => [t.id, t.points]))
	).toEqual({ handler: 4, traps: 0, cost: 3, explain: 0 });

	// A broken file is refused where it breaks; the work stays.
	const answerBox = page.getByLabel('Your answer to “What emulation costs”');
	await answerBox.fill('1');
	const open = async (name: string, buffer: Buffer) => {
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open a submission…' }).click();
		await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
	};
	await open(
		'broken.json',
		Buffer.from('{\n  "format": "virtlab-lab-submission",\n  "answers": {,}\n}')
	);
	const refusal = page.locator('[data-refusal]');
	await expect(refusal).toContainText('Could not open broken.json');
	await expect(refusal).toContainText('Line 3, column');
	await expect(refusal).toContainText('Your work is unchanged');
	await expect(answerBox).toHaveValue('1');
	// With results, a refusal and its excerpt on the page.
	await expectAccessible(page);

	// A valid one replaces the work, and the work it replaced comes back with one button.
	await open('mine.json', readFileSync(join(submissions, file.suggestedFilename())));
	await expect(answerBox).toHaveValue(reference.cost);
	await expect(refusal).toBeEmpty();
	await page.getByRole('button', { name: 'Restore my previous work' }).click();
	await expect(answerBox).toHaveValue('1');

	// Reset to the starter can be undone.
	await task(page, 'explain')
		.getByLabel(/Your answer/)
		.fill('My own words.');
	await task(page, 'explain').getByRole('button', { name: 'Reset task to starter' }).click();
	await expect(task(page, 'explain').getByRole('textbox')).toHaveValue(/^Emulation is acceptable/);
	await task(page, 'explain').getByRole('button', { name: 'Undo the reset' }).click();
	await expect(task(page, 'explain').getByRole('textbox')).toHaveValue('My own words.');
	expect(errors).toEqual([]);
});

test('the home page lists the labs in each language, and the instructor page previews one', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('./');
	await page.getByRole('link', { name: 'Emulate an instruction in a trap handler' }).click();
	await expect(page).toHaveURL(/\/labs\/trap-emulate\/$/);
	await page.goto('zh/');
	await expect(
		page
			.getByRole('region', { name: '实验' })
			.getByRole('link', { name: '在陷入处理程序中模拟一条指令' })
	).toHaveAttribute('href', /\/zh\/labs\/trap-emulate\/$/);

	await page.goto('instructor/');
	await expect(page.locator('.preview[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
	await expect(page.getByRole('heading', { name: 'How to write a lab' })).toBeVisible();
	await expect(page.locator('#guide')).toBeAttached();
	await page.getByRole('combobox', { name: 'Lab' }).selectOption('trap-emulate');
	await page.getByLabel('Student id (the seed of the values)').fill('s1234');
	await expect(page.locator('[data-preview-values]')).toContainText('SEED');
	await page.getByRole('button', { name: 'Check the reference solution' }).click();
	await expect(page.locator('[data-result="passed"]')).toHaveCount(3, { timeout: 60_000 });
	await expectAccessible(page);
});

test('the Chinese lab page has no English interface text', async ({ page }) => {
	// The first Check loads the grader into its worker: seconds on two busy cores.
	test.setTimeout(120_000);
	await openLab(page, 'zh/labs/trap-emulate/');
	await page.getByLabel('你的学号').fill('s1');
	await page.keyboard.press('Tab');
	await task(page, 'cost').getByRole('button', { name: '检查' }).click();
	await expect(task(page, 'cost').getByRole('status')).toContainText('分', { timeout: 60_000 });
	const english = await page.evaluate(() => {
		const copy = document.body.cloneNode(true) as HTMLElement;
		// The lab's own text (prose, code, values), the editor and the engine's sentences are content;
		// the language switch is in English on purpose (lang="en").
		for (const part of copy.querySelectorAll(
			'script, style, [lang="en"], .prose, pre, code, .monaco, .editor, [data-values] dd, [data-result] ul'
		))
			part.remove();
		const labels = [...copy.querySelectorAll('[aria-label], [title], [placeholder]')].map((e) =>
			['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? '').join(' ')
		);
		return `${copy.innerText} ${labels.join(' ')}`
			.replace(/\b(VirtLab|JSON|YAML|RISC-V|cpop|Zbb)\b/g, '')
			.match(/[A-Za-z]{3,}/g);
	});
	expect(english).toBeNull();
});

test('a check shows “Checking…” and can be cancelled, and the next check runs', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openLab(page, 'labs/trap-emulate/');
	await page.getByLabel('Your student id').fill('s-cancel');
	await page.keyboard.press('Tab');
	// The first check starts the worker and loads the grader into it. On a fast machine that is
	// over before a click lands, so the worker's script comes slowly, as on a slow network: the
	// check is still running when Cancel is pressed.
	let held = 0;
	await page.route('**/lab-check.worker-*.js', async (route) => {
		held++;
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		await route.continue();
	});
	const handler = task(page, 'handler');
	await handler.getByRole('button', { name: 'Check' }).click();
	await expect(handler.getByRole('status')).toHaveText('Checking…');
	await handler.getByRole('button', { name: 'Cancel the check' }).click();
	await expect(handler.getByRole('status')).toHaveText('Check cancelled.');
	expect(held, 'the worker script was held back').toBeGreaterThan(0);
	// The starter only returns from the trap: the harness's sums are wrong, and the grader says so.
	await handler.getByRole('button', { name: 'Check' }).click();
	await expect(handler.getByRole('status')).toContainText('Not yet', { timeout: 60_000 });
});
