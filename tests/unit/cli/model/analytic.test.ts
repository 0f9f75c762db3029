import { describe, expect, it } from 'vitest';
import { analyticModels } from '../../../../src/cli/model/analytic.ts';

const model = (name: string) => analyticModels.find((m) => m.name === name)!;

describe('analytic models of virtlab model', () => {
	it('each returns the formula JSON and a titled text table', async () => {
		const r = await model('mm1').run({ lambda: 0.5, mu: 1 });
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.value.json).toMatchObject({ rho: 0.5, L: 1, W: 2, Wq: 1 });
			expect(r.value.text.split('\n')[0]).toBe('M/M/1');
			expect(r.value.text).toContain('W (mean response time)');
		}
	});

	it('mva prints one row per population', async () => {
		const r = await model('mva').run({ demands: [0.2, 0.1], think: 1, n: 3 });
		expect(r.ok && r.value.text.trim().split('\n')).toHaveLength(5); // title, header, 3 rows
	});

	it('jackson parses the routing matrix and names it when malformed', async () => {
		const good = await model('jackson').run({ gamma: [1, 0], mu: [4, 4], routing: '0,0.5;0,0' });
		expect(good.ok).toBe(true);
		const bad = await model('jackson').run({ gamma: [1], mu: [4], routing: '0,' });
		expect(bad.ok ? '' : bad.error.param).toBe('routing');
	});

	it('passes formula errors through unchanged', async () => {
		const r = await model('mmck').run({ lambda: 1, mu: 1, c: 3, k: 2 });
		expect(r.ok ? '' : r.error.param).toBe('k');
	});
});
