import { describe, expect, it } from 'vitest';
import { WORKLOADS } from '../../../../src/lib/emulator/guests/build.ts';
import { SWEEP_VARIANTS } from '../../../../src/lib/emulator/vmm/sweep.ts';
import {
	MAX_STEPS,
	MEMORY_SWEEP_VARIANTS,
	MEMORY_SWEEP_WORKLOADS,
	memorySweepSchema
} from '../../../../src/lib/widgets/memory-sweep/schema.ts';

const message = (props: Record<string, unknown>) =>
	memorySweepSchema.safeParse(props).error?.issues[0].message;

describe('::memory-sweep props', () => {
	it('name the workloads, parameters, ranges and variants the engine has', () => {
		expect([...MEMORY_SWEEP_VARIANTS]).toEqual([...SWEEP_VARIANTS]);
		for (const [name, workload] of Object.entries(MEMORY_SWEEP_WORKLOADS)) {
			const engine = WORKLOADS.find((w) => w.name === name);
			expect(engine, name).toBeDefined();
			const ranges = Object.fromEntries(
				(engine?.parameters ?? []).map((p) => [p.name, [p.min, p.max]])
			);
			expect(workload.parameters, name).toEqual(ranges);
		}
	});

	it('default to the working set from 16 to 512 pages, every variant, doubling', () => {
		expect(memorySweepSchema.parse({})).toEqual({
			workload: 'wset',
			parameter: 'WSET',
			from: 16,
			to: 512,
			variants: [...MEMORY_SWEEP_VARIANTS],
			params: {}
		});
		const rate = memorySweepSchema.parse({ workload: 'ptrate' });
		expect([rate.parameter, rate.from, rate.to]).toEqual(['RATE', 0, 16]);
	});

	it('read directive strings: a lower-case parameter, a variant list, fixed parameters, a TLB', () => {
		const p = memorySweepSchema.parse({
			workload: 'ptrate',
			parameter: 'wset',
			from: '8',
			to: '64',
			steps: '4',
			variants: 'trap; hw+megapages',
			params: 'RATE=2; BLOCKS=10',
			tlb: '32'
		});
		expect(p).toMatchObject({
			parameter: 'WSET',
			from: 8,
			to: 64,
			steps: 4,
			variants: ['trap', 'hw+megapages'],
			params: { RATE: 2, BLOCKS: 10 },
			tlb: 32
		});
	});

	it('refuse what cannot run, saying why', () => {
		expect(message({ workload: 'syscall' })).toBe('workload must be one of wset, ptrate');
		expect(message({ parameter: 'RATE' })).toBe(
			'workload wset has no parameter RATE (it has WSET, ROUNDS)'
		);
		expect(message({ from: 64, to: 16 })).toBe('to (16) must be greater than from (64)');
		expect(message({ to: 4096 })).toBe('WSET goes from 1 to 1024; the range 16..4096 leaves it');
		expect(message({ workload: 'ptrate', from: 0, to: 10000 })).toMatch(/give steps/);
		expect(message({ steps: MAX_STEPS + 1 })).toMatch(/at most 12/);
		expect(message({ variants: 'trap; shadow' })).toMatch(/each variant must be one of/);
		expect(message({ variants: 'hw; hw' })).toBe('names a variant twice');
		expect(message({ params: 'WSET=4' })).toMatch(/parameter swept/);
		expect(message({ params: 'ROUNDS=0' })).toBe('ROUNDS must be a whole number from 1 to 100000');
		expect(message({ tlb: 48 })).toMatch(/power of two/);
		expect(memorySweepSchema.safeParse({ colour: 'red' }).success).toBe(false);
	});
});
