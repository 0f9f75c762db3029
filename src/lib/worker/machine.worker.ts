/**
 * The playground's Web Worker: runs the machine off the main thread, batch by batch, so that the
 * page never freezes and a pause is heard at once. The protocol and all the work are in
 * machine-session.ts; this file only wires the worker's messages to it. The page imports it with
 * Vite's `?worker` suffix:
 *
 *     import MachineWorker from '$lib/worker/machine.worker.ts?worker';
 */
import { MachineSession, type MachineRequest, type MachineResponse } from './machine-session.ts';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<MachineRequest>) => void) | null;
	postMessage(message: MachineResponse): void;
};

/**
 * Yields through a MessageChannel rather than a timer: nested zero-delay timers are clamped to
 * 4 ms (HTML, "timers"), as long as a batch itself; a channel message lets a waiting `pause` in at
 * once and costs next to nothing.
 */
const channel = new MessageChannel();
const yieldToEvents = () =>
	new Promise<void>((resolve) => {
		channel.port1.onmessage = () => resolve();
		channel.port2.postMessage(null);
	});

const session = new MachineSession((message) => scope.postMessage(message), { yieldToEvents });

scope.onmessage = (event) => {
	void session.handle(event.data);
};
