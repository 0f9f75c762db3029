/**
 * The memory-sweep widget's Web Worker: runs a sweep of the memory workloads (vmm/sweep.ts) one
 * guest at a time off the main thread and posts each run as it ends, so that the widget can show
 * progress and draw the lines as they grow. A sweep is cancelled by ending the worker.
 */
import {
	sweepSteps,
	type MemorySweepEvent,
	type MemorySweepRequest
} from '../widgets/memory-sweep/steps.ts';

export interface MemorySweepMessage {
	id: number;
	request: MemorySweepRequest;
}

export interface MemorySweepReply {
	id: number;
	event: MemorySweepEvent;
}

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<MemorySweepMessage>) => void) | null;
	postMessage(message: MemorySweepReply): void;
};

scope.onmessage = (message) => {
	const { id, request } = message.data;
	try {
		for (const event of sweepSteps(request)) scope.postMessage({ id, event });
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		scope.postMessage({ id, event: { kind: 'error', error: text } });
	}
};
