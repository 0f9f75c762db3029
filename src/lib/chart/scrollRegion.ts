/**
 * Content wider than the page (a wide table, a long equation) scrolls sideways on a narrow
 * screen. A keyboard user can scroll it only if it can take focus, and a screen reader should say
 * what it is: while it overflows, it becomes a labelled, focusable region (role="region",
 * aria-label, tabindex="0"); when it fits again, it goes back to plain content and leaves the Tab
 * order. Used as a Svelte action: `<table use:scrollRegion={caption}>`.
 */

/** Whether an element's content is wider than the element (a pixel of rounding allowed). */
export function overflows(box: { scrollWidth: number; clientWidth: number }): boolean {
	return box.scrollWidth > box.clientWidth + 1;
}

/** Makes `node` a labelled, focusable region while it overflows, plain content otherwise. */
export function markScrollable(node: HTMLElement, label: string): void {
	if (overflows(node)) {
		node.setAttribute('role', 'region');
		node.setAttribute('aria-label', label);
		node.tabIndex = 0;
	} else if (node.getAttribute('role') === 'region') {
		node.removeAttribute('role');
		node.removeAttribute('aria-label');
		node.removeAttribute('tabindex');
	}
}

export function scrollRegion(node: HTMLElement, label: string) {
	let current = label;
	const check = () => markScrollable(node, current);
	// Its own size and its content's both decide whether it overflows.
	const observer = new ResizeObserver(check);
	observer.observe(node);
	for (const child of node.children) observer.observe(child);
	check();
	return {
		update(next: string) {
			current = next;
			check();
		},
		destroy() {
			observer.disconnect();
		}
	};
}

/**
 * The same for every element matching `selector` inside `root` (a lesson's text, whose tables and
 * equations arrive as rendered HTML), named by `label(element)`. Elements inside a widget are left
 * to the widget. The elements are looked up again when `root`'s children are replaced (another
 * lesson); each is checked again whenever it or `root` changes size.
 */
export function scrollRegions(
	root: HTMLElement,
	options: { selector: string; label: (element: HTMLElement) => string }
) {
	const found = () =>
		[...root.querySelectorAll<HTMLElement>(options.selector)].filter((e) => !e.closest('.widget'));
	const check = () => found().forEach((e) => markScrollable(e, options.label(e)));
	const sizes = new ResizeObserver(check);
	const watch = () => {
		sizes.disconnect();
		sizes.observe(root);
		found().forEach((e) => sizes.observe(e));
	};
	const children = new MutationObserver(watch);
	children.observe(root, { childList: true });
	watch();
	return {
		destroy() {
			sizes.disconnect();
			children.disconnect();
		}
	};
}
