/**
 * The page-walk visualizer's Web Worker: runs the guest kernel in three modes to follow one access
 * (vmm/page-walk-scenario.ts) off the main thread, so that assembling and booting the guest never
 * holds up the page. One request, one answer; a newer request's answer is the one the widget uses.
 */
import {
	pageWalkScenario,
	type PageWalkScenario,
	type PageWalkScenarioOptions
} from '../emulator/vmm/page-walk-scenario.ts';

export interface PageWalkRequest {
	id: number;
	options: PageWalkScenarioOptions;
}

export interface PageWalkResponse {
	id: number;
	result: PageWalkScenario;
}

/** The worker's global scope, typed by hand: the project's TypeScript lib is the DOM's. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<PageWalkRequest>) => void) | null;
	postMessage(message: PageWalkResponse): void;
};

scope.onmessage = (event) => {
	const { id, options } = event.data;
	let result: PageWalkScenario;
	try {
		result = pageWalkScenario(options);
	} catch (error) {
		result = { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
	scope.postMessage({ id, result });
};
