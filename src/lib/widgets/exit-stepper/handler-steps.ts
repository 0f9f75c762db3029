/**
 * An exit's handler as the numbered list the student steps through: the round trip (leaving the
 * guest and coming back), then each step the monitor took, in order, each as a translatable line
 * with its model cycles under a cost model. The cycles come from vmm/cost.ts (`roundTripCost`,
 * `stepCost`), the functions the exit log itself prices with, so under the run's own cost model the
 * total is the record's `modelCycles`, and under another preset it is what the exit would cost there.
 */
import { disassemble } from '../../emulator/isa/disassemble.ts';
import { roundTripCost, stepCost, type CostModel } from '../../emulator/vmm/cost.ts';
import type { ExitRecord, ExitStep, VmMode } from '../../emulator/vmm/exit-trace.ts';
import { hex, text, type Text } from './messages.ts';

export interface StepLine {
	/** 1, 2, 3, … in the handler's order (the round trip is line 0). */
	number: number;
	/** The step's kind ('roundTrip' for line 0), for an icon or a filter. */
	kind: ExitStep['kind'] | 'roundTrip';
	text: Text;
	cycles: number;
}

export interface HandlerSteps {
	seq: number;
	roundTrip: StepLine;
	steps: StepLine[];
	/** Round trip plus every step. */
	total: number;
}

export function handlerSteps(record: ExitRecord, model: CostModel): HandlerSteps {
	const roundTrip: StepLine = {
		number: 0,
		kind: 'roundTrip',
		text: text(roundTripKey(record.mode)),
		cycles: roundTripCost(record.mode, model)
	};
	let total = roundTrip.cycles;
	const steps = record.steps.map((s, i) => {
		const cycles = stepCost(s, model);
		total += cycles;
		return { number: i + 1, kind: s.kind, text: stepText(s, record.guestPc), cycles };
	});
	return { seq: record.seq, roundTrip, steps, total };
}

function roundTripKey(mode: VmMode) {
	if (mode === 'hw') return 'exitStep.roundTrip.hw' as const;
	if (mode === 'native') return 'exitStep.roundTrip.native' as const;
	return 'exitStep.roundTrip.trap' as const;
}

/** One step as a line. `pc` is the exiting instruction's, for disassembling a decoded word. */
export function stepText(step: ExitStep, pc = 0): Text {
	switch (step.kind) {
		case 'readState':
			return text('exitStep.readState', { name: step.name, value: hex(step.value) });
		case 'writeState':
			return text('exitStep.writeState', {
				name: step.name,
				before: hex(step.before),
				after: hex(step.after)
			});
		case 'readGuestTable':
			return text('exitStep.readGuestTable', {
				level: step.level,
				gpa: hex(step.gpa),
				pte: hex(step.pte)
			});
		case 'installEntry':
			return step.table === 'guest'
				? text('exitStep.installEntry.guest', {
						level: step.level,
						address: hex(step.address),
						pte: hex(step.pte)
					})
				: text('exitStep.installEntry', {
						level: step.level,
						table: step.table,
						address: hex(step.address),
						pte: hex(step.pte)
					});
		case 'dropEntries':
			return text('exitStep.dropEntries', { count: step.count, table: step.table, why: step.why });
		case 'decode':
			return text('exitStep.decode', {
				instruction: `${hex(step.instruction)} (${disassemble(step.instruction, pc).replace(/\t/g, ' ')})`
			});
		case 'device':
			return text(step.write ? 'exitStep.device.write' : 'exitStep.device.read', {
				device: step.device,
				offset: hex(step.offset),
				value: hex(step.value)
			});
		case 'inject':
			return text('exitStep.inject', { what: step.what });
		case 'firmware':
			return text('exitStep.firmware', { call: step.call });
		case 'idle':
			return text('exitStep.idle', { cycles: step.cycles });
	}
}

/** A stretch of consecutive steps of one kind, shown as one line that opens. */
export interface StepRun {
	kind: ExitStep['kind'];
	first: StepLine;
	last: StepLine;
	count: number;
	cycles: number;
	lines: StepLine[];
}

/**
 * Groups `minRun` or more consecutive lines of the same kind into one run (a paravirtual pin walks
 * a whole table: 1,024 reads in a row), so that a list of thousands stays steppable; shorter
 * stretches stay single lines.
 */
export function collapseRuns(lines: readonly StepLine[], minRun = 8): (StepLine | StepRun)[] {
	const out: (StepLine | StepRun)[] = [];
	let i = 0;
	while (i < lines.length) {
		let j = i + 1;
		while (j < lines.length && lines[j].kind === lines[i].kind) j++;
		if (j - i >= minRun) {
			const run = lines.slice(i, j);
			out.push({
				kind: lines[i].kind as ExitStep['kind'],
				first: run[0],
				last: run[run.length - 1],
				count: run.length,
				cycles: run.reduce((s, l) => s + l.cycles, 0),
				lines: run
			});
		} else out.push(...lines.slice(i, j));
		i = j;
	}
	return out;
}

export function isRun(item: StepLine | StepRun): item is StepRun {
	return 'lines' in item;
}
