/**
 * The exit stepper's strings as data: every line the engine produces is a `Text`, a dictionary key
 * and its parameters, so that the Svelte layer translates it with `t(lang, key, params)`. The
 * English templates are here until they join src/lib/i18n/en.ts (and their Chinese counterparts
 * zh-Hans.ts); `english(text)` renders one for tests, the worker's fallback and the CLI.
 *
 * Parameters stay numbers where they are quantities (the page formats them for the language);
 * addresses and register values are hex strings already, the same in every language.
 */
import { applyPlurals } from '../../i18n/plural.ts';

export const EXIT_STEPPER_EN = {
	'exitStep.roundTrip.hw': 'VM exit and VM entry (hardware round trip)',
	'exitStep.roundTrip.trap': 'Trap into the software monitor and return to the guest',
	'exitStep.roundTrip.native': 'ECALL into the firmware and MRET back',
	'exitStep.readState': 'Read {name} = {value}',
	'exitStep.writeState': 'Write {name}: {before} → {after}',
	'exitStep.readGuestTable': "Read the guest's level-{level} page-table entry at {gpa}: {pte}",
	'exitStep.installEntry': 'Install a level-{level} entry in the {table} table at {address}: {pte}',
	'exitStep.installEntry.guest':
		"Install a validated level-{level} entry in the guest's own table at {address}: {pte}",
	'exitStep.dropEntries':
		'Drop {count, plural, one {# entry} other {# entries}} of the {table} table ({why})',
	'exitStep.decode': 'Decode the guest instruction {instruction}',
	'exitStep.device.read': 'Emulate a read of the {device} register at offset {offset}: {value}',
	'exitStep.device.write': 'Emulate a write of {value} to the {device} register at offset {offset}',
	'exitStep.inject': 'Inject {what} into the guest',
	'exitStep.firmware': 'Answer the firmware call {call}',
	'exitStep.idle': 'Idle {cycles, plural, one {# cycle} other {# cycles}} until the timer fires',
	'exitStepper.outcome.exit': 'The guest finished with exit code {code} ({how}).',
	'exitStepper.outcome.budget':
		'Stopped: the budget of {budget} guest instructions, traps and exits is spent and the guest has not finished.',
	'exitStepper.outcome.records':
		'Stopped: the run made {limit} exits, as many as the stepper keeps; the guest has not finished.',
	'exitStepper.outcome.error': 'Stopped: {message}',
	'exitStepper.outcome.cancelled': 'Cancelled.',
	'exitStepper.error.workload': 'Unknown workload “{workload}”; choose one of {known}.',
	'exitStepper.error.preset': 'Unknown cost preset “{preset}”; choose one of {known}.',
	'exitStepper.error.constant': 'The cost constant {name} must be a number of cycles from 0 up.',
	'exitStepper.error.modes': 'Choose one to four different modes of {known}.',
	'exitStepper.error.budget': 'The budget must be a whole number from 1 to {max}.',
	'exitStepper.error.build': "The guest kernel's {build} build does not assemble: {message}",
	'exitStepper.error.run': 'The {mode} run cannot start: {message}',
	'exitStepper.error.noRun': 'There is no run to re-price yet.',
	'exitStepper.error.request': 'The worker does not understand the request “{type}”.'
} as const;

export type ExitStepperKey = keyof typeof EXIT_STEPPER_EN;

/** A string to show: its dictionary key and what fills its placeholders. Plain data (clonable). */
export interface Text {
	key: ExitStepperKey;
	params: Record<string, string | number>;
}

export function text(key: ExitStepperKey, params: Record<string, string | number> = {}): Text {
	return { key, params };
}

/** The English rendering, as `t('en', …)` will give it once the keys are in en.ts. */
export function english(message: Text): string {
	const params = message.params;
	return applyPlurals('en', EXIT_STEPPER_EN[message.key], params).replace(
		/\{(\w+)\}/g,
		(whole, name: string) => (name in params ? String(params[name]) : whole)
	);
}

/** A 32-bit value as the stepper writes it: 0x8000_0000 → "0x80000000"; wider ones in full. */
export function hex(v: number): string {
	if (v >= 0 && v <= 0xffff_ffff) return `0x${v.toString(16).padStart(8, '0')}`;
	return v < 0 ? `0x${(v >>> 0).toString(16).padStart(8, '0')}` : `0x${v.toString(16)}`;
}
