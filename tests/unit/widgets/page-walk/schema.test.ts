import { describe, expect, it } from 'vitest';
import { WORKLOADS } from '../../../../src/lib/emulator/guests/build.ts';
import { SCENARIO_MODES } from '../../../../src/lib/emulator/vmm/page-walk-scenario.ts';
import {
	PAGE_WALK_MODES,
	PAGE_WALK_WORKLOADS,
	pageWalkSchema
} from '../../../../src/lib/widgets/page-walk/schema.ts';

describe('::page-walk props', () => {
	it('name only workloads and modes the engine has', () => {
		const known = WORKLOADS.map((w) => w.name as string);
		for (const w of PAGE_WALK_WORKLOADS) expect(known, w).toContain(w);
		expect([...PAGE_WALK_MODES]).toEqual([...SCENARIO_MODES]);
	});

	it('default to a user process of pagetouch, shown two-stage first', () => {
		expect(pageWalkSchema.parse({})).toEqual({ workload: 'pagetouch', by: 'user', mode: 'hw' });
	});

	it('read an address in hex or decimal and refuse anything else with a reason', () => {
		expect(pageWalkSchema.parse({ va: '0x00800000' }).va).toBe(0x800000);
		expect(pageWalkSchema.parse({ va: '4096' }).va).toBe(4096);
		for (const va of ['0x1_000', 'heap', '0x123456789', '4294967296']) {
			const result = pageWalkSchema.safeParse({ va });
			expect(result.success, va).toBe(false);
		}
		expect(pageWalkSchema.safeParse({ mode: 'pv' }).error?.issues[0].message).toBe(
			'mode must be one of native, trap, hw'
		);
		expect(pageWalkSchema.safeParse({ colour: 'red' }).success).toBe(false);
	});
});
