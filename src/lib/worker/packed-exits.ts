/**
 * Exit records packed into numbers, for the trip from the exit stepper's worker to the page.
 *
 * A run of `syscall` under trap-and-emulate makes 35,000 exits, and each record holds a handful of
 * small objects (its steps and changes). Posted as objects, the page spent seconds of its main
 * thread copying them in and collecting them afterwards, on a phone far more. Packed, a batch is
 * one Float64Array, copied in one go and kept as it came, and the page builds a record only when it
 * shows one: the timeline reads just each exit's progress and reason, straight from the numbers.
 *
 * The layout of one record, every value one number (a string is its index in the string table, a
 * flag 0 or 1): the fields of RECORD_FIELDS in order, the number of steps, the number of changes,
 * then each step (its kind's index in STEP_KINDS, then that kind's fields of STEP_FIELDS) and each
 * change (name, before, after). The tables list every field of the types they describe, which the
 * compiler checks, so a field added to a step cannot be lost on the way.
 *
 * Strings (reasons, register names, …) are few and repeat: the packer numbers each the first time
 * it sends it, and a batch carries only the strings new since the previous one.
 */
import type { ExitReason } from '../emulator/vmm/exit-reasons.ts';
import type { ExitSeries } from '../emulator/vmm/exit-series.ts';
import type { ExitRecord, ExitStep, StateChange } from '../emulator/vmm/exit-trace.ts';

/** How a field travels: a number as itself, a string by its index, a boolean as 0 or 1. */
type FieldKind = 'number' | 'text' | 'flag';
type Fields<T> = { [F in Exclude<keyof T, 'kind'>]-?: FieldKind };

const RECORD_FIELDS: Fields<Omit<ExitRecord, 'steps' | 'changes'>> = {
	seq: 'number',
	mode: 'text',
	reason: 'text',
	cause: 'number',
	interrupt: 'flag',
	guestPc: 'number',
	instruction: 'number',
	guestInstructions: 'number',
	modelCycles: 'number'
};

const STEP_FIELDS: { [K in ExitStep['kind']]: Fields<Extract<ExitStep, { kind: K }>> } = {
	readState: { name: 'text', value: 'number' },
	writeState: { name: 'text', before: 'number', after: 'number' },
	readGuestTable: { gpa: 'number', pte: 'number', level: 'number' },
	installEntry: { table: 'text', address: 'number', pte: 'number', level: 'number' },
	dropEntries: { table: 'text', count: 'number', why: 'text' },
	decode: { instruction: 'number' },
	device: { device: 'text', offset: 'number', write: 'flag', value: 'number' },
	inject: { what: 'text' },
	firmware: { call: 'text' },
	idle: { cycles: 'number' }
};

const CHANGE_FIELDS: Fields<StateChange> = { name: 'text', before: 'number', after: 'number' };

/** A table of fields as two lists, walked in order by the packer and the reader. */
interface Layout {
	names: string[];
	kinds: FieldKind[];
}
const layoutOf = (fields: Record<string, FieldKind>): Layout => ({
	names: Object.keys(fields),
	kinds: Object.values(fields)
});
const recordLayout = layoutOf(RECORD_FIELDS);
const changeLayout = layoutOf(CHANGE_FIELDS);
const STEP_KINDS = Object.keys(STEP_FIELDS) as ExitStep['kind'][];
const stepLayouts = STEP_KINDS.map((kind) => layoutOf(STEP_FIELDS[kind]));
const stepKindIndex = new Map(STEP_KINDS.map((kind, i) => [kind, i]));

/** Where a record's progress and reason sit among its numbers. */
const PROGRESS_AT = recordLayout.names.indexOf('guestInstructions');
const REASON_AT = recordLayout.names.indexOf('reason');

/** A batch of packed records: plain data, cheap to post. */
export interface PackedExits {
	/** Every record's numbers, one after another. */
	numbers: Float64Array;
	/** Where each record starts in `numbers`. */
	starts: Uint32Array;
	/** The strings first used in this batch, numbered on from the previous batches'. */
	strings: string[];
}

/** The worker's side: packs records batch after batch, numbering strings as it meets them. */
export class ExitPacker {
	private readonly ids = new Map<string, number>();

