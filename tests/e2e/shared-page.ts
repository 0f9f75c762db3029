/**
 * One page shared by the tests of a serial group (`test.describe.serial`): the page and its widget
 * load once, in `beforeAll`, and each test carries on from the last, as a student would. For a
 * widget whose runs cost most of a test's time on two cores (an exit stepper, a memory sweep).
 * Every test of the group must end without an error logged by the page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors } from './console.ts';

export interface SharedPage {
	page: Page;
	widget: Locator;
	errors: string[];
}

/** Declares the group's hooks; the returned object is filled in before its first test runs. */
export function sharePage(open: (page: Page) => Promise<Locator>): SharedPage {
	const shared = {} as SharedPage;
	test.beforeAll(async ({ browser }) => {
		// A hook has the default time, not the file's: loading and running takes longer.
		test.setTimeout(120_000);
		shared.page = await browser.newPage();
		shared.errors = collectErrors(shared.page);
		shared.widget = await open(shared.page);
	});
	test.afterAll(() => shared.page.close());
	test.afterEach(() => expect(shared.errors).toEqual([]));
	return shared;
}
