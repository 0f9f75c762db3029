/**
 * The worker entry: a message in, the session's answers posted out. Node has no worker scope, so
 * the test stands one in for `self` before loading the module.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '../../../src/lib/worker/vm-session.ts';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('vm.worker', () => {
	it('wires onmessage to the session and posts its answers', async () => {
		const posted: SessionResponse[] = [];
		const scope: {
			onmessage: ((e: { data: unknown }) => void) | null;
			postMessage: (m: SessionResponse) => void;
		} = {
			onmessage: null,
			postMessage: (m) => posted.push(m)
		};
		vi.stubGlobal('self', scope);
		await import('../../../src/lib/worker/vm.worker.ts');
		expect(scope.onmessage).toBeTypeOf('function');
		scope.onmessage!({
			data: { type: 'start', id: 7, workload: 'syscall', modes: ['hw'], costPreset: 'kvm' }
		});
		await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'), { timeout: 30_000 });
		expect(posted[0]).toMatchObject({ type: 'started', id: 7 });
		const done = posted.at(-1) as Extract<SessionResponse, { type: 'done' }>;
		expect(done.summaries[0].tally.costModel).toBe('kvm');
	});
});
