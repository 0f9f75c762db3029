/**
 * The playground as a student uses it: run a program and read its output, step and step back,
 * stop a program that never ends, share a program by link, find it again after a reload; and the
 * course's other pages load none of Monaco.
 */
import { axeViolations } from './axe.ts';
import { expect, test, type Page, type Response } from '@playwright/test';
import { encodeShare } from '../../src/lib/widgets/machine/share.ts';
import { collectErrors } from './console.ts';
import { openWidget } from './experiments.ts';

/** A program in a link, as "Copy link" makes it. */
function linkTo(source: string, breakpoints: number[] = []): string {
	const encoded = encodeShare({ source, breakpoints });
	if (!encoded.ok) throw new Error('program too large for a link');
	return `playground/${encoded.hash}`;
}

const endless = ['_start:', '\taddi t0, t0, 1', '\tj _start', ''].join('\n');

async function open(page: Page, path = 'playground/') {
	await page.goto(path);
	await expect(page.locator('[data-status]')).toContainText(/Ready|Bereit|就绪/, {
		timeout: 30_000
	});
}

const status = (page: Page) => page.locator('[data-status]');
const controls = (page: Page) => page.getByRole('toolbar', { name: 'Run controls' });

/** The register values and the CSR values as the views show them. */
async function machineState(page: Page): Promise<string[]> {
	await page.getByRole('tab', { name: 'Registers' }).click();
	const registers = await page.locator('[role="tabpanel"] table td code').allTextContents();
	const pc = await page.locator('[role="tabpanel"] dl').innerText();
	await page.getByRole('tab', { name: 'CSRs' }).click();
	const csrs = await page.locator('[role="tabpanel"] [data-csr-value]').allTextContents();
	return [pc, ...registers, ...csrs];
}

test('the first example runs and prints through the UART', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page);
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByRole('log')).toContainText('Hello, RISC-V!');
	await expect(status(page)).toContainText('exit code 0');
	expect(errors).toEqual([]);
});

test('a workbench at rest sends nothing to its worker', async ({ page }) => {
	// Every message the page posts to a worker, by type. A loop between the page and the worker
	// (an effect that re-posts on each answer) once kept a core busy on every page with a machine.
	await page.addInitScript(() => {
		const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
		const sent: string[] = [];
		(window as unknown as { sent: string[] }).sent = sent;
		Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
			sent.push(String((args[0] as { type?: string })?.type));
			post.apply(this, args);
		} as Worker['postMessage'];
	});
	await open(page);
	const sent = () => page.evaluate(() => [...(window as unknown as { sent: string[] }).sent]);
	await page.waitForTimeout(1_000);
	const before = await sent();
	await page.waitForTimeout(1_000);
	expect((await sent()).slice(before.length)).toEqual([]);
	// A breakpoint (F9 on line 2) is sent once, in one message.
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('ControlOrMeta+Home');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('F9');
	await expect(page.locator('.virtlab-breakpoint')).toHaveCount(1);
	await page.waitForTimeout(1_000);
	const after = (await sent()).slice(before.length).filter((type) => type === 'setBreakpoints');
	expect(after).toEqual(['setBreakpoints']);
});

test('the guest kernel example boots behind the firmware and prints its workload', async ({
	page
}) => {
	const errors = collectErrors(page);
	await open(page);
	await page.getByLabel('Examples').selectOption('guest-kernel');
	await expect(page.getByRole('checkbox', { name: /SBI firmware/ })).toBeChecked();
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(status(page)).toContainText('exit code 0', { timeout: 30_000 });
	await expect(page.getByRole('log')).toContainText('kernel: workload console');
	await expect(page.getByRole('log')).toContainText('console: line 0040');
	expect(errors).toEqual([]);
});

test('five steps and five steps back restore every register and CSR', async ({ page }) => {
	await open(page);
	const before = await machineState(page);
	expect(before.length).toBeGreaterThan(40);
	const step = controls(page).getByRole('button', { name: 'Step', exact: true });
	for (let i = 0; i < 5; i++) {
		await step.click();
		await expect(status(page)).toContainText(`step ${i + 1}.`);
	}
	const after = await machineState(page);
	expect(after).not.toEqual(before);
	const back = controls(page).getByRole('button', { name: 'Step back' });
	for (let i = 4; i >= 0; i--) {
		await back.click();
		await expect(status(page)).toContainText(i === 0 ? /start|step 0\./ : `step ${i}.`);
	}
	expect(await machineState(page)).toEqual(before);
});

