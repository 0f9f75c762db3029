/**
 * Runs scheduling configurations for the lab: in a Web Worker when the browser has one, else on
 * the main thread after a pause that lets the page paint "Running…" first (the model is then
 * imported on the first run, so that a page whose worker runs it does not load it too). Only the
 * latest request matters; answers to older ones are dropped.
 */
import type { Result } from '../../sim/result.ts';
import type { SchedResult } from '../../sim/sched/simulate.ts';

export type SchedAnswer = Result<SchedResult>;

export interface SchedRunner {
	run(config: unknown, done: (answer: SchedAnswer) => void): void;
	dispose(): void;
}

export function createSchedRunner(makeWorker?: () => Worker): SchedRunner {
	let latest = 0;
	let worker: Worker | null = null;
	try {
		worker = makeWorker ? makeWorker() : null;
	} catch {
		worker = null;
	}
	const waiting = new Map<number, (answer: SchedAnswer) => void>();
	if (worker) {
		worker.onmessage = (event: MessageEvent<{ id: number; result: SchedAnswer }>) => {
			const callback = waiting.get(event.data.id);
			waiting.delete(event.data.id);
			if (callback && event.data.id === latest) callback(event.data.result);
		};
	}
	return {
		run(config, done) {
			const id = ++latest;
			if (worker) {
				waiting.set(id, done);
				worker.postMessage({ id, config });
			} else {
				setTimeout(async () => {
					if (id !== latest) return;
					const answer = await import('../../sim/sched/simulate.ts').then(
						({ runSched }) => runSched(config),
						// Offline before the model was ever fetched: say so rather than run forever.
						(cause: unknown): SchedAnswer => ({
							ok: false,
							error: { param: '(model)', message: `The model did not load: ${String(cause)}` }
						})
					);
					if (id === latest) done(answer);
				}, 16);
			}
		},
		dispose() {
			worker?.terminate();
			waiting.clear();
		}
	};
}
