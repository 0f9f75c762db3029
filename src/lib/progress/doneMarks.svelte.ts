/**
 * The done marks as reactive state in the browser, so that the outline's progress line and every
 * checkbox agree at once. Read from storage after the page has loaded (a prerendered page cannot
 * know them); written through to storage on every change.
 */
import { browserStorage as storage } from '../notebook/persistence.ts';
import { isDone, setDone } from './done.ts';

class DoneMarks {
	#marks = $state<Record<string, boolean>>({});

	/** Reads the stored mark of a lesson; call it in the browser (onMount). */
	load(slug: string): void {
		this.#marks[slug] = isDone(storage(), slug);
	}

	isDone(slug: string): boolean {
		return this.#marks[slug] === true;
	}

	set(slug: string, done: boolean): void {
		this.#marks[slug] = done;
		setDone(storage(), slug, done);
	}

	count(slugs: string[]): number {
		return slugs.filter((slug) => this.isDone(slug)).length;
	}
}

export const doneMarks = new DoneMarks();
