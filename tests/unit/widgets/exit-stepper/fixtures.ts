/**
 * Exit records for the stepper's tests: made up (small, every field chosen) or from real runs of
 * the course's guest (cached per test file: a trap-mode `syscall` run takes a second or two).
 */
import { buildGuest, type WorkloadName } from '../../../../src/lib/emulator/guests/build.ts';
import type { CostModel } from '../../../../src/lib/emulator/vmm/cost.ts';
import type { ExitReason } from '../../../../src/lib/emulator/vmm/exit-reasons.ts';
import type {
	ExitRecord,
	StateChange,
	VmMode
} from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { runVm, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';

export function record(
	seq: number,
	fields: Partial<ExitRecord> & { changes?: StateChange[] } = {}
): ExitRecord {
	return {
		seq,
		mode: 'trap',
		reason: 'csrAccess' as ExitReason,
		cause: 2,
		interrupt: false,
		guestPc: 0x8000_0000 + 4 * seq,
		instruction: 0,
		guestInstructions: 10 * seq,
		steps: [],
		changes: [],
		modelCycles: 0,
		...fields
	};
}

const runs = new Map<string, VmRun>();

/** A finished run of a workload (records kept), once per file. */
export function realRun(workload: WorkloadName, mode: VmMode, cost?: CostModel): VmRun {
	const key = `${workload}/${mode}/${cost?.id ?? ''}`;
	let run = runs.get(key);
	if (!run) {
		const image = buildGuest(workload, { pv: mode === 'pv' }).image!;
		const r = runVm({ mode, kernel: { image }, keepExits: true, cost });
		if (!r.ok) throw new Error(r.error);
		run = r.run;
		runs.set(key, run);
	}
	return run;
}
