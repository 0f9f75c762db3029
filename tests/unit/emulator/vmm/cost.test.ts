/**
 * The cost presets and how steps are priced (cost.ts). The published figures are checked against
 * their source: Adams & Agesen, "A Comparison of Software and Hardware Techniques for x86
 * Virtualization", ASPLOS 2006, Table 1 (Pentium 4: VM entry 2,409, page-fault VM exit 1,931;
 * Core 2: VM entry 937, VM exit 1,186), and a KVM VMCALL round trip of about 1,545 cycles on
 * Skylake.
 */
import { describe, expect, it } from 'vitest';
import {
	COST_PRESETS,
	DEFAULT_COST_PRESET,
	costPreset,
	roundTripCost,
	stepCost,
	type CostModel
} from '../../../../src/lib/emulator/vmm/cost.ts';
import type { ExitStep } from '../../../../src/lib/emulator/vmm/exit-trace.ts';

const preset = (id: string) => {
	const p = costPreset(id);
	if (!p) throw new Error(`no preset ${id}`);
	return p;
};

describe('cost presets', () => {
	it('are p4, core2 and kvm, with core2 the default', () => {
		expect(COST_PRESETS.map((p) => p.id)).toEqual(['p4', 'core2', 'kvm']);
		expect(DEFAULT_COST_PRESET).toBe('core2');
		expect(costPreset(DEFAULT_COST_PRESET)).toBeDefined();
		expect(costPreset('nope')).toBeUndefined();
	});

	it('Pentium 4: a VM exit round trip is VM exit 1,931 + VM entry 2,409 cycles, and the source says so', () => {
		const p = preset('p4');
		expect(p.vmExitRoundTrip).toBe(1931 + 2409);
		expect(p.source).toMatch(/Adams & Agesen/);
		expect(p.source).toMatch(/2006/);
		expect(p.source).toMatch(/Table 1/);
		expect(p.source).toContain('2,409');
		expect(p.source).toContain('1,931');
	});

	it('Core 2: VM exit 1,186 + VM entry 937 cycles, cited likewise', () => {
		const p = preset('core2');
		expect(p.vmExitRoundTrip).toBe(1186 + 937);
		expect(p.source).toMatch(/Adams & Agesen/);
		expect(p.source).toMatch(/Table 1/);
		expect(p.source).toContain('937');
		expect(p.source).toContain('1,186');
	});

	it('KVM on Skylake: a 1,545-cycle round trip, cited', () => {
		const p = preset('kvm');
		expect(p.vmExitRoundTrip).toBe(1545);
		expect(p.source).toContain('1,545');
		expect(p.source).toMatch(/KVM/);
	});

	it('VT-x got cheaper from Pentium 4 to Core 2 to Skylake', () => {
		expect(preset('p4').vmExitRoundTrip).toBeGreaterThan(preset('core2').vmExitRoundTrip);
		expect(preset('core2').vmExitRoundTrip).toBeGreaterThan(preset('kvm').vmExitRoundTrip);
	});

	it('every figure is a positive whole number of cycles, and every preset has a label and a source', () => {
		const numeric: (keyof CostModel)[] = [
			'vmExitRoundTrip',
			'trapRoundTrip',
			'firmwareCall',
			'stateRead',
			'stateWrite',
			'memoryReference',
			'tableUpdate',
			'decode',
			'deviceAccess'
		];
		for (const p of COST_PRESETS) {
			expect(p.label.length, p.id).toBeGreaterThan(0);
			expect(p.source.length, p.id).toBeGreaterThan(20);
			for (const k of numeric) {
				const v = p[k] as number;
				expect(Number.isInteger(v) && v > 0, `${p.id}.${k} = ${v}`).toBe(true);
			}
		}
	});
});

describe('roundTripCost', () => {
	it('charges hw mode a VM exit, trap and pv modes a trap, native mode a firmware call', () => {
		const p = preset('p4');
		expect(roundTripCost('hw', p)).toBe(p.vmExitRoundTrip);
		expect(roundTripCost('trap', p)).toBe(p.trapRoundTrip);
		expect(roundTripCost('pv', p)).toBe(p.trapRoundTrip);
		expect(roundTripCost('native', p)).toBe(p.firmwareCall);
	});
});

describe('stepCost', () => {
	const p = preset('core2');
	const cases: [ExitStep, number][] = [
		[{ kind: 'readState', name: 'x', value: 0 }, p.stateRead],
		[{ kind: 'writeState', name: 'x', before: 0, after: 1 }, p.stateWrite],
		[{ kind: 'readGuestTable', gpa: 0, pte: 0, level: 0 }, p.memoryReference],
		[{ kind: 'installEntry', table: 'shadow', address: 0, pte: 0, level: 0 }, p.tableUpdate],
		[{ kind: 'dropEntries', table: 'G-stage', count: 3, why: 'x' }, p.tableUpdate],
		[{ kind: 'decode', instruction: 0 }, p.decode],
		[{ kind: 'device', device: 'uart', offset: 0, write: true, value: 0 }, p.deviceAccess],
		[{ kind: 'inject', what: 'x' }, 4 * p.stateWrite],
		[{ kind: 'firmware', call: 'x' }, 0],
		[{ kind: 'idle', cycles: 12345 }, 0]
	];
	for (const [step, cost] of cases)
		it(`prices ${step.kind}`, () => {
			expect(stepCost(step, p)).toBe(cost);
		});
});
