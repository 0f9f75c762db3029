/**
 * A slider shown again. A lesson declares each slider once, with its range and label; where a later
 * plot or experiment is driven by it, far from the declaration, `::slider{var=idleShare}` puts a
 * second handle on the same variable beside it, so that a student sees what the slider changes
 * without scrolling back and forth. Both handles move one variable and always show the same value.
 *
 * The build gives each repeat its declaration's props; a repeat of a slider the lesson does not
 * declare, and a slider declared twice (whose ranges or defaults could disagree), are errors.
 */
import { errorAt, type ContentError } from './errors.ts';
import { allBlocks, type Block, type WidgetBlock } from './types.ts';
import type { PropsResult } from './widgetProps.ts';
import { identifier } from '../widgets/props.ts';

/** `::slider{var=x}` and nothing else: a repeat, not a declaration. */
export function isSliderRepeat(name: string, attributes: Record<string, string>): boolean {
	const keys = Object.keys(attributes);
	return name === 'slider' && keys.length === 1 && keys[0] === 'var';
}

/** A repeat's props: its variable alone, which must be a variable name. */
export function sliderRepeatProps(attributes: Record<string, string>): PropsResult {
	const name = identifier.safeParse(attributes.var);
	if (name.success) return { ok: true, props: { var: name.data } };
	const message = `widget 'slider': prop 'var': ${name.error.issues[0].message}`;
	return { ok: false, problems: [{ prop: 'var', message }] };
}

/** A slider block as directives.ts makes it for a repeat: only its variable, until resolved. */
function isUnresolvedRepeat(block: WidgetBlock): boolean {
	return !('label' in block.props);
}

/** Gives every repeat in `blocks` (predictions' experiments included) its declaration's props. */
export function resolveSliderRepeats(file: string, blocks: Block[]): ContentError[] {
	const sliders = allBlocks(blocks).filter(
		(block): block is WidgetBlock => block.kind === 'widget' && block.name === 'slider'
	);
	const declarations = new Map<string, WidgetBlock>();
	const errors: ContentError[] = [];
	for (const slider of sliders.filter((block) => !isUnresolvedRepeat(block))) {
		const name = String(slider.props.var);
		const first = declarations.get(name);
		if (first) {
			errors.push(
				errorAt(
					file,
					{ line: slider.line, column: 1 },
					`slider '${name}' is declared twice (first at line ${first.line}): to show it again, write ::slider{var=${name}}`
				)
			);
		} else declarations.set(name, slider);
	}
	for (const repeat of sliders.filter(isUnresolvedRepeat)) {
		const name = String(repeat.props.var);
		const declared = declarations.get(name);
		if (declared) repeat.props = { ...declared.props };
		else {
			errors.push(
				errorAt(
					file,
					{ line: repeat.line, column: 1 },
					`::slider{var=${name}} shows a slider again, but the lesson declares no slider '${name}': declare it once with min, max, default and label`
				)
			);
		}
	}
	return errors;
}