test('an endless loop stops at Pause, and at the budget', async ({ page }) => {
	await open(page, linkTo(endless));
	// The largest budget, so that the run is still going when Pause is pressed: the default one
	// (100,000,000 steps) can end within the few seconds a busy machine takes to get there.
	await page.getByLabel('Budget (steps)').fill('10000000000');
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	const pause = controls(page).getByRole('button', { name: 'Pause' });
	await expect(pause).toBeVisible();
	await pause.click();
	await expect(status(page)).toContainText('Paused at');
	// The page stayed responsive throughout: the machine runs in a worker.
	await page.getByLabel('Budget (steps)').fill('2000000');
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(status(page)).toContainText('Stopped after 2,000,000 steps', { timeout: 20_000 });
	await expect(status(page)).toContainText('endless loop');
});

test('a link reproduces the program and its breakpoints', async ({ page }) => {
	const program = ['_start:', '\tli a0, 1', '\tli a1, 2', '\tj _start', ''].join('\n');
	await open(page, linkTo(program, [3]));
	await expect(page.getByRole('status').filter({ hasText: 'from the link' })).toBeVisible();
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(status(page)).toContainText('Breakpoint at');
	await expect(status(page)).toContainText('(line 3)');

	// "Copy link" writes the same kind of link into the address bar.
	await page.getByRole('button', { name: 'Copy link' }).click();
	const url = page.url();
	expect(url).toContain('#v1=');
	const other = await page.context().newPage();
	await open(other, url);
	await controls(other).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(status(other)).toContainText('(line 3)');
});

test('the program survives a reload', async ({ page }) => {
	await open(page, linkTo(endless));
	// Take the link away, so that what comes back is the saved copy.
	await page.evaluate(() => history.replaceState(null, '', location.pathname));
	await page.waitForTimeout(800);
	await page.reload();
	await expect(status(page)).toContainText('Ready', { timeout: 30_000 });
	await expect(page.getByRole('status').filter({ hasText: 'as you left it' })).toBeVisible();
	await page.getByLabel('Budget (steps)').fill('10000000000'); // still running at Pause
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await controls(page).getByRole('button', { name: 'Pause' }).click();
	await expect(status(page)).toContainText('Paused at');
});

test('a program that does not assemble lists its problems with their lines', async ({ page }) => {
	const broken = ['_start:', '\tli a0, 1', '\taddi a0, a0', '\tj _start', ''].join('\n');
	await page.goto(linkTo(broken));
	const problems = page.locator('[data-problems]');
	await expect(problems).toContainText('Line 3', { timeout: 30_000 });
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(status(page)).toContainText('does not assemble');
});

/**
 * Whether any script the page loaded is Monaco's (its tab-focus command is in its code). The
 * page is loaded once the network is idle and, where `settled` names an element, once it shows:
 * Monaco is imported after hydration, so a busy machine can go idle on the network before that.
 */
