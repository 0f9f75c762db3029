/**
 * The footer's note on "model cycles" belongs only on pages that show such costs. A lesson shows
 * them when it has a widget that reports costs from the emulator's documented cost model
 * (vmm/cost.ts), inside a prediction's experiment or not. Pages opt in through their data
 * (`showsModelCosts: true`), which the layout hands to the footer.
 */
import { allBlocks, type Block } from '$lib/content/types.ts';

export const COSTED_WIDGETS: ReadonlySet<string> = new Set<string>(['exit-stepper']);

export function showsModelCosts(
	lesson: { blocks: Block[] },
	costed: ReadonlySet<string> = COSTED_WIDGETS
): boolean {
	return allBlocks(lesson.blocks).some(
		(block) => block.kind === 'widget' && costed.has(block.name)
	);
}
