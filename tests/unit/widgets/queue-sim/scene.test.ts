import { describe, expect, it } from 'vitest';
import { scene } from '../../../../src/lib/widgets/queue-sim/scene.ts';

describe('queue animation scene', () => {
	it('draws each waiting customer while they fit, nearest the servers first', () => {
		const s = scene(640, 3, [true]);
		expect(s.waiting).toHaveLength(3);
		expect(s.more).toBe(0);
		expect(s.waiting[0].cx).toBeGreaterThan(s.waiting[1].cx);
		expect(s.waiting[0].cx).toBeLessThan(s.servers[0].x);
	});

	it('counts the customers that do not fit at 360 px', () => {
		const s = scene(360, 500, [true, false]);
		expect(s.waiting.length + s.more).toBe(500);
		expect(s.more).toBeGreaterThan(0);
		for (const c of s.waiting) expect(c.cx).toBeGreaterThan(0);
	});

	it('stacks c servers inside the scene and marks the busy ones', () => {
		const s = scene(360, 0, [true, false, true, false, false, false, false, false]);
		expect(s.servers.map((k) => k.busy)).toEqual([
			true,
			false,
			true,
			false,
			false,
			false,
			false,
			false
		]);
		for (const k of s.servers) {
			expect(k.y).toBeGreaterThanOrEqual(0);
			expect(k.y + k.height).toBeLessThanOrEqual(s.height);
			expect(k.x + k.width).toBeLessThanOrEqual(360);
		}
	});
});
