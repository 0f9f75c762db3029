import { describe, expect, it } from 'vitest';
import { binsGeometry, type BinHost } from '../../../../src/lib/widgets/placement-viz/bins.ts';
import { seeded } from '../../../helpers/random.ts';

const capacity = { cpu: 32, memory: 256 };

describe('hosts as bins', () => {
	it('draws two blocks per VM, stacked inside their host’s column and the frame (seeded data)', () => {
		const random = seeded(5);
		for (let trial = 0; trial < 10; trial++) {
			const hosts: BinHost[] = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
				vms: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
					type: Math.floor(random() * 4),
					cpu: 2 + Math.floor(random() * 8),
					memory: 16 + Math.floor(random() * 64)
				})),
				overload: random() / 4
			}));
			const g = binsGeometry({ hosts, capacity, target: 0.8, width: 360, height: 210 });
			const vmCount = hosts.reduce((s, h) => s + h.vms.length, 0);
			expect(g.blocks).toHaveLength(2 * vmCount);
			expect(g.columns).toHaveLength(hosts.length);
			expect(g.hostTicks).toHaveLength(hosts.length);
			for (const b of g.blocks) {
				const column = g.columns.find((c) => b.x >= c.x && b.x + b.width <= c.x + c.width + 0.01);
				expect(column).toBeDefined();
				expect(b.y).toBeGreaterThanOrEqual(g.frame.top - 0.01);
				expect(b.y + b.height).toBeLessThanOrEqual(g.frame.bottom + 0.01);
			}
		}
	});

	it('draws a full host as a bar reaching the top, and the target line at its fraction', () => {
		const hosts: BinHost[] = [
			{
				vms: [
					{ type: 0, cpu: 16, memory: 64 },
					{ type: 1, cpu: 16, memory: 64 }
				],
				overload: 0
			}
		];
		const g = binsGeometry({ hosts, capacity, target: 0.5, width: 360, height: 210 });
		const { top, bottom } = g.frame;
		const cpu = g.blocks.filter((b) => b.resource === 'cpu');
		expect(Math.min(...cpu.map((b) => b.y))).toBeCloseTo(top, 1);
		// The two VMs' CPU blocks are stacked: the second sits right on top of the first.
		expect(cpu[1].y + cpu[1].height).toBeCloseTo(cpu[0].y, 1);
		expect(g.targetY).toBeCloseTo((top + bottom) / 2, 1);
		const memory = g.blocks.filter((b) => b.resource === 'memory');
		expect(memory[0].height).toBeCloseTo((bottom - top) / 4, 1);
	});
});
