/**
 * Which section the reader is at, so that the language switch can open the translation at the
 * same place. Headings carry the same ids in both languages (see content/headings.ts).
 */
export interface HeadingBox {
	id: string;
	/** Distance of the heading's top from the top of the viewport, in CSS pixels. */
	top: number;
}

/**
 * The id to keep when switching language: the `#hash` the reader followed while its heading is on
 * screen; otherwise the last heading scrolled past `offset` pixels from the top; '' at the start.
 */
export function readingPosition(
	headings: HeadingBox[],
	hash: string,
	viewportHeight: number,
	offset = 96
): string {
	const target = headings.find((heading) => heading.id === hash);
	if (target && target.top >= -1 && target.top < viewportHeight) return target.id;
	let current = '';
	for (const heading of headings) if (heading.top <= offset) current = heading.id;
	return current;
}
