/**
 * The section the student is reading, tracked in the browser for the language switch (which keeps
 * it) and the table of contents (which marks it). Headings are those of the lesson text, marked by
 * the `data-lesson-text` attribute on its container.
 */
import { readingPosition } from './readingPosition.ts';

class ReadingPlace {
	/** The id of the section being read, '' at the top of a page. */
	anchor = $state('');
	#users = 0;
	#frame = 0;

	/** Measures the headings now. */
	update = (): void => {
		const headings = [...document.querySelectorAll('[data-lesson-text] :is(h2, h3, h4)[id]')].map(
			(heading) => ({ id: heading.id, top: heading.getBoundingClientRect().top })
		);
		this.anchor = readingPosition(
			headings,
			decodeURIComponent(location.hash.slice(1)),
			innerHeight
		);
	};

	/** Measures at the next frame: scroll events come faster than the screen changes. */
	schedule = (): void => {
		cancelAnimationFrame(this.#frame);
		this.#frame = requestAnimationFrame(this.update);
	};

	/** Follows scrolling while at least one component needs it; call from onMount, which stops it. */
	track(): () => void {
		if (this.#users++ === 0) {
			addEventListener('scroll', this.schedule, { passive: true });
			addEventListener('hashchange', this.schedule);
		}
		this.update();
		return () => {
			if (--this.#users > 0) return;
			cancelAnimationFrame(this.#frame);
			removeEventListener('scroll', this.schedule);
			removeEventListener('hashchange', this.schedule);
		};
	}
}

export const readingPlace = new ReadingPlace();
