/**
 * The worker entry: a request in, the grader's reply posted out with the request's id. Node has no
 * worker scope, so the test stands one in for `self` before loading the module.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerRequest } from '../../../src/lib/lab-page/check-requests.ts';
import type { LabCheckReply } from '../../../src/lib/worker/lab-check.worker.ts';
import { testLab } from '../labs/fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

describe('lab-check.worker', () => {
	it('posts the reply of each request under its id, and an error as an error', async () => {
		const posted: LabCheckReply[] = [];
		const scope: {
			onmessage: ((e: { data: unknown }) => void) | null;
			postMessage: (m: LabCheckReply) => void;
		} = {
			onmessage: null,
			postMessage: (m) => posted.push(m)
		};
		vi.stubGlobal('self', scope);
		await import('../../../src/lib/worker/lab-check.worker.ts');
		const lab = testLab();
		const request = {
			kind: 'check' as const,
			lab,
			studentId: 'alice',
			taskId: 'twice',
			answer: '3'
		};
		scope.onmessage!({ data: { id: 4, request } });
		scope.onmessage!({ data: { id: 5, request: { ...request, lab: null } } });
		expect(posted[0]).toEqual({ id: 4, reply: answerRequest(request) });
		expect(posted[1]).toMatchObject({ id: 5, error: expect.any(String) });
	});
});
