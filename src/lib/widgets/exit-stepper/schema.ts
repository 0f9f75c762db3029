/**
 * `::exit-stepper{workload=syscall modes="trap; hw" preset=core2}` runs one of the course's guest
 * workloads under the hypervisor (src/lib/emulator/vmm) in a Web Worker and lets the student step
 * through its VM exits, one mode or two side by side. Every prop is a starting value of a control in
 * the widget; `locked` hides the controls that would change the experiment.
 *
 * The workload and mode names are written out here rather than imported from the guest builder, so
 * that validating a lesson does not pull the assembler into the page; a unit test checks that they
 * agree with guests/build.ts and vmm/vm.ts.
 */
import { z } from 'zod';
import { flag, splitList } from '../props.ts';

export const EXIT_STEPPER_WORKLOADS = [
	'syscall',
	'pagetouch',
	'ptemod',
	'pingpong',
	'compute',
	'console',
	'spawn'
] as const;
export const EXIT_STEPPER_MODES = ['native', 'trap', 'pv', 'hw'] as const;
export const EXIT_STEPPER_PRESETS = ['p4', 'core2', 'kvm'] as const;
/** Trap mode's shadow synchronisation strategies (vmm/shadow-paging.ts, `SHADOW_SYNCS`). */
export const EXIT_STEPPER_SYNCS = ['write-protect', 'unsync', 'flood'] as const;

const modeList = z
	.string()
	.transform(splitList)
	.pipe(
		z
			.array(
				z.enum(EXIT_STEPPER_MODES, {
					message: `each mode must be one of ${EXIT_STEPPER_MODES.join(', ')}`
				})
			)
			.min(1, 'needs one mode or two')
			.max(2, 'shows at most two modes side by side')
			.refine((modes) => new Set(modes).size === modes.length, 'names a mode twice')
	);

export const exitStepperSchema = z
	.object({
		workload: z
			.enum(EXIT_STEPPER_WORKLOADS, {
				message: `workload must be one of ${EXIT_STEPPER_WORKLOADS.join(', ')}`
			})
			.default('syscall'),
		/** One mode, or two shown side by side aligned by guest instructions retired. */
		modes: modeList.default(['trap']),
		/** The cost model the model cycles come from (vmm/cost.ts; sources in docs/sources.md). */
		preset: z
			.enum(EXIT_STEPPER_PRESETS, {
				message: `preset must be one of ${EXIT_STEPPER_PRESETS.join(', ')}`
			})
			.default('core2'),
		/** The exit shown first (1 = the first exit of the run). */
		exit: z.coerce.number().int().min(1).default(1),
		/** Reading sepc does not trap: Popek and Goldberg's condition broken on purpose (trap mode). */
		nonvirtualizable: flag.default(false),
		/** The paravirtual kernel batches its page-table updates into one hypercall (Xen's multicall). */
		batching: flag.default(true),
		/**
		 * How trap mode keeps its shadow page tables in sync with the guest's (shadow-paging.md):
		 * the default is the monitor's, `flood`.
		 */
		sync: z
			.enum(EXIT_STEPPER_SYNCS, {
				message: `sync must be one of ${EXIT_STEPPER_SYNCS.join(', ')}`
			})
			.default('flood'),
		/** The student may not change workload, modes, preset, sync or the switches above. */
		locked: flag.default(false)
	})
	.strict();

export type ExitStepperProps = z.output<typeof exitStepperSchema>;
