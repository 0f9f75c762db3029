/**
 * `virtlab vm bench`: the hypervisor's speed on this computer, for `npm run bench`. For each mode:
 * guest MIPS on `compute` (about 10 million guest instructions, almost no exits: the cost of
 * running a guest under each monitor), exits handled per second on `syscall` (exit-heavy in trap
 * mode), and the wall time of running `compute` in every mode, which is what `--compare` does.
 * Each run is preceded by a short untimed one so V8 has compiled the interpreter and the monitor.
 * These are wall-clock figures of the host, printed for people; no test asserts them.
 */
import { runVm } from '../../lib/emulator/vmm/vm.ts';
import type { VmMode } from '../../lib/emulator/vmm/exit-trace.ts';
import { guestKernel } from './guests.ts';

const COMPUTE_SCALE = 7; // about 9.7 million guest instructions
const SYSCALL_SCALE = 10;

function timed(mode: VmMode, workload: string, scale: number) {
	const kernel = guestKernel(workload, mode === 'pv', scale);
	if (typeof kernel === 'string') return kernel;
	const result = runVm({
		clock: () => performance.now(),
		mode,
		kernel,
		maxInsns: 1e10
	});
	if (!result.ok) return result.error;
	if (result.run.outcome.kind !== 'exit' || result.run.outcome.exitCode !== 0)
		return `${workload} did not finish cleanly in ${mode} mode`;
	return result.run;
}

export function vmBench(modes: readonly VmMode[]): number {
	const rows: string[] = [];
	let compareSeconds = 0;
	let compareInstructions = 0;
	for (const mode of modes) {
		timed(mode, 'compute', 1); // warm-up
		timed(mode, 'syscall', 1);
		const compute = timed(mode, 'compute', COMPUTE_SCALE);
		const syscall = timed(mode, 'syscall', SYSCALL_SCALE);
		if (typeof compute === 'string' || typeof syscall === 'string') {
			rows.push(
				`${mode.padEnd(7)} not measured: ${typeof compute === 'string' ? compute : syscall}`
			);
			continue;
		}
		compareSeconds += compute.seconds;
		compareInstructions = compute.guestInstructions;
		const mips = compute.guestInstructions / compute.seconds / 1e6;
		const exitsPerSecond = syscall.exits.count / syscall.seconds;
		rows.push(
			`${mode.padEnd(7)} compute ${mips.toFixed(1).padStart(6)} guest MIPS (${compute.exits.count} exits)   ` +
				`syscall ${Math.round(exitsPerSecond).toLocaleString('en-US').padStart(9)} exits/s (${syscall.exits.count.toLocaleString('en-US')} exits in ${syscall.seconds.toFixed(3)} s)`
		);
	}
	process.stdout.write(
		`virtlab vm bench: the guest kernel's compute (${compareInstructions.toLocaleString('en-US')} guest instructions) and syscall workloads\n` +
			rows.join('\n') +
			`\ncompute in every mode above, one after another (what --compare does): ${compareSeconds.toFixed(3)} s\n`
	);
	return 0;
}