	pack(records: readonly ExitRecord[]): PackedExits {
		// Measure first, then write into an array of the right size.
		let size = 0;
		for (const record of records) {
			size += recordLayout.names.length + 2 + record.changes.length * changeLayout.names.length;
			for (const step of record.steps)
				size += 1 + stepLayouts[stepKindIndex.get(step.kind)!].names.length;
		}
		const numbers = new Float64Array(size);
		const starts = new Uint32Array(records.length);
		const strings: string[] = [];
		let at = 0;
		const write = (object: object, { names, kinds }: Layout) => {
			for (let f = 0; f < names.length; f++) {
				const value = (object as Record<string, unknown>)[names[f]];
				const kind = kinds[f];
				numbers[at++] =
					kind === 'number'
						? (value as number)
						: kind === 'flag'
							? value
								? 1
								: 0
							: this.id(value as string, strings);
			}
		};
		for (let i = 0; i < records.length; i++) {
			const record = records[i];
			starts[i] = at;
			write(record, recordLayout);
			numbers[at++] = record.steps.length;
			numbers[at++] = record.changes.length;
			for (const step of record.steps) {
				const k = stepKindIndex.get(step.kind)!;
				numbers[at++] = k;
				write(step, stepLayouts[k]);
			}
			for (const change of record.changes) write(change, changeLayout);
		}
		return { numbers, starts, strings };
	}

	/** A string's number, given (and added to `fresh`) the first time it is met. */
	private id(value: string, fresh: string[]): number {
		let id = this.ids.get(value);
		if (id === undefined) {
			id = this.ids.size;
			this.ids.set(value, id);
			fresh.push(value);
		}
		return id;
	}
}

/**
 * The page's side: the batches of one run, kept as they arrive (no copying), read as an
 * ExitSeries. It builds a record when one is asked for, and keeps the last few it built: asked
 * again, it gives the same object, so that a view showing the current exit sees nothing new when
 * more records arrive (and does not redraw).
 */
export class PackedExitLog implements ExitSeries {
	private readonly batches: Float64Array[] = [];
	/** For each record, the batch that holds it and where it starts there. */
	private batchOf = new Uint32Array(1 << 10);
	private startOf = new Uint32Array(1 << 10);
	private count = 0;
	private readonly strings: string[] = [];
	private readonly built = new Map<number, ExitRecord>();

	get length(): number {
		return this.count;
	}

	append(batch: PackedExits): void {
		const n = batch.starts.length;
		this.strings.push(...batch.strings);
		this.batchOf = ensure(this.batchOf, this.count + n);
		this.startOf = ensure(this.startOf, this.count + n);
		this.batchOf.fill(this.batches.length, this.count, this.count + n);
		this.startOf.set(batch.starts, this.count);
		this.batches.push(batch.numbers);
		this.count += n;
	}

	progress(index: number): number {
		return this.batches[this.batchOf[index]][this.startOf[index] + PROGRESS_AT];
	}

	reason(index: number): ExitReason {
		const numbers = this.batches[this.batchOf[index]];
		return this.strings[numbers[this.startOf[index] + REASON_AT]] as ExitReason;
	}

	at(index: number): ExitRecord {
		let record = this.built.get(index);
		if (!record) {
			record = this.build(index);
			this.built.set(index, record);
			// A Map iterates in insertion order: the first key is the oldest.
			if (this.built.size > KEPT_RECORDS) this.built.delete(this.built.keys().next().value!);
		}
		return record;
	}

	private build(index: number): ExitRecord {
		if (!(index >= 0 && index < this.count)) throw new RangeError(`no exit record ${index}`);
		const numbers = this.batches[this.batchOf[index]];
		let at = this.startOf[index];
		const take = (kind: FieldKind) => {
			const n = numbers[at++];
			return kind === 'number' ? n : kind === 'flag' ? n !== 0 : this.strings[n];
		};
		const takeAll = ({ names, kinds }: Layout, into: Record<string, unknown>) => {
			for (let f = 0; f < names.length; f++) into[names[f]] = take(kinds[f]);
			return into;
		};
		const record = takeAll(recordLayout, {}) as unknown as ExitRecord;
		const stepCount = numbers[at++];
		const changeCount = numbers[at++];
		record.steps = [];
		for (let s = 0; s < stepCount; s++) {
			const k = numbers[at++];
			record.steps.push(takeAll(stepLayouts[k], { kind: STEP_KINDS[k] }) as unknown as ExitStep);
		}
		record.changes = [];
		for (let c = 0; c < changeCount; c++)
			record.changes.push(takeAll(changeLayout, {}) as unknown as StateChange);
		return record;
	}
}

/** How many built records a PackedExitLog keeps. */
const KEPT_RECORDS = 256;

/** `array`, or a copy at least twice as long when it cannot hold `size` values. */
function ensure(array: Uint32Array<ArrayBuffer>, size: number): Uint32Array<ArrayBuffer> {
	if (size <= array.length) return array;
	const grown = new Uint32Array(Math.max(size, array.length * 2));
	grown.set(array);
	return grown;
}
