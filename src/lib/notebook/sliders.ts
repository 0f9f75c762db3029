/**
 * The slider variables of a lesson, read from its widget blocks. They are known before the page runs,
 * so the notebook can seed the scope with every default before the first cell is evaluated.
 */
import { allBlocks, type Block } from '../content/types.ts';
import type { SliderProps } from '../widgets/slider/schema.ts';

export interface SliderDefinition extends SliderProps {
	/** The widget block that declares it. */
	id: string;
}

export function sliderDefinitions(blocks: Block[]): SliderDefinition[] {
	const sliders: SliderDefinition[] = [];
	// A slider may sit inside a prediction's hidden experiment: it is still set before every cell.
	for (const block of allBlocks(blocks)) {
		if (block.kind !== 'widget' || block.name !== 'slider') continue;
		// A slider shown again (`::slider{var=x}`, content/sliderRepeats.ts) is the same variable.
		if (sliders.some((slider) => slider.var === block.props.var)) continue;
		// The build validated and coerced these props against the slider schema (no zod needed here,
		// which keeps it out of the page's JavaScript).
		const props = block.props as SliderProps;
		sliders.push({ id: block.id, ...props, display: props.display ?? 'number' });
	}
	return sliders;
}

export function sliderDefaults(sliders: SliderDefinition[]): Record<string, number> {
	return Object.fromEntries(sliders.map((slider) => [slider.var, slider.default]));
}

/** Keeps a value inside the slider's range and on its step grid (a restored value may be stale). */
export function clampToSlider(slider: SliderProps, value: number): number {
	const inside = Math.min(slider.max, Math.max(slider.min, value));
	if (!slider.step) return inside;
	const steps = Math.round((inside - slider.min) / slider.step);
	// Round away binary noise (0.1 + 0.2) so the value reads as the grid value it is.
	return Math.min(slider.max, Number((slider.min + steps * slider.step).toPrecision(12)));
}
