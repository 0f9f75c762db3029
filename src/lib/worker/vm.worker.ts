/**
 * The exit stepper's Web Worker: runs the hypervisor off the main thread, in slices, so that the
 * page never freezes. The protocol and all the work are in vm-session.ts; this file only wires the
 * worker's messages to it. The widget imports it with Vite's `?worker` suffix:
 *
 *     import VmWorker from '$lib/worker/vm.worker.ts?worker';
 */
import { VmSession, type SessionRequest, type SessionResponse } from './vm-session.ts';

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<SessionRequest>) => void) | null;
	postMessage(message: SessionResponse, transfer?: Transferable[]): void;
};

// Packed exit records move to the page rather than being copied: the worker keeps no reference.
const session = new VmSession(
	(message) =>
		scope.postMessage(
			message,
			message.type === 'progress'
				? [message.records.numbers.buffer, message.records.starts.buffer]
				: []
		),
	{ clock: () => performance.now() }
);

scope.onmessage = (event) => {
	void session.handle(event.data);
};
