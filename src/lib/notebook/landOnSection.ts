/**
 * A jump to a section of a lesson (the table of contents, a link to `#id`, the language switch, a
 * page opened at `#id`) must land on its heading, just under the sticky header. The lesson's prose
 * blocks are skipped while off screen, sized by an estimate until they are first drawn
 * (content-visibility, LessonBody.svelte). A jump placed its target with those estimates; as the
 * blocks near it were drawn at their real heights, the target moved: headings ended up as much as
 * 260 px away, under the header or out of the window.
 *
 * So for a jump, every block of the lesson is drawn (`exact`) and the target is scrolled to with
 * the real heights. Two frames later the blocks are skipped again, each at the height the browser
 * recorded when it drew it (`contain-intrinsic-size: auto`). Drawing them all takes 40-100 ms on a
 * long lesson, which is why it is done for a jump and not for every page.
 */
export function landOnSection(body: HTMLElement, hash: string): void {
	const target = sectionOf(body, hash);
	if (!target) return;
	body.classList.add('exact');
	target.scrollIntoView();
	requestAnimationFrame(() => requestAnimationFrame(() => body.classList.remove('exact')));
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
