/**
 * The lab pages' Web Worker: checks a task (the Check button) or the reference solution (the
 * instructor's preview) off the main thread. An assembly task runs up to millions of instructions,
 * which takes a second; here it cannot freeze the page, and Cancel ends the worker. The emulator
 * and mathjs load here, not in the page's first JavaScript.
 */
import { answerRequest, type CheckReply, type CheckRequest } from '../lab-page/check-requests.ts';

export interface LabCheckMessage {
	id: number;
	request: CheckRequest;
}

export type LabCheckReply = { id: number; reply: CheckReply } | { id: number; error: string };

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<LabCheckMessage>) => void) | null;
	postMessage(message: LabCheckReply): void;
};

scope.onmessage = (message) => {
	const { id, request } = message.data;
	try {
		scope.postMessage({ id, reply: answerRequest(request) });
	} catch (error) {
		scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
};
