/**
 * axe-core over a page (or a part of it), as every accessibility check in these tests runs it.
 *
 * Two settings keep it fast enough for a two-core machine without checking less:
 * - Legacy mode runs axe in the page itself. The default mode gathers partial results from each
 *   frame and finishes the run in a second, blank page, serialising every node's result between
 *   the two: on a lesson with its experiments open (about 3,000 elements) that took longer than
 *   the rules themselves. Legacy mode only gives up testing cross-origin frames, and our pages
 *   have none.
 * - Only violations are reported back, not the passes and inapplicable rules we never read.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Each violation as one readable line per rule: its id, impact, help text and where it is. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
	let builder = new AxeBuilder({ page })
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] });
	if (include) builder = builder.include(include);
	const { violations } = await builder.analyze();
	return violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
}
