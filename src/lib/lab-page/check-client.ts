/**
 * Runs the grader for the lab pages: in the Web Worker (worker/lab-check.worker.ts) where the
 * browser has one, else on the main thread (check-requests.ts, loaded on first use; the page
 * waits for it, as it has no other way). The worker answers one request at a time, in order.
 * `cancel` ends the worker at once, which is the only way to stop a program that is running:
 * every request still waiting is rejected with `CheckCancelled`, and the next request starts a
 * new worker.
 */
import type { LabCheckReply } from '../worker/lab-check.worker.ts';
import type { CheckReply, CheckRequest } from './check-requests.ts';

export class CheckCancelled extends Error {
	constructor() {
		super('cancelled');
	}
}

export interface CheckClient {
	run(request: CheckRequest): Promise<CheckReply>;
	/** Ends every check running or waiting; their promises reject with CheckCancelled. */
	cancel(): void;
	dispose(): void;
}

interface Pending {
	resolve(reply: CheckReply): void;
	reject(error: Error): void;
}

/** `makeWorker` makes the worker; without it (or without Worker) checks run on the main thread. */
export function checkClient(makeWorker?: () => Worker): CheckClient {
	let nextId = 0;
	let worker: Worker | undefined;
	const pending = new Map<number, Pending>();
	const canUseWorker = typeof Worker === 'function' && makeWorker !== undefined;

	function failAll(error: Error) {
		for (const waiting of pending.values()) waiting.reject(error);
		pending.clear();
	}

	function stopWorker() {
		worker?.terminate();
		worker = undefined;
	}

	function startWorker(): Worker | undefined {
		try {
			const started = makeWorker!();
			started.onmessage = (message: MessageEvent<LabCheckReply>) => {
				const data = message.data;
				const waiting = pending.get(data.id);
				if (!waiting) return;
				pending.delete(data.id);
				if ('reply' in data) waiting.resolve(data.reply);
				else waiting.reject(new Error(data.error));
			};
			started.onerror = (event) => {
				failAll(new Error(event.message || 'the checker stopped'));
				stopWorker();
			};
			return started;
		} catch {
			return undefined;
		}
	}

	async function runHere(request: CheckRequest): Promise<CheckReply> {
		const { answerRequest } = await import('./check-requests.ts');
		return answerRequest(request);
	}

	return {
		run(request) {
			if (canUseWorker) worker ??= startWorker();
			if (!worker) return runHere(request);
			const id = ++nextId;
			const running = worker;
			return new Promise<CheckReply>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				running.postMessage({ id, request });
			});
		},
		cancel() {
			stopWorker();
			failAll(new CheckCancelled());
		},
		dispose() {
			this.cancel();
		}
	};
}
