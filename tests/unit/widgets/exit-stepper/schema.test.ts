/**
 * The `::exit-stepper{…}` props (schema.ts): defaults, validation messages, and the names written
 * out there agreeing with the engine's (so that a lesson can name nothing the worker refuses).
 */
import { describe, expect, it } from 'vitest';
import { WORKLOADS } from '../../../../src/lib/emulator/guests/build.ts';
import {
	DEFAULT_SHADOW_SYNC,
	SHADOW_SYNCS
} from '../../../../src/lib/emulator/vmm/shadow-paging.ts';
import { VM_MODES } from '../../../../src/lib/emulator/vmm/vm.ts';
import {
	EXIT_STEPPER_MODES,
	EXIT_STEPPER_SYNCS,
	EXIT_STEPPER_WORKLOADS,
	exitStepperSchema
} from '../../../../src/lib/widgets/exit-stepper/schema.ts';

describe('exit-stepper props', () => {
	it('name only workloads, modes and strategies the engine has', () => {
		const known = WORKLOADS.map((w) => w.name as string);
		for (const w of EXIT_STEPPER_WORKLOADS) expect(known, w).toContain(w);
		expect([...EXIT_STEPPER_MODES]).toEqual([...VM_MODES]);
		expect([...EXIT_STEPPER_SYNCS]).toEqual([...SHADOW_SYNCS]);
	});

	it('sync: defaults to the monitor’s own strategy and takes each of the three', () => {
		expect(exitStepperSchema.parse({}).sync).toBe(DEFAULT_SHADOW_SYNC);
		for (const sync of EXIT_STEPPER_SYNCS)
			expect(exitStepperSchema.parse({ sync, modes: 'trap; hw' }).sync).toBe(sync);
	});

	it('sync: refuses another word with a message that lists the choices', () => {
		const r = exitStepperSchema.safeParse({ sync: 'lazy' });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toBe('sync must be one of write-protect, unsync, flood');
	});
});
