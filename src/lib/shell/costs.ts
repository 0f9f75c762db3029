/**
 * The footer's note on "model cycles" belongs only on pages that show such costs. A lesson shows
 * them when it has a widget that reports costs from the emulator's documented cost model (none
 * yet: the emulator widgets to come add their names here). Pages opt in through their data
 * (`showsModelCosts: true`), which the layout hands to the footer.
 */
import type { Block } from '$lib/content/types.ts';

export const COSTED_WIDGETS: ReadonlySet<string> = new Set<string>([]);

export function showsModelCosts(
	lesson: { blocks: Block[] },
	costed: ReadonlySet<string> = COSTED_WIDGETS
): boolean {
	return lesson.blocks.some((block) => block.kind === 'widget' && costed.has(block.name));
}
