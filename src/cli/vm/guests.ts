/**
 * The course's guest kernel for `virtlab vm --workload`: built by our own assembler, with the
 * paravirtual variant for pv mode.
 */
import {
	WORKLOADS,
	buildGuest,
	type GuestBuild,
	type WorkloadName
} from '../../lib/emulator/guests/build.ts';
import type { KernelImage } from '../../lib/emulator/vmm/guest-memory.ts';
import { sourceLocator } from '../../lib/emulator/asm/source-lookup.ts';

export function workloadNames(): string[] {
	return WORKLOADS.map((w) => w.name);
}

/**
 * The kernel image running `workload`, or a one-line error. `batching` false: the paravirtual
 * kernel sends each page-table update in its own hypercall (`vm --no-batching`).
 */
export function guestKernel(
	workload: string,
	pv: boolean,
	scale = 1,
	batching = true
): KernelImage | string {
	const built = guestBuild(workload, pv, scale, batching);
	return typeof built === 'string' ? built : { image: built.image! };
}

/**
 * Where a guest pc comes from in the kernel's sources ("kernel/trap.s:42"), for the exit trace;
 * undefined for addresses outside the kernel image (a process's copied code, say).
 */
export function guestSourceLines(
	workload: string,
	pv: boolean,
	batching = true
): (pc: number) => string | undefined {
	const built = guestBuild(workload, pv, 1, batching);
	if (typeof built === 'string') return () => undefined;
	const locate = sourceLocator(built.sourceMap);
	return (pc) => {
		const place = locate(pc);
		return place && `${place.file}:${place.line}`;
	};
}

function guestBuild(
	workload: string,
	pv: boolean,
	scale: number,
	batching: boolean
): GuestBuild | string {
	const known = WORKLOADS.find((w) => w.name === workload);
	if (!known) return `unknown workload '${workload}'; choose ${workloadNames().join(', ')}`;
	const built = buildGuest(known.name as WorkloadName, { pv, scale, batching });
	if (!built.image) {
		const first = built.diagnostics.find((d) => d.severity === 'error');
		return `the guest kernel${pv ? "'s paravirtual build" : ''} does not assemble${first ? `: ${first.message}` : ''}`;
	}
	return built;
}
