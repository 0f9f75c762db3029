/**
 * Runs a memory sweep: in the Web Worker (memory-sweep.worker.ts) where the browser has one, else
 * on the main thread with the same steps (steps.ts, loaded on first use), yielding to the page
 * after every run. Events of a sweep that was cancelled or replaced are never delivered; `cancel`
 * ends the worker at once (a new one starts with the next sweep).
 */
import type { MemorySweepReply } from '../../worker/memory-sweep.worker.ts';
import type { MemorySweepEvent, MemorySweepRequest } from './steps.ts';

export interface SweepClient {
	/** Starts a sweep, cancelling the one running; `onEvent` hears this sweep's events. */
	run(request: MemorySweepRequest, onEvent: (event: MemorySweepEvent) => void): void;
	cancel(): void;
	dispose(): void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function sweepClient(makeWorker?: () => Worker): SweepClient {
	let current = 0;
	let worker: Worker | undefined;
	let listener: ((event: MemorySweepEvent) => void) | undefined;
	/** Whether the worker is still running a sweep (it takes one at a time). */
	let busy = false;
	const canUseWorker = typeof Worker === 'function' && makeWorker !== undefined;

	function startWorker(): Worker | undefined {
		try {
			const w = makeWorker!();
			w.onmessage = (message: MessageEvent<MemorySweepReply>) => {
				if (message.data.id !== current) return;
				if (message.data.event.kind !== 'point') busy = false;
				listener?.(message.data.event);
			};
			w.onerror = (event) => {
				listener?.({ kind: 'error', error: event.message || 'the worker stopped' });
				stopWorker();
			};
			return w;
		} catch {
			return undefined;
		}
	}

	function stopWorker() {
		busy = false;
		worker?.terminate();
		worker = undefined;
	}

	async function runHere(id: number, request: MemorySweepRequest) {
		const { sweepSteps } = await import('./steps.ts');
		for (const event of sweepSteps(request)) {
			if (id !== current) return;
			listener?.(event);
			await nextTask();
		}
	}

	return {
		run(request, onEvent) {
			const id = ++current;
			listener = onEvent;
			// A sweep still running would hold up this one's runs until it ended.
			if (busy) stopWorker();
			if (canUseWorker) worker ??= startWorker();
			busy = worker !== undefined;
			if (worker) worker.postMessage({ id, request });
			else
				void runHere(id, request).catch((error: unknown) => {
					if (id === current)
						onEvent({
							kind: 'error',
							error: error instanceof Error ? error.message : String(error)
						});
				});
		},
		cancel() {
			current++;
			listener = undefined;
			// The worker is busy with the sweep's runs: ending it is the only way to stop them.
			stopWorker();
		},
		dispose() {
			this.cancel();
		}
	};
}
