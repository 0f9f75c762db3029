import { describe, expect, it } from 'vitest';
import { Checkpoints } from '../../../../src/lib/emulator/session/checkpoints.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

function machine(): Machine {
	const m = new Machine({ ramSize: 8 * 1024 });
	m.loadImage(
		assemble(
			'_start:\n\tla t0, v\nl:\n\tlw t1, 0(t0)\n\taddi t1, t1, 1\n\tsw t1, 0(t0)\n\tj l\n\t.data\nv:\t.word 0\n'
		).image!
	);
	return m;
}
const extras = { inputsDelivered: 0, outputLength: 0, trapCount: 0 };

describe('Checkpoints', () => {
	it('restores the machine exactly as it was taken, RAM included', () => {
		const m = machine();
		const c = new Checkpoints(10, 5);
		m.run({ maxInsns: 20 });
		c.take(m, 20, extras);
		const expected = m.snapshot();
		m.run({ maxInsns: 100 });
		expect(Checkpoints.restore(m, c.atOrBefore(50)!)).toBeUndefined();
		expect(m.snapshot()).toEqual(expected);
	});

	it('is due every interval, keeps at most the limit, and forgets the future on request', () => {
		const m = machine();
		const c = new Checkpoints(10, 3);
		expect(c.due(0)).toBe(true);
		for (let p = 0; p <= 60; p += 10) {
			c.take(m, p, extras);
			expect(c.due(p + 9)).toBe(false);
			expect(c.stepsUntilDue(p + 4)).toBe(6);
		}
		expect(c.positions).toHaveLength(3);
		expect(c.positions[0]).toBe(0);
		expect(c.positions[2]).toBe(60);
		c.dropAfter(30);
		expect(Math.max(...c.positions)).toBeLessThanOrEqual(30);
		expect(c.atOrBefore(59)!.position).toBeLessThanOrEqual(30);
	});
});
