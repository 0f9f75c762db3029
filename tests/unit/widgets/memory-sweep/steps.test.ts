import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../../src/lib/emulator/vmm/sweep.ts';
import { sweepSteps } from '../../../../src/lib/widgets/memory-sweep/steps.ts';
import { tinySweep } from './fixtures.ts';

describe('sweepSteps', () => {
	it('gives the runs and crossovers of runSweep, one run per step', () => {
		const whole = runSweep(tinySweep);
		if (!whole.ok) throw new Error(whole.error);
		const events = [...sweepSteps(tinySweep)];
		const points = events.flatMap((e) => (e.kind === 'point' ? [e.point] : []));
		expect(events.length).toBe(points.length + 1);
		expect(points).toEqual(whole.sweep.points.map((p) => ({ ...p, output: '' })));
		const last = events[events.length - 1];
		expect(last).toEqual({ kind: 'done', crossovers: whole.sweep.crossovers });
		// Megapages win at 128 pages and lose at 16: the sweep has a crossover to mark.
		expect(whole.sweep.crossovers.length).toBeGreaterThan(0);
	});

	it('stops at the first run that fails, saying why', () => {
		const events = [...sweepSteps({ ...tinySweep, values: [16], parameter: 'PAGES' })];
		expect(events).toEqual([{ kind: 'error', error: expect.stringMatching(/no parameter PAGES/) }]);
	});
});
