/**
 * The course's guest kernel for `virtlab vm --workload`: built by our own assembler, with the
 * paravirtual variant for pv mode.
 */
import { WORKLOADS, buildGuest, type WorkloadName } from '../../lib/emulator/guests/build.ts';
import type { KernelImage } from '../../lib/emulator/vmm/guest-memory.ts';

export function workloadNames(): string[] {
	return WORKLOADS.map((w) => w.name);
}

/** The kernel image running `workload`, or a one-line error. */
export function guestKernel(workload: string, pv: boolean, scale = 1): KernelImage | string {
	const known = WORKLOADS.find((w) => w.name === workload);
	if (!known) return `unknown workload '${workload}'; choose ${workloadNames().join(', ')}`;
	const built = buildGuest(known.name as WorkloadName, { pv, scale });
	if (!built.image) {
		const first = built.diagnostics.find((d) => d.severity === 'error');
		return `the guest kernel${pv ? "'s paravirtual build" : ''} does not assemble${first ? `: ${first.message}` : ''}`;
	}
	return { image: built.image };
}
