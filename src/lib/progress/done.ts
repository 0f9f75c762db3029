/**
 * "Done" marks the student sets on lessons, kept in the browser under `virtlab:done:<slug>`
 * (one key per lesson, shared by both languages: finishing the Chinese version finishes the lesson).
 * Storage may be unavailable; then marks are not kept and nothing fails.
 */
export function doneKey(slug: string): string {
	return `virtlab:done:${slug}`;
}

export function isDone(storage: Storage | undefined, slug: string): boolean {
	try {
		return storage?.getItem(doneKey(slug)) === 'true';
	} catch {
		return false;
	}
}

export function setDone(storage: Storage | undefined, slug: string, done: boolean): void {
	try {
		if (done) storage?.setItem(doneKey(slug), 'true');
		else storage?.removeItem(doneKey(slug));
	} catch {
		// Storage full or blocked: the mark lasts until the page is left.
	}
}
