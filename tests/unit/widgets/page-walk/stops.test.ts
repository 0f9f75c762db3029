import { beforeAll, describe, expect, it } from 'vitest';
import {
	pageWalkScenario,
	type ModeWalks,
	type PageWalkScenario
} from '../../../../src/lib/emulator/vmm/page-walk-scenario.ts';
import {
	firstStopOfEvents,
	startingStop,
	walkAt,
	walkStops
} from '../../../../src/lib/widgets/page-walk/stops.ts';

let scenario: Extract<PageWalkScenario, { ok: true }>;
const mode = (name: string): ModeWalks => scenario.modes.find((m) => m.mode === name)!;

beforeAll(() => {
	const result = pageWalkScenario();
	if (!result.ok) throw new Error(result.error);
	scenario = result;
});

describe('walkStops', () => {
	it('makes one stop per reference of the two-stage walk: 8 table references, then the data', () => {
		const stops = walkStops(mode('hw'));
		const last = mode('hw').events.at(-1)!;
		expect(last.kind).toBe('walk');
		const lastWalk = stops.filter(
			(s) => s.kind === 'reference' && s.event === mode('hw').events.length - 1
		);
		expect(lastWalk.map((s) => (s.kind === 'reference' ? s.reference.number : 0))).toEqual([
			1, 2, 3, 4, 5, 6, 7, 8, 9
		]);
		expect(lastWalk.at(-1)).toMatchObject({ reference: { kind: 'data' } });
	});

	it('ends a walk that faults with a stop for the fault', () => {
		const stops = walkStops(mode('native'));
		const fault = stops.findIndex((s) => s.kind === 'fault');
		expect(fault).toBeGreaterThan(0);
		expect(stops[fault - 1]).toMatchObject({ kind: 'reference' });
	});

	it('takes a trap-mode exit apart into its handler’s lines, round trip first', () => {
		const stops = walkStops(mode('trap'));
		const hidden = stops.filter((s) => s.kind === 'exit' && s.exit.reason === 'hiddenPageFault');
		expect(hidden.length).toBeGreaterThan(1);
		expect(hidden[0]).toMatchObject({ line: { kind: 'roundTrip', number: 0 } });
		const kinds = hidden.map((s) => (s.kind === 'exit' ? s.line.kind : ''));
		expect(kinds).toContain('readGuestTable');
		expect(kinds).toContain('installEntry');
		// Every line of the exit, and the lines add up to the exit's model cycles.
		const first = hidden[0];
		if (first.kind !== 'exit') throw new Error('not an exit');
		expect(hidden.length).toBe(first.lines);
		expect(hidden.reduce((sum, s) => sum + (s.kind === 'exit' ? s.line.cycles : 0), 0)).toBe(
			first.exit.modelCycles
		);
	});
});

describe('walkAt', () => {
	it('shows the walk being stepped, as far as the current reference', () => {
		const stops = walkStops(mode('hw'));
		const i = stops.findIndex((s) => s.kind === 'reference' && s.reference.number === 5);
		const shown = walkAt(stops, i);
		expect(shown?.reached).toBe(5);
	});

	it('keeps the last walk, complete, while an exit’s lines are stepped', () => {
		const stops = walkStops(mode('trap'));
		const exit = stops.findIndex((s) => s.kind === 'exit');
		const before = stops.slice(0, exit).findLast((s) => s.kind !== 'exit');
		const shown = walkAt(stops, exit);
		expect(shown?.walk).toBe(before && 'walk' in before ? before.walk : undefined);
		expect(shown?.reached).toBe(Infinity);
	});

	it('starts every event at its first stop', () => {
		const stops = walkStops(mode('trap'));
		const first = firstStopOfEvents(stops);
		expect(first.size).toBe(mode('trap').events.length);
		for (const [event, index] of first) {
			expect(stops[index].event).toBe(event);
			if (index > 0) expect(stops[index - 1].event).toBe(event - 1);
		}
	});
});

describe('startingStop', () => {
	it('opens each mode at the first reference of the walk the access went through', () => {
		for (const name of ['native', 'trap', 'hw']) {
			const stops = walkStops(mode(name));
			const start = stops[startingStop(stops)];
			expect(start, name).toMatchObject({ kind: 'reference', reference: { number: 1 } });
			if (start.kind !== 'reference') throw new Error('not a reference');
			expect(start.walk.outcome.ok, name).toBe(true);
			expect(
				stops.slice(startingStop(stops)).every((s) => s.event === start.event),
				name
			).toBe(true);
		}
	});
});
