/**
 * A run's summary as data: exits by reason in the layout of `perf kvm stat report` (reason,
 * samples, share of exits, model cycles min/avg/max, share of exit time), and the figures
 * `virtlab vm --json` prints. The CLI and the exit stepper's table both draw from here.
 */
import { EXIT_REASONS, type ExitReason } from './exit-reasons.ts';
import type { VmRun } from './vm.ts';

export interface ExitRow {
	reason: ExitReason;
	riscv: string;
	x86: string;
	count: number;
	/** Share of all exits, 0..1. */
	share: number;
	modelCycles: { min: number; avg: number; max: number; total: number };
	/** Share of all exits' model cycles, 0..1. */
	timeShare: number;
}

/** Rows sorted by count, most frequent first (perf's default), ties by reason name. */
export function exitRows(run: Pick<VmRun, 'exits'>): ExitRow[] {
	const log = run.exits;
	const rows: ExitRow[] = [];
	for (const [reason, t] of log.byReason) {
		rows.push({
			reason,
			riscv: EXIT_REASONS[reason].riscv,
			x86: EXIT_REASONS[reason].x86,
			count: t.count,
			share: log.count > 0 ? t.count / log.count : 0,
			modelCycles: {
				min: t.modelCycles.min,
				avg: t.modelCycles.total / t.count,
				max: t.modelCycles.max,
				total: t.modelCycles.total
			},
			timeShare: log.modelCycles > 0 ? t.modelCycles.total / log.modelCycles : 0
		});
	}
	return rows.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** How the run ended, as one line. */
export function describeOutcome(run: VmRun): string {
	const o = run.outcome;
	switch (o.kind) {
		case 'exit':
			return `guest exit ${o.exitCode} (${o.how})`;
		case 'budget':
			return `stopped: the budget of ${o.budget} instructions, traps and exits is spent (the guest did not finish; raise --max-insns)`;
		case 'error':
			return `stopped: ${o.message}`;
	}
}

/** The object `virtlab vm --json` prints for one run. */
export function runJson(
	run: VmRun,
	what: { workload?: string; kernel?: string; batching?: boolean }
) {
	const exitsByReason: Record<string, { count: number; modelCycles: ExitRow['modelCycles'] }> = {};
	for (const r of exitRows(run))
		exitsByReason[r.reason] = { count: r.count, modelCycles: r.modelCycles };
	return {
		mode: run.mode,
		...what,
		exitCode: run.outcome.kind === 'exit' ? run.outcome.exitCode : null,
		stop: run.outcome.kind,
		...(run.outcome.kind === 'error' ? { error: run.outcome.message } : {}),
		output: new TextDecoder().decode(run.output),
		instructions: run.guestInstructions,
		exits: run.exits.count,
		exitsByReason,
		firmwareCalls: run.exits.firmwareCalls,
		walk: run.walk,
		modelCycles: run.modelCycles,
		costPreset: run.exits.costModel.id,
		seconds: Number(run.seconds.toFixed(6)),
		mips: run.seconds > 0 ? Number((run.guestInstructions / run.seconds / 1e6).toFixed(2)) : null
	};
}
