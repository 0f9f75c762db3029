/**
 * The lesson's prose blocks are skipped by layout while off screen, sized by an estimate until
 * they are first drawn (content-visibility, LessonBody.svelte). Two consequences, and their cure:
 *
 * - A jump to a section (the table of contents, a link to `#id`, the language switch, a page
 *   opened at `#id`) must land on its heading, just under the sticky header. Placed with the
 *   estimates, the target moved as the blocks near it were drawn at their real heights: headings
 *   ended up as much as 260 px away, under the header or out of the window.
 * - Until every block has been drawn once, the page is shorter than its content (sharing memory:
 *   7,498 px instead of 7,875), the scroll bar says so, and whatever a jump or a scroll-bar drag
 *   brings into view moves as the blocks above it are drawn: the memory dashboard moved 351 px
 *   down between a press on its checkbox and the release.
 *
 * So the lesson draws every block (`exact`) once when the browser is idle after loading, and again
 * for each jump, then two frames later lets them be skipped again, each at the height the browser
 * recorded when it drew it (`contain-intrinsic-size: auto`). Drawing them all takes 10-35 ms on a
 * long lesson: once at rest, not on every slider move.
 */

/**
 * Draws every block of the lesson at its real height; `then` runs while they are drawn. Resolves
 * once they may be skipped again.
 */
export function drawEveryBlock(body: HTMLElement, then?: () => void): Promise<void> {
	body.classList.add('exact');
	then?.();
	return new Promise((done) =>
		requestAnimationFrame(() =>
			requestAnimationFrame(() => {
				body.classList.remove('exact');
				done();
			})
		)
	);
}

/** Scrolls to the section that `hash` names, placed with the blocks' real heights. */
export function landOnSection(body: HTMLElement, hash: string): void {
	const target = sectionOf(body, hash);
	if (target) void drawEveryBlock(body, () => target.scrollIntoView());
}

/** The element of the lesson that `#id` names, if any. */
function sectionOf(body: HTMLElement, hash: string): HTMLElement | null {
	let id: string;
	try {
		id = decodeURIComponent(hash.slice(1));
	} catch {
		return null;
	}
	const target = id ? document.getElementById(id) : null;
	return target && body.contains(target) ? target : null;
}
