/**
 * The main thread's long tasks (PerformanceObserver 'longtask'), for the checks that a page stays
 * responsive while a worker runs: `watchLongTasks` before the page loads, then `longTasksSince`
 * a moment taken with `now` once the work being judged has begun.
 */
import type { Page } from '@playwright/test';

type LongTask = { start: number; duration: number };

export async function watchLongTasks(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { longTasks: LongTask[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
}

/** The page's clock now, to judge only what comes after. */
export function now(page: Page): Promise<number> {
	return page.evaluate(() => performance.now());
}

/** The durations (ms, rounded) of the long tasks that began at or after `since`. */
export function longTasksSince(page: Page, since: number): Promise<number[]> {
	return page.evaluate(
		(from) =>
			(window as unknown as { longTasks: LongTask[] }).longTasks
				.filter((t) => t.start >= from)
				.map((t) => Math.round(t.duration)),
		since
	);
}
