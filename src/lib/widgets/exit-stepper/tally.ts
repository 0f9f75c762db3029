/**
 * The `perf kvm stat` table and the model-cycle bars, from exit records under a cost model: what
 * the stepper redraws when the student picks another preset or changes a constant, without running
 * the guest again.
 *
 * Re-pricing feeds copies of the records, in order, to a fresh vmm ExitLog with the new model, so
 * each exit costs exactly what the log would have charged (round trip plus steps, cost.ts), and the
 * rows come from vmm/report.ts's `exitRows`: one definition of the table for the CLI and the page.
 * The hardware's page walks are re-priced the same way: their page-table references, counted once
 * by the run, times the model's `memoryReference` (vmm/walk-stats.ts). So a tally's total is
 * `VmRun.modelCycles` = guest instructions + page-walk references × memoryReference + exits.
 */
import { COST_PRESETS, costPreset, type CostModel } from '../../emulator/vmm/cost.ts';
import { EXIT_REASONS, type ExitReason } from '../../emulator/vmm/exit-reasons.ts';
import { ExitLog, type ExitRecord, type VmMode } from '../../emulator/vmm/exit-trace.ts';
import { exitRows, type ExitRow } from '../../emulator/vmm/report.ts';
import { walkStats, type WalkCounts, type WalkStats } from '../../emulator/vmm/walk-stats.ts';
import { text, type Text } from './messages.ts';

/** The constants a student may change: every number of a CostModel. */
export type CostConstant = Exclude<keyof CostModel, 'id' | 'label' | 'source'>;
export type CostOverrides = Partial<Record<CostConstant, number>>;

export const COST_CONSTANTS: readonly CostConstant[] = [
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

/**
 * The preset `id` with `overrides` applied; the id says which constants changed ("p4+decode") so
 * that a table never passes a changed model off as the published one.
 */
export function resolveCost(
	id: string,
	overrides: CostOverrides = {}
): { ok: true; model: CostModel } | { ok: false; error: Text } {
	const preset = costPreset(id);
	if (!preset)
		return {
			ok: false,
			error: text('exitStepper.error.preset', {
				preset: id,
				known: COST_PRESETS.map((p) => p.id).join(', ')
			})
		};
	const model: CostModel = { ...preset };
	const changed: string[] = [];
	for (const [name, value] of Object.entries(overrides)) {
		if (value === undefined) continue;
		if (
			!(COST_CONSTANTS as readonly string[]).includes(name) ||
			!Number.isFinite(value) ||
			value < 0
		)
			return { ok: false, error: text('exitStepper.error.constant', { name }) };
		if (model[name as CostConstant] !== value) {
			model[name as CostConstant] = value;
			changed.push(name);
		}
	}
	if (changed.length > 0) model.id = `${preset.id}+${changed.join('+')}`;
	return { ok: true, model };
}

/** One mode's figures under one cost model. Plain data. */
export interface ModeTally {
	mode: VmMode;
	costModel: string;
	/** `perf kvm stat` rows, most frequent first. */
	rows: ExitRow[];
	exits: number;
	/** Native mode's firmware calls (not exits, but priced). */
	firmwareCalls: number;
	guestInstructions: number;
	/**
	 * The hardware's page walks on TLB misses, priced under this model; undefined when they were
	 * not counted (a range of the timeline: a walk belongs to no exit).
	 */
	walk: WalkStats | undefined;
	/** Model cycles of all exits (and native firmware calls). */
	exitCycles: number;
	/** Guest instructions (one cycle each) plus page-walk cycles plus exit cycles. */
	modelCycles: number;
}

export interface TallyInput {
	mode: VmMode;
	records: readonly ExitRecord[];
	guestInstructions: number;
	firmwareCalls?: number;
	walk?: WalkCounts;
}

/** Prices `records` and the page walks under `model` and tallies them as `virtlab vm` does. */
export function tally(input: TallyInput, model: CostModel): ModeTally {
	const log = new ExitLog(input.mode, model, false);
	for (const r of input.records) log.add({ ...r, seq: 0, modelCycles: 0 });
	for (let i = 0; i < (input.firmwareCalls ?? 0); i++) log.firmwareCall();
	const walk = input.walk && walkStats(input.walk, model);
	return {
		mode: input.mode,
		costModel: model.id,
		rows: exitRows({ exits: log }),
		exits: log.count,
		firmwareCalls: log.firmwareCalls,
		guestInstructions: input.guestInstructions,
		walk,
		exitCycles: log.modelCycles,
		modelCycles: input.guestInstructions + (walk?.cycles ?? 0) + log.modelCycles
	};
}

/**
 * One segment of a mode's bar: the guest's own instructions, the hardware's page walks, or one
 * reason's exits.
 */
export interface BarSegment {
	/**
	 * 'guest' for the guest's instructions, 'walk' for the page walks of its TLB misses, else the
	 * exit reason (or 'firmware' natively).
	 */
	part: 'guest' | 'walk' | 'firmware' | ExitReason;
	/** Where the segment starts and its length, in model cycles. */
	start: number;
	cycles: number;
}

export interface ModeBar {
	mode: VmMode;
	total: number;
	segments: BarSegment[];
	/** total ÷ the smallest total of the modes drawn (1 for the fastest). */
	relative: number;
}

/**
 * Stacked bars of model cycles per mode: the guest's instructions first, then its page walks, then
 * each exit reason in the canonical order of EXIT_REASONS (so a reason sits in the same place, and
 * takes the same colour from timeline.ts's palette, in every bar), then native firmware calls.
 * Bars share one scale: the largest total.
 */
export function modeBars(tallies: readonly ModeTally[]): { max: number; bars: ModeBar[] } {
	const order = Object.keys(EXIT_REASONS) as ExitReason[];
	const min = Math.min(...tallies.map((t) => t.modelCycles));
	const bars = tallies.map((t) => {
		const segments: BarSegment[] = [];
		let at = 0;
		const add = (part: BarSegment['part'], cycles: number) => {
			segments.push({ part, start: at, cycles });
			at += cycles;
		};
		add('guest', t.guestInstructions);
		if (t.walk && t.walk.cycles > 0) add('walk', t.walk.cycles);
		let reasons = 0;
		const byReason = new Map(t.rows.map((r) => [r.reason, r.modelCycles.total]));
		for (const reason of order) {
			const cycles = byReason.get(reason);
			if (cycles === undefined) continue;
			add(reason, cycles);
			reasons += cycles;
		}
		const firmware = t.exitCycles - reasons;
		if (firmware > 0) add('firmware', firmware);
		return { mode: t.mode, total: at, segments, relative: min > 0 ? at / min : 1 };
	});
	return { max: Math.max(0, ...bars.map((b) => b.total)), bars };
}
