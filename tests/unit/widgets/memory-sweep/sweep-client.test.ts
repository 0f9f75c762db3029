import { afterEach, describe, expect, it, vi } from 'vitest';
import { sweepClient } from '../../../../src/lib/widgets/memory-sweep/sweep-client.ts';
import {
	sweepSteps,
	type MemorySweepEvent,
	type MemorySweepRequest
} from '../../../../src/lib/widgets/memory-sweep/steps.ts';
import type {
	MemorySweepMessage,
	MemorySweepReply
} from '../../../../src/lib/worker/memory-sweep.worker.ts';

/** Two runs of a few thousand instructions: the protocol, not the figures. */
const small: MemorySweepRequest = {
	workload: 'wset',
	parameter: 'WSET',
	values: [8],
	variants: ['trap', 'hw'],
	params: { ROUNDS: 2 }
};

/** Collects a sweep's events; `ended` resolves at its done or error. */
function collector() {
	const events: MemorySweepEvent[] = [];
	let end: () => void = () => {};
	const ended = new Promise<void>((resolve) => (end = resolve));
	return {
		events,
		ended,
		listen: (event: MemorySweepEvent) => {
			events.push(event);
			if (event.kind !== 'point') end();
		}
	};
}

/** A stand-in for the worker: answers like memory-sweep.worker.ts, one reply per task. */
class FakeWorker {
	onmessage: ((event: MessageEvent<MemorySweepReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	terminated = false;
	postMessage({ id, request }: MemorySweepMessage) {
		const events = [...sweepSteps(request)];
		events.forEach((event, i) =>
			setTimeout(() => {
				if (!this.terminated) this.onmessage?.({ data: { id, event } } as MessageEvent);
			}, i)
		);
	}
	terminate() {
		this.terminated = true;
	}
}

afterEach(() => vi.unstubAllGlobals());

describe('sweepClient without a worker (main thread)', () => {
	it('delivers each run as it ends, then the crossovers, never in the same task', async () => {
		const client = sweepClient();
		const sweep = collector();
		client.run(small, sweep.listen);
		expect(sweep.events).toEqual([]);
		await sweep.ended;
		expect(sweep.events.map((e) => e.kind)).toEqual(['point', 'point', 'done']);
		expect(sweep.events.map((e) => (e.kind === 'point' ? e.point.variant : ''))).toEqual([
			'trap',
			'hw',
			''
		]);
	});

	it('stops at cancel and when a newer sweep starts', async () => {
		const client = sweepClient();
		const first = collector();
		client.run(small, (event) => {
			first.listen(event);
			client.cancel();
		});
		const second = collector();
		await new Promise((resolve) => setTimeout(resolve, 50));
		client.run(small, second.listen);
		await second.ended;
		expect(first.events.map((e) => e.kind)).toEqual(['point']);
		expect(second.events.map((e) => e.kind)).toEqual(['point', 'point', 'done']);
	});
});

describe('sweepClient with a worker', () => {
	it('passes the worker’s events on and ends a busy worker for a newer sweep', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const made: FakeWorker[] = [];
		const client = sweepClient(() => {
			made.push(new FakeWorker());
			return made[made.length - 1] as unknown as Worker;
		});
		const first = collector();
		client.run(small, first.listen);
		const second = collector();
		client.run(small, second.listen);
		await second.ended;
		expect(made.length).toBe(2);
		expect(made[0].terminated).toBe(true);
		expect(first.events).toEqual([]);
		expect(second.events.map((e) => e.kind)).toEqual(['point', 'point', 'done']);
		// An idle worker is kept for the next sweep; cancel ends it.
		const third = collector();
		client.run(small, third.listen);
		await third.ended;
		expect(made.length).toBe(2);
		client.cancel();
		expect(made[1].terminated).toBe(true);
	});

	it('reports a worker that stops as an error', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const worker = new FakeWorker();
		worker.postMessage = () => {
			setTimeout(() => worker.onerror?.({ message: 'out of memory' } as ErrorEvent));
		};
		const client = sweepClient(() => worker as unknown as Worker);
		const sweep = collector();
		client.run(small, sweep.listen);
		await sweep.ended;
		expect(sweep.events).toEqual([{ kind: 'error', error: 'out of memory' }]);
		expect(worker.terminated).toBe(true);
	});
});
