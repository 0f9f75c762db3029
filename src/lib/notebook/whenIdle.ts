/**
 * Runs `run` when the browser has nothing better to do, or after `timeout` milliseconds at the
 * latest. Safari has no requestIdleCallback: a timer of half the timeout stands in for it.
 * Returns a function that cancels it.
 */
export function whenIdle(run: () => void, timeout: number): () => void {
	if (typeof window.requestIdleCallback === 'function') {
		const handle = window.requestIdleCallback(run, { timeout });
		return () => window.cancelIdleCallback(handle);
	}
	const handle = window.setTimeout(run, timeout / 2);
	return () => window.clearTimeout(handle);
}
