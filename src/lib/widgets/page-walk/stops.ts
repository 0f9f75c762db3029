/**
 * What the student steps through in one mode: the access's events (page-walk-scenario.ts) taken
 * apart into stops. A walk gives one stop per memory reference (the data access last) and, when it
 * faults, a stop for the fault; an exit gives one stop per line of its handler (the round trip,
 * then each step the monitor took, as the exit stepper lists them). Forward and back are exact:
 * each stop is a piece of the recorded run, nothing is recomputed.
 */
import type { NumberedWalk, WalkReference } from '../../emulator/mmu/numbered-walk.ts';
import { costPreset, DEFAULT_COST_PRESET, type CostModel } from '../../emulator/vmm/cost.ts';
import type { ExitRecord } from '../../emulator/vmm/exit-trace.ts';
import type { ModeWalks } from '../../emulator/vmm/page-walk-scenario.ts';
import { handlerSteps, type StepLine } from '../exit-stepper/handler-steps.ts';

export type WalkStop =
	| { kind: 'reference'; event: number; walk: NumberedWalk; reference: WalkReference }
	| { kind: 'fault'; event: number; walk: NumberedWalk }
	| { kind: 'exit'; event: number; exit: ExitRecord; line: StepLine; lines: number };

/** The scenario prices its exits with the default preset (vmm/cost.ts): so do its stops. */
const DEFAULT_COSTS: CostModel = costPreset(DEFAULT_COST_PRESET)!;

export function walkStops(mode: ModeWalks, costs: CostModel = DEFAULT_COSTS): WalkStop[] {
	const stops: WalkStop[] = [];
	mode.events.forEach((event, index) => {
		if (event.kind === 'walk') {
			for (const reference of event.walk.references)
				stops.push({ kind: 'reference', event: index, walk: event.walk, reference });
			if (!event.walk.outcome.ok) stops.push({ kind: 'fault', event: index, walk: event.walk });
			return;
		}
		const handler = handlerSteps(event.exit, costs);
		const lines = [handler.roundTrip, ...handler.steps];
		for (const line of lines)
			stops.push({ kind: 'exit', event: index, exit: event.exit, line, lines: lines.length });
	});
	return stops;
}

/**
 * The walk to draw when stop `at` is shown, and how far into it the student is (the number of the
 * last reference made; every reference of a walk that is over). At an exit's stop that is the last
 * walk before it, complete; before any walk, null.
 */
export function walkAt(
	stops: readonly WalkStop[],
	at: number
): { walk: NumberedWalk; reached: number } | null {
	for (let i = Math.min(at, stops.length - 1); i >= 0; i--) {
		const stop = stops[i];
		if (stop.kind === 'reference')
			return { walk: stop.walk, reached: i === at ? stop.reference.number : Infinity };
		if (stop.kind === 'fault') return { walk: stop.walk, reached: Infinity };
	}
	return null;
}

/** The index of the first stop of each event, so that a click on an event goes to it. */
export function firstStopOfEvents(stops: readonly WalkStop[]): Map<number, number> {
	const first = new Map<number, number>();
	stops.forEach((stop, i) => {
		if (!first.has(stop.event)) first.set(stop.event, i);
	});
	return first;
}

/**
 * Where a mode opens: at the first reference of its last walk, the one the access went through
 * with (earlier walks fault, and their exits lead up to it; the list shows them all).
 */
export function startingStop(stops: readonly WalkStop[]): number {
	const lastWalk = stops.findLast((s) => s.kind === 'reference' || s.kind === 'fault');
	if (!lastWalk) return 0;
	return stops.findIndex((s) => s.event === lastWalk.event);
}
