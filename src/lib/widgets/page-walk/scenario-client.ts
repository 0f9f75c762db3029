/**
 * Asks for a page-walk scenario: in the Web Worker (page-walk.worker.ts) where the browser has
 * one, else on the main thread with the same engine, loaded on first use. Only the answer to the
 * latest request is delivered; `dispose` ends the worker.
 */
import type {
	PageWalkScenario,
	PageWalkScenarioOptions
} from '../../emulator/vmm/page-walk-scenario.ts';
import type { PageWalkResponse } from '../../worker/page-walk.worker.ts';

export interface ScenarioClient {
	run(options: PageWalkScenarioOptions): Promise<PageWalkScenario | undefined>;
	dispose(): void;
}

export function scenarioClient(makeWorker?: () => Worker): ScenarioClient {
	let latest = 0;
	let worker: Worker | undefined;
	const waiting = new Map<number, (result: PageWalkScenario) => void>();
	const fail = (message: string) => {
		for (const [, resolve] of waiting) resolve({ ok: false, error: message });
		waiting.clear();
	};
	try {
		worker = typeof Worker === 'function' ? makeWorker?.() : undefined;
	} catch {
		worker = undefined;
	}
	if (worker) {
		worker.onmessage = (event: MessageEvent<PageWalkResponse>) => {
			waiting.get(event.data.id)?.(event.data.result);
			waiting.delete(event.data.id);
		};
		worker.onerror = (event) => fail(event.message || 'the worker stopped');
	}
	return {
		async run(options) {
			const id = ++latest;
			let result: PageWalkScenario;
			if (worker) {
				const w = worker;
				result = await new Promise((resolve) => {
					waiting.set(id, resolve);
					w.postMessage({ id, options });
				});
			} else {
				const { pageWalkScenario } = await import('../../emulator/vmm/page-walk-scenario.ts');
				result = pageWalkScenario(options);
			}
			// A newer request replaces this one: its answer is not wanted any more.
			return id === latest ? result : undefined;
		},
		dispose() {
			worker?.terminate();
			worker = undefined;
			waiting.clear();
		}
	};
}
