/**
 * Collects what a page logs as an error (console errors and uncaught exceptions), so that a test
 * can end with `expect(errors).toEqual([])`.
 */
import type { Page } from '@playwright/test';

export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	return errors;
}
