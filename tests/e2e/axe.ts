/**
 * axe-core over a page (or a part of it), as every accessibility check in these tests runs it.
 *
 * axe runs in the page itself, the way axe's browser extensions run it, and we call it directly
 * rather than through @axe-core/playwright:
 * - That package's default mode gathers partial results from each frame and finishes the run in a
 *   second, blank page, serialising every node's result between the two: on a lesson with its
 *   experiments open (about 3,000 elements) that took longer than the rules themselves. Its legacy
 *   mode runs in the page but evaluates axe's 600 KB source twice on every call. Here it is
 *   evaluated once per page, however many parts of the page a test checks.
 * - Our pages have no frames, so nothing is lost by not reaching into them.
 * - Only violations are reported back, not the passes and inapplicable rules we never read.
 */
import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** Each violation as one readable line per rule: its id, impact, help text and where it is. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const violations = await page.evaluate(
		async ({ include }) => {
			const { violations } = await window.axe.run(include ?? document, {
				resultTypes: ['violations']
			});
			return violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.map((n) => n.target.join(' '))
			}));
		},
		{ include }
	);
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.join('\n  ')}`);
}

declare global {
	interface Window {
		axe: typeof axe;
	}
}
