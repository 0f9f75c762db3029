/**
 * The block directives a lesson may use:
 * - `::name{prop=value …}` (a leaf directive) is a widget, checked against its prop schema;
 * - `:::reveal{label="…"}` … `:::` (a container) is a native <details> block that hides an answer
 *   until the student opens it;
 * - `:::predict{expr=… label=…}` … `:::` (a container) asks for a prediction and hides the
 *   experiment inside it (cells, widgets, text) until the student has made one. Its props are the
 *   predict widget's schema.
 * - `:::machine{…}` … `:::` (a container) is the machine widget with its program written inside,
 *   as one ```asm code block.
 * Anything else shaped like a directive is an error with its position.
 */
import type { Parent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { t } from '../i18n/index.ts';
import { errorAt, type ContentError, type Point } from './errors.ts';
import type { Lang, PredictBlock, WidgetBlock } from './types.ts';
import { validateWidgetProps } from './widgetProps.ts';
import { isSliderRepeat, sliderRepeatProps } from './sliderRepeats.ts';

/** Containers a lesson may use: `reveal` is rendered as HTML, `predict` and `machine` become blocks. */
export const knownContainers = ['reveal', 'predict', 'machine'];

/** Directive attributes as the schemas expect them: a bare `logy` is the empty string. */
function attributesOf(node: LeafDirective | ContainerDirective): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const [key, value] of Object.entries(node.attributes ?? {})) attributes[key] = value ?? '';
	return attributes;
}

/**
 * Where `prop=` is written inside the directive, so that an error points at the prop itself. Only
 * the directive's first line is searched: a container's body may well contain the same word.
 */
function propPoint(
	source: string,
	node: LeafDirective | ContainerDirective,
	prop: string
): Point | undefined {
	const start = node.position?.start;
	const from = start?.offset;
	const to = node.position?.end.offset;
	if (!start || from === undefined || to === undefined) return start;
	const whole = source.slice(from, to);
	const firstLine = whole.indexOf('\n');
	const text =
		node.type === 'containerDirective' && firstLine >= 0 ? whole.slice(0, firstLine) : whole;
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
	node: LeafDirective | ContainerDirective,
	id: string,
	attributes = attributesOf(node)
): { block?: WidgetBlock; errors: ContentError[] } {
	if (node.name === 'predict') {
		return {
			errors: [
				errorAt(
					file,
					node.position?.start,
					"'::predict' is a container now: write ':::predict{…}', then the experiment it hides until the student has predicted, then ':::' (docs/writing-lessons.md)"
				)
			]
		};
	}
	const start = node.position?.start;
	// A repeat names only its variable; it takes its declaration's props once the whole lesson is
	// read (sliderRepeats.ts).
	const result = isSliderRepeat(node.name, attributes)
		? sliderRepeatProps(attributes)
		: validateWidgetProps(node.name, attributes);
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

/** The info strings a `:::machine` program's code block may carry. */
const ASSEMBLY_FENCES = ['asm', 's', 'riscv'];

/**
 * The machine widget, whose program comes from one of three places: `::machine{example=…}` (the
 * playground's examples, checked by the schema), `::machine{src="programs/x.s"}` (a file in the
 * lessons' folder, read by the loader and passed in `programs`), or `:::machine{…}` with the
 * program inside as one ```asm code block. The file's or the block's text becomes the `source`
 * prop; the rest is checked like any widget's props.
 */
export function machineBlock(
	file: string,
	source: string,
	node: LeafDirective | ContainerDirective,
	id: string,
	programs: Readonly<Record<string, string>> = {}
): { block?: WidgetBlock; errors: ContentError[] } {
	const { src, ...attributes } = attributesOf(node);
	const fail = (point: Point | undefined, message: string) => ({
		errors: [errorAt(file, point ?? node.position?.start, message)]
	});
	if ('source' in attributes)
		return fail(
			propPoint(source, node, 'source'),
			'\'machine\': write the program in a ```asm code block inside \':::machine\', or name a file with src="programs/….s", not as source="…"'
		);
	if (node.type === 'leafDirective') {
		if (src === undefined) return widgetBlock(file, source, node, id, attributes);
		const text = programs[src];
		if (text === undefined) {
			const known = Object.keys(programs).sort();
			return fail(
				propPoint(source, node, 'src'),
				`'machine': no program '${src}' in the lessons' folder (${known.length > 0 ? `there are: ${known.join(', ')}` : 'put .s files in its programs/ folder'})`
			);
		}
		return widgetBlock(file, source, node, id, { ...attributes, source: text });
	}
	if (src !== undefined)
		return fail(
			propPoint(source, node, 'src'),
			"':::machine' holds its program: leave out src=, or write '::machine{src=…}' without a body"
		);
	const children = node.children as RootContent[];
	const stray = children.find(
		(child) => child.type !== 'code' || !ASSEMBLY_FENCES.includes(child.lang ?? '')
	);
	if (children.length !== 1 || stray)
		return fail(
			(stray ?? children[1])?.position?.start,
			`':::machine' holds one code block tagged ${ASSEMBLY_FENCES.join(', ')} (\`\`\`asm … \`\`\`) and nothing else: put the prose around it`
		);
	const code = children[0] as Extract<RootContent, { type: 'code' }>;
	return widgetBlock(file, source, node, id, { ...attributes, source: code.value });
}

/**
 * Checks a `:::predict{…}` container: its props against the predict schema, and that it holds an
 * experiment to hide. Returns the block without its inner blocks (the caller converts `children`,
 * so that cells and widgets inside are numbered in document order with the rest of the lesson).
 */
export function predictBlock(
	file: string,
	source: string,
	node: ContainerDirective,
	id: string
): { block?: Omit<PredictBlock, 'blocks'>; children: RootContent[]; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const start = node.position?.start;
	let children = node.children as RootContent[];
	const first = children[0];
	if (first?.type === 'paragraph' && first.data?.directiveLabel === true) {
		errors.push(
			errorAt(file, start, '\':::predict\': write the question as label="…", not in [brackets]')
		);
		children = children.slice(1);
	}
	if (children.length === 0) {
		errors.push(
			errorAt(
				file,
				start,
				"':::predict' is empty: put the experiment it hides (cells, widgets, text) between ':::predict{…}' and ':::'"
			)
		);
	}
	const result = validateWidgetProps('predict', attributesOf(node));
	if (!result.ok) {
		for (const p of result.problems) {
			const message = p.message.replace("widget 'predict'", "':::predict'");
			errors.push(errorAt(file, p.prop ? propPoint(source, node, p.prop) : start, message));
		}
		return { children, errors };
	}
	const block = { kind: 'predict' as const, id, props: result.props, line: start?.line ?? 1 };
	return { block, children, errors };
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