async function loadsMonaco(page: Page, path: string, settled?: string): Promise<boolean> {
	const scripts: Promise<string>[] = [];
	const collect = (response: Response) => {
		if (response.url().endsWith('.js')) scripts.push(response.text().catch(() => ''));
	};
	page.on('response', collect);
	await page.goto(path);
	if (settled) await expect(page.locator(settled).first()).toBeVisible({ timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	page.off('response', collect);
	const texts = await Promise.all(scripts);
	return texts.some((text) => text.includes('toggleTabFocusMode'));
}

test('Monaco loads on the playground only, not on the outline or a lesson', async ({ page }) => {
	expect(await loadsMonaco(page, './')).toBe(false);
	expect(await loadsMonaco(page, 'lessons/why-virtualize/')).toBe(false);
	expect(await loadsMonaco(page, 'playground/', '.monaco-editor')).toBe(true);
});

test('every view of the workbench passes axe (dark; a11y.spec checks the page in light)', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.emulateMedia({ colorScheme: 'dark' });
	await open(page);
	// Run the example first, so that the views have something in them.
	await controls(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(status(page)).toContainText('exit code 0');
	const tabs = page.getByRole('tab');
	const names = await tabs.allTextContents();
	expect(names).toEqual(['Registers', 'CSRs', 'Disassembly', 'Memory', 'Traps', 'TLB']);
	for (const [index, name] of names.entries()) {
		await page.getByRole('tab', { name }).click();
		if (name === 'CSRs') await page.locator('[role="tabpanel"] li summary').first().click();
		// The whole workbench once (its editor alone has thousands of nodes), then only what a tab
		// changes: its panel.
		const part = index === 0 ? '' : ' [role="tabpanel"]';
		const found = await axeViolations(page, `[data-widget="machine"]${part}`);
		expect(found, `${name}:\n${found.join('\n')}`).toEqual([]);
	}
});

test('the memory view shows RAM as hex and ASCII, and the views are reached by arrow keys', async ({
	page
}) => {
	await open(page);
	await page.getByRole('tab', { name: 'Registers' }).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Memory' })).toBeFocused();
	await expect(page.getByRole('tab', { name: 'Memory' })).toHaveAttribute('aria-selected', 'true');
	// The program starts at 0x80000000 with `la s0, message` (auipc): its first word is there.
	await expect(page.locator('[role="tabpanel"]')).toContainText('80000000');
});

test('a .s file opens; a binary file is refused and loses nothing; Save as .s downloads the program', async ({
	page
}) => {
	await open(page);
	const chooseFile = async (name: string, bytes: Buffer) => {
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Open a .s file…' }).click();
		await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
	};
	await chooseFile('kernel.elf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
	await expect(page.locator('[data-notice]')).toContainText('Could not open kernel.elf');
	await expect(page.locator('[data-notice]')).toContainText('Your program is unchanged');
	await expect(page.locator('.monaco-editor')).toContainText('la s0, message');

	await chooseFile('mine.s', Buffer.from(endless));
	await expect(page.locator('[data-notice]')).toContainText('Opened mine.s');
	await expect(page.locator('.monaco-editor')).toContainText('addi t0, t0, 1');
	// The example it replaced can come back.
	await page.getByRole('button', { name: 'Restore my previous program' }).click();
	await expect(page.locator('.monaco-editor')).toContainText('la s0, message');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as .s' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.s$/);
	const text = await new Promise<string>((resolve, reject) => {
		void file.createReadStream().then((stream) => {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
			stream.on('error', reject);
		});
	});
	expect(text).toContain('.asciz "Hello, RISC-V!\\n"');
});

test('::machine in a lesson runs its example, keeps an edit across a reload, and resets', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('lessons/trap-and-emulate/');
	const machine = await openWidget(page, 'machine');
	await expect(machine.locator('[data-status]')).toContainText('Ready', { timeout: 60_000 });
	await machine.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(machine.getByRole('log')).toContainText('powering off');
	await machine.getByRole('tab', { name: 'Traps' }).click();
	await expect(machine.locator('[role="tabpanel"]')).toContainText('3 traps of 3');

	// An edit: a comment at the end of the program.
	await machine.locator('.monaco-editor .view-lines').click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\n# my note');
	const reset = machine.getByRole('button', { name: 'Reset to the original program' });
	await expect(reset).toBeVisible();
	await page.waitForTimeout(800);
	await page.reload();
	await openWidget(page, 'machine');
	await expect(machine.locator('[data-status]')).toContainText('Ready', { timeout: 60_000 });
	// The editor draws only the lines in view: go to the end to see the note.
	await expect(reset).toBeVisible();
	await machine.locator('.monaco-editor .view-lines').click();
	await page.keyboard.press('Control+End');
	await expect(machine.locator('.monaco-editor')).toContainText('# my note');
	await reset.click();
	await expect(reset).toBeHidden();
	await expect(machine.locator('[data-notice]')).toContainText('back to the lesson’s original');
	await machine.locator('.monaco-editor .view-lines').click();
	await page.keyboard.press('Control+End');
	await expect(machine.locator('.monaco-editor')).not.toContainText('# my note');
});
