/**
 * The block directives a lesson may use:
 * - `::name{prop=value …}` (a leaf directive) is a widget, checked against its prop schema;
 * - `:::reveal{label="…"}` … `:::` (a container) is a native <details> block that hides an answer
 *   until the student opens it.
 * Anything else shaped like a directive is an error with its position.
 */
import type { Parent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { t } from '../i18n/index.ts';
import { errorAt, type ContentError, type Point } from './errors.ts';
import type { Lang, WidgetBlock } from './types.ts';
import { validateWidgetProps } from './widgetProps.ts';

export const knownContainers = ['reveal'];

/** Directive attributes as the schemas expect them: a bare `logy` is the empty string. */
function attributesOf(node: LeafDirective | ContainerDirective): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const [key, value] of Object.entries(node.attributes ?? {})) attributes[key] = value ?? '';
	return attributes;
}

/** Where `prop=` is written inside the directive, so that an error points at the prop itself. */
function propPoint(source: string, node: LeafDirective, prop: string): Point | undefined {
	const start = node.position?.start;
	const from = start?.offset;
	const to = node.position?.end.offset;
	if (!start || from === undefined || to === undefined) return start;
	const text = source.slice(from, to);
	const escaped = prop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`[{\\s]${escaped}(?=[=\\s}])`).exec(text);
	if (!match) return start;
	const before = text.slice(0, match.index + 1);
	const lines = before.split('\n');
	const line = start.line + lines.length - 1;
	const column = lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + before.length;
	return { line, column };
}

export function widgetBlock(
	file: string,
	source: string,
	node: LeafDirective,
	id: string
): { block?: WidgetBlock; errors: ContentError[] } {
	const result = validateWidgetProps(node.name, attributesOf(node));
	const start = node.position?.start;
	if (!result.ok) {
		return {
			errors: result.problems.map((p) =>
				errorAt(file, p.prop ? propPoint(source, node, p.prop) : start, p.message)
			)
		};
	}
	const block: WidgetBlock = {
		kind: 'widget',
		id,
		name: node.name,
		props: result.props,
		line: start?.line ?? 1
	};
	return { block, errors: [] };
}

/**
 * Turns `:::reveal` into <details class="reveal"><summary>label</summary>…</details>. The label is
 * the directive's `[label]` or its `label` attribute, or "Show the answer" in the lesson's language.
 */
export function revealToDetails(
	file: string,
	node: ContainerDirective,
	lang: Lang
): ContentError[] {
	const errors: ContentError[] = [];
	const { label, ...rest } = attributesOf(node);
	for (const key of Object.keys(rest)) {
		errors.push(
			errorAt(
				file,
				node.position?.start,
				`':::reveal': unknown prop '${key}' (allowed props: label)`
			)
		);
	}
	const first = node.children[0];
	const hasLabelParagraph = first?.type === 'paragraph' && first.data?.directiveLabel === true;
	if (hasLabelParagraph) {
		first.data = { ...first.data, hName: 'summary' };
	} else {
		node.children.unshift({
			type: 'paragraph',
			data: { hName: 'summary' },
			children: [{ type: 'text', value: label || t(lang, 'reveal.show') }]
		});
	}
	node.data = { ...node.data, hName: 'details', hProperties: { className: ['reveal'] } };
	errors.push(...nestedBlockErrors(file, node));
	return errors;
}

/** Widgets and math cells stand at the top level of a lesson: each is a live component. */
export function nestedBlockErrors(file: string, parent: Parent): ContentError[] {
	const errors: ContentError[] = [];
	const walk = (node: RootContent): void => {
		if (node.type === 'leafDirective') {
			errors.push(
				errorAt(
					file,
					node.position?.start,
					`widget '${node.name}' must stand on its own at the top level of the lesson, not inside a list, quote or ':::reveal'`
				)
			);
		} else if (node.type === 'containerDirective') {
			errors.push(
				errorAt(
					file,
					node.position?.start,
					`':::${node.name}' cannot be nested inside another block`
				)
			);
		} else if (node.type === 'code' && node.lang === 'math') {
			errors.push(
				errorAt(
					file,
					node.position?.start,
					"a ```math cell must stand at the top level of the lesson, not inside a list, quote or ':::reveal'"
				)
			);
		}
		if ('children' in node) for (const child of node.children) walk(child as RootContent);
	};
	for (const child of parent.children) walk(child as RootContent);
	return errors;
}
