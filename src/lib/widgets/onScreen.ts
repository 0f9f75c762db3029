/**
 * An attachment (`{@attach onScreen(report)}`) that tells a widget whether it is on screen or close
 * to it, for work that only matters while someone can see the result: a plot does not re-sweep
 * outside the window while a slider is dragged (plot/sweeper.ts).
 */
import type { Attachment } from 'svelte/attachments';

/** How close to the window counts as on screen: a little scrolling shows nothing out of date. */
const margin = '200px 0px';

export function onScreen(report: (visible: boolean) => void): Attachment<Element> {
	return (element) => {
		const observer = new IntersectionObserver(
			(entries) => report(entries[entries.length - 1].isIntersecting),
			{ rootMargin: margin }
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
