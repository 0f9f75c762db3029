/**
 * Where the queue simulator gets its time from: the browser's animation frames and timers, or a
 * clock that a test advances by hand.
 */
export interface Clock {
	now(): number;
	/** Calls `callback` before the next repaint (requestAnimationFrame). */
	frame(callback: (now: number) => void): number;
	cancelFrame(handle: number): void;
	/** Calls `callback` as soon as the page has had a turn (setTimeout 0). */
	soon(callback: () => void): number;
	cancelSoon(handle: number): void;
}

export const browserClock: Clock = {
	now: () => performance.now(),
	frame: (callback) => requestAnimationFrame(callback),
	cancelFrame: (handle) => cancelAnimationFrame(handle),
	soon: (callback) => window.setTimeout(callback, 0),
	cancelSoon: (handle) => window.clearTimeout(handle)
};
