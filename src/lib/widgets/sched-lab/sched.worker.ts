/**
 * Runs the scheduling model off the main thread: a second of simulated time takes a noticeable
 * fraction of a second, which would stall the page while a slider moves.
 */
import { runSched } from '../../sim/sched/simulate.ts';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<{ id: number; config: unknown }>) => void) | null;
	postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
	const { id, config } = event.data;
	scope.postMessage({ id, result: runSched(config) });
};
