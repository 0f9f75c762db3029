import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../src/lib/widgets/machine/examples/catalogue.ts';
import {
	MACHINE_EXAMPLES,
	MACHINE_VIEWS,
	machineSchema
} from '../../../../src/lib/widgets/machine/schema.ts';
import { VIEW_NAMES } from '../../../../src/lib/widgets/machine/view-names.ts';

describe('machineSchema', () => {
	it('names the examples that run on a bare machine, and the workbench’s views', () => {
		expect([...MACHINE_EXAMPLES]).toEqual(
			EXAMPLES.filter((e) => e.source.kind === 'file').map((e) => e.id)
		);
		expect([...MACHINE_VIEWS]).toEqual([...VIEW_NAMES]);
	});

	it('fills in the defaults', () => {
		expect(machineSchema.parse({ example: 'hello' })).toEqual({
			example: 'hello',
			views: ['console', 'registers', 'disassembly'],
			breakpoints: [],
			readonly: false,
			budget: 10_000_000
		});
	});

	it('refuses a budget out of range and a view named twice', () => {
		expect(machineSchema.safeParse({ example: 'hello', budget: '10' }).success).toBe(false);
		expect(machineSchema.safeParse({ example: 'hello', views: 'console; console' }).success).toBe(
			false
		);
	});
});
