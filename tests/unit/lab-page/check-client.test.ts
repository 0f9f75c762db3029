import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckCancelled, checkClient } from '../../../src/lib/lab-page/check-client.ts';
import { answerRequest, type CheckRequest } from '../../../src/lib/lab-page/check-requests.ts';
import type { LabCheckMessage, LabCheckReply } from '../../../src/lib/worker/lab-check.worker.ts';
import { testLab } from '../labs/fixtures.ts';

const lab = testLab();
const request: CheckRequest = {
	kind: 'check',
	lab,
	studentId: 'alice',
	taskId: 'twice',
	answer: '1'
};

/** A stand-in for lab-check.worker.ts: answers each message after `delay` ms unless ended. */
class FakeWorker {
	static made = 0;
	onmessage: ((event: MessageEvent<LabCheckReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	terminated = false;
	constructor(private delay = 0) {
		FakeWorker.made++;
	}
	postMessage({ id, request }: LabCheckMessage) {
		setTimeout(() => {
			if (this.terminated) return;
			this.onmessage?.({ data: { id, reply: answerRequest(request) } } as MessageEvent);
		}, this.delay);
	}
	terminate() {
		this.terminated = true;
	}
}

afterEach(() => vi.unstubAllGlobals());

describe('checkClient', () => {
	it('answers on the main thread where there is no Worker', async () => {
		const reply = await checkClient().run(request);
		expect(reply).toEqual(answerRequest(request));
	});

	it('answers each request from the worker, matched by id', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const client = checkClient(() => new FakeWorker() as unknown as Worker);
		const other: CheckRequest = { ...request, taskId: 'sum', answer: '' };
		const [a, b] = await Promise.all([client.run(request), client.run(other)]);
		expect(a).toEqual(answerRequest(request));
		expect(b).toEqual(answerRequest(other));
	});

	it('cancel ends the worker, rejects what waits, and the next check starts a new worker', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const workers: FakeWorker[] = [];
		const client = checkClient(() => {
			const worker = new FakeWorker(50);
			workers.push(worker);
			return worker as unknown as Worker;
		});
		const waiting = client.run(request);
		client.cancel();
		await expect(waiting).rejects.toBeInstanceOf(CheckCancelled);
		expect(workers[0].terminated).toBe(true);
		await expect(client.run(request)).resolves.toEqual(answerRequest(request));
		expect(workers).toHaveLength(2);
	});

	it('reports a worker that fails to every check waiting on it', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		let worker: FakeWorker | undefined;
		const client = checkClient(() => (worker = new FakeWorker(50)) as unknown as Worker);
		const waiting = client.run(request);
		worker!.onerror?.({ message: 'out of memory' } as ErrorEvent);
		await expect(waiting).rejects.toThrow('out of memory');
	});
});
