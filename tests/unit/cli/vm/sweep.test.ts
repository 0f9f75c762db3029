import { describe, expect, it } from 'vitest';
import {
	formatSweep,
	formatWalk,
	parseParams,
	parseSweep,
	sweepCsv,
	sweepJson
} from '../../../../src/cli/vm/sweep.ts';
import type { SweepPoint, SweepResult } from '../../../../src/lib/emulator/vmm/sweep.ts';

describe('parseSweep', () => {
	it('reads a doubling range, an even range and a list; the parameter in upper case', () => {
		expect(parseSweep('wset=4..32')).toEqual({ parameter: 'WSET', values: [4, 8, 16, 32] });
		expect(parseSweep('rate=0..8:3')).toEqual({ parameter: 'RATE', values: [0, 4, 8] });
		expect(parseSweep('rate=1,3,9')).toEqual({ parameter: 'RATE', values: [1, 3, 9] });
	});

	it('says what is wrong with anything else', () => {
		expect(parseSweep('wset')).toMatch(/PARAM=A..B/);
		expect(parseSweep('wset=8..4')).toMatch(/runs backwards/);
		expect(parseSweep('wset=1..8:0')).toMatch(/steps must be from 1 to 64/);
		expect(parseSweep('wset=a,b')).toMatch(/not A..B/);
		expect(parseSweep('wset=1..1000:65')).toMatch(/steps/);
	});
});

describe('parseParams', () => {
	it('reads K=V pairs, names in upper case, and refuses the rest', () => {
		expect(parseParams('rounds=10,BLOCKS=3')).toEqual({ ROUNDS: 10, BLOCKS: 3 });
		expect(parseParams(undefined)).toEqual({});
		expect(parseParams('rounds')).toMatch(/NAME=whole number/);
		expect(parseParams('rounds=-1')).toMatch(/NAME=whole number/);
	});
});

const walk = (S: number, VS: number, G: number, misses: number) => ({
	misses,
	references: { S, VS, G },
	perMiss: misses > 0 ? (S + VS + G) / misses : null,
	cycles: (S + VS + G) * 20
});

function point(value: number, variant: SweepPoint['variant'], modelCycles: number): SweepPoint {
	const w = variant === 'trap' ? walk(20, 0, 0, 10) : walk(0, 20, 60, 10);
	return {
		value,
		variant,
		guestInstructions: 1000,
		exits: 5,
		exitCycles: 100,
		walk: w,
		walkReferences: w.references.S + w.references.VS + w.references.G,
		modelCycles,
		output: ''
	};
}

const SWEEP: SweepResult = {
	workload: 'wset',
	parameter: 'WSET',
	values: [16, 256],
	variants: ['trap', 'hw'],
	points: [
		point(16, 'trap', 3000),
		point(16, 'hw', 2000),
		point(256, 'trap', 5000),
		point(256, 'hw', 9000)
	],
	crossover: { variant: 'hw', value: 256, previous: 16, before: 'hw', after: 'trap' },
	crossovers: [{ variant: 'hw', value: 256, previous: 16, before: 'hw', after: 'trap' }]
};

describe('sweep output', () => {
	it('the table marks the crossover rows and says where it is', () => {
		const text = formatSweep(SWEEP);
		expect(text).toMatch(/^wset: WSET swept over 16, 256\n/);
		expect(text).toMatch(/WSET +variant +guest instructions +exits +walk references +model cycles/);
		expect(text).toMatch(/ 256 +trap +1,000 +5 +20 +5,000 +<- crossover/);
		expect(text).not.toMatch(/ 16 +trap.*crossover/);
		expect(text).toContain('crossover hw: hw cheaper up to WSET=16, trap (shadow) from WSET=256');
	});

	it('says so when there is no crossover', () => {
		expect(formatSweep({ ...SWEEP, crossover: null, crossovers: [] })).toContain(
			'no crossover between trap (shadow) and hw in this range'
		);
	});

	it('CSV has the documented columns and flags the crossover rows', () => {
		const lines = sweepCsv(SWEEP).trim().split('\n');
		expect(lines[0]).toBe(
			'wset,variant,guest_instructions,exits,walk_references,model_cycles,crossover'
		);
		expect(lines.slice(1)).toEqual([
			'16,trap,1000,5,20,3000,',
			'16,hw,1000,5,80,2000,',
			'256,trap,1000,5,20,5000,yes',
			'256,hw,1000,5,80,9000,yes'
		]);
	});

	it('JSON carries the points with their walks and the crossover as a field', () => {
		const json = sweepJson(SWEEP);
		expect(json.crossover).toEqual(SWEEP.crossover);
		expect(json.points[3]).toMatchObject({ value: 256, variant: 'hw', walkReferences: 80 });
		expect(json.points[3].walk.references).toEqual({ S: 0, VS: 20, G: 60 });
	});

	it('formatWalk prints misses, references by stage and per miss', () => {
		expect(formatWalk(walk(0, 20, 60, 10))).toBe(
			'TLB misses 10  walk references 80 (VS 20, G 60)  per miss 8.00  walk cycles 1,600\n'
		);
		expect(formatWalk(walk(0, 0, 0, 0))).toBe('TLB misses 0  walk references 0  walk cycles 0\n');
	});
});
