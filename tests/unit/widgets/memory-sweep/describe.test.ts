import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../../src/lib/emulator/vmm/sweep.ts';
import { sweepCsv } from '../../../../src/cli/vm/sweep.ts';
import {
	crossoverText,
	parameterName,
	readoutText,
	sweepTable
} from '../../../../src/lib/widgets/memory-sweep/describe.ts';
import { memorySweepEn } from '../../../../src/lib/widgets/memory-sweep/strings.en.ts';
import { memorySweepZh } from '../../../../src/lib/widgets/memory-sweep/strings.zh-Hans.ts';

describe('memory-sweep in words', () => {
	it('says which is cheaper from the crossover on, in both languages', () => {
		const toShadow = {
			variant: 'hw',
			value: 1024,
			previous: 512,
			before: 'hw',
			after: 'trap'
		} as const;
		expect(crossoverText('en', toShadow, 'WSET')).toBe('shadow paging cheaper from WSET = 1,024');
		expect(crossoverText('zh', toShadow, 'WSET')).toBe('从 WSET = 1,024 起影子页表更便宜');
		const toMegapages = {
			...toShadow,
			variant: 'hw+megapages',
			before: 'trap',
			after: 'hw'
		} as const;
		expect(crossoverText('en', toMegapages, 'RATE')).toBe(
			'two-stage + megapages cheaper from RATE = 1,024'
		);
	});

	it('names the parameter and reads a point, a dash for a run not ended', () => {
		expect(parameterName('zh', 'WSET')).toBe('工作集（页）');
		expect(parameterName('en', 'ROUNDS')).toBe('ROUNDS');
		expect(readoutText('en', 'WSET', 64, ['trap', 'hw'], [1234567, null], 'cycles')).toBe(
			'WSET = 64: Shadow paging (trap) 1,234,567; Two-stage translation (hw) —'
		);
		expect(readoutText('en', 'WSET', 64, ['hw'], [4.256], 'perInstruction')).toBe(
			'WSET = 64: Two-stage translation (hw) 4.26'
		);
	});

	it('has every string in Chinese', () => {
		expect(Object.keys(memorySweepZh).sort()).toEqual(Object.keys(memorySweepEn).sort());
	});

	it('tables the runs with the columns and figures of virtlab vm --sweep --csv', () => {
		const outcome = runSweep({
			workload: 'wset',
			parameter: 'WSET',
			values: [8],
			variants: ['trap', 'hw'],
			params: { ROUNDS: 2 }
		});
		if (!outcome.ok) throw new Error(outcome.error);
		const table = sweepTable('en', 'WSET', outcome.sweep.points);
		const csv = sweepCsv(outcome.sweep).trim().split('\n');
		expect(table.columns.map((c) => c.toLowerCase().replace(/ /g, '_'))).toEqual(
			csv[0].split(',').slice(0, 6)
		);
		expect(table.rows.map((r) => r.cells.map((c) => String(c).replace(/,/g, '')))).toEqual(
			csv.slice(1).map((line) => line.split(',').slice(0, 6))
		);
	});
});
