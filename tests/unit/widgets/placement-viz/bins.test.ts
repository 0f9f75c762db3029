import { describe, expect, it } from 'vitest';
import { binsGeometry, type BinHost } from '../../../../src/lib/widgets/placement-viz/bins.ts';

/** mulberry32, so the snapshot data are the same on every run. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const capacity = { cpu: 32, memory: 256 };

describe('hosts as bins', () => {
	it('stacks each VM on its host, CPU and memory side by side (snapshot)', () => {
		const random = seeded(5);
		const hosts: BinHost[] = Array.from({ length: 3 }, () => ({
			vms: Array.from({ length: 3 }, () => ({
				type: Math.floor(random() * 4),
				cpu: 2 + Math.floor(random() * 8),
				memory: 16 + Math.floor(random() * 64)
			})),
			overload: random() / 4
		}));
		const g = binsGeometry({ hosts, capacity, target: 0.8, width: 360, height: 210 });
		expect(g.blocks.map((b) => [b.x, b.y, b.width, b.height, b.resource])).toMatchSnapshot();
		expect(g.columns).toHaveLength(3);
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
		const cpu = g.blocks.filter((b) => b.resource === 'cpu');
		expect(Math.min(...cpu.map((b) => b.y))).toBeCloseTo(g.top, 1);
		// The two VMs' CPU blocks are stacked: the second sits right on top of the first.
		expect(cpu[1].y + cpu[1].height).toBeCloseTo(cpu[0].y, 1);
		expect(g.targetY).toBeCloseTo((g.top + g.bottom) / 2, 1);
		const memory = g.blocks.filter((b) => b.resource === 'memory');
		expect(memory[0].height).toBeCloseTo((g.bottom - g.top) / 4, 1);
	});
});
