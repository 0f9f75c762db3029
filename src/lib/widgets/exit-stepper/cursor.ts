/**
 * A cursor over a run's exit records: first, last, next, previous, jump to exit N, next (or
 * previous) exit of a chosen reason, and the registers, CSRs and virtual CSRs as they were after
 * the current exit.
 *
 * The state is rebuilt only from the records' `changes`, never by running anything again: moving
 * forward over exit n applies its changes in order (each name takes its `after`), moving back over
 * it undoes them in reverse order (each name takes back the value its previous writer left, or
 * leaves the view if exit n was the first to touch it). So stepping N forward and N back restores
 * exactly the same state.
 *
 * What the view can and cannot say: a value is the one the monitor last wrote, at the exit named by
 * `setAt`. Virtual CSRs (trap mode), the shared page (pv) and the host CSRs the monitor owns change
 * only at exits, so for them the value an exit undoes to is also its `before`, and the view is
 * exact. The guest's own registers and pc change between exits as the guest runs: for those the
 * view shows what the monitor last wrote, labelled with when, and a changed row's `before` is the
 * live value the record saw as the exit began.
 *
 * Position 0 is before the first exit; positions 1..length are after exit `seq` = position.
 * The cursor reads its records from an ExitSeries, which may still be growing while the worker
 * runs; it builds a record only when it moves over it or shows it.
 */
import { abiNames } from '../../emulator/isa/registers.ts';
import type { ExitReason } from '../../emulator/vmm/exit-reasons.ts';
import type { ExitSeries } from '../../emulator/vmm/exit-series.ts';
import type { ExitRecord } from '../../emulator/vmm/exit-trace.ts';

/** One register or CSR in the state view. */
export interface StateEntry {
	name: string;
	value: number;
	/** The exit that last wrote it. */
	setAt: number;
}

/** A row of the view at the current exit: the entry, and its value before if this exit changed it. */
export interface StateRow extends StateEntry {
	changed: boolean;
	/** The value before the current exit, when `changed`. */
	before?: number;
}

export interface StateView {
	/** The exit the view is after (0: before any exit). */
	position: number;
	/** Every name written by exits 1..position, in display order (see `compareNames`). */
	rows: StateRow[];
}

/** For each change of a record, the exit that last wrote that name before it (0: none) and its value. */
type PreviousWriters = { seq: number; value: number }[];

export class ExitCursor {
	/**
	 * For each exit the cursor has moved over, the previous writers of its changes (for moving
	 * back): worked out the first time it moves forward over the exit, which happens in order.
	 */
	private readonly writers: PreviousWriters[] = [];
	/** The latest writer of each name over the exits in `writers`. */
	private readonly lastWriter = new Map<string, { seq: number; value: number }>();
	private readonly state = new Map<string, StateEntry>();
	private at = 0;

	constructor(private readonly records: ExitSeries) {}

	get length(): number {
		return this.records.length;
	}

	/** 0 before the first exit, else the `seq` of the current exit. */
	get position(): number {
		return this.at;
	}

	get current(): ExitRecord | undefined {
		return this.record(this.at);
	}

	record(seq: number): ExitRecord | undefined {
		return seq >= 1 && seq <= this.records.length ? this.records.at(seq - 1) : undefined;
	}

	/** Moves to exit `n` (clamped to 0..length); returns the new position. */
	jump(n: number): number {
		const target = Math.max(0, Math.min(this.records.length, Math.trunc(n) || 0));
		while (this.at < target) this.forward();
		while (this.at > target) this.back();
		return this.at;
	}

	next(): number {
		return this.jump(this.at + 1);
	}

	previous(): number {
		return this.jump(this.at - 1);
	}

	first(): number {
		return this.jump(this.records.length > 0 ? 1 : 0);
	}

	last(): number {
		return this.jump(this.records.length);
	}

	/** Moves to the next exit with this reason after the current one; stays put if there is none. */
	nextOf(reason: ExitReason): number {
		for (let i = this.at; i < this.records.length; i++)
			if (this.records.reason(i) === reason) return this.jump(i + 1);
		return this.at;
	}

	/** Moves to the latest exit with this reason before the current one; stays put if there is none. */
	previousOf(reason: ExitReason): number {
		for (let i = this.at - 2; i >= 0; i--)
			if (this.records.reason(i) === reason) return this.jump(i + 1);
		return this.at;
	}

	/** The state view at the current position. */
	view(): StateView {
		return this.snapshot();
	}

	/**
	 * The state after exit `n`, reached by applying and undoing changes from the current position;
	 * the cursor ends where it was.
	 */
	stateAt(n: number): StateView {
		const here = this.at;
		this.jump(n);
		const view = this.snapshot();
		this.jump(here);
		return view;
	}

	private forward(): void {
		const r = this.records.at(this.at);
		if (this.at === this.writers.length) {
			const prev: PreviousWriters = [];
			for (const c of r.changes) {
				prev.push(this.lastWriter.get(c.name) ?? { seq: 0, value: 0 });
				this.lastWriter.set(c.name, { seq: r.seq, value: c.after });
			}
			this.writers.push(prev);
		}
		for (const c of r.changes)
			this.state.set(c.name, { name: c.name, value: c.after, setAt: r.seq });
		this.at++;
	}

	private back(): void {
		const i = this.at - 1;
		const r = this.records.at(i);
		const prev = this.writers[i];
		for (let k = r.changes.length - 1; k >= 0; k--) {
			const c = r.changes[k];
			// A name changed twice in one exit has this exit as the previous writer of its second change.
			const { seq, value } = prev[k];
			if (seq === 0) this.state.delete(c.name);
			else this.state.set(c.name, { name: c.name, value, setAt: seq });
		}
		this.at--;
	}

	private snapshot(): StateView {
		const r = this.current;
		const before = new Map<string, number>();
		if (r) for (const c of r.changes) if (!before.has(c.name)) before.set(c.name, c.before);
		const rows: StateRow[] = [...this.state.values()]
			.map((e) => {
				const changed = r !== undefined && e.setAt === r.seq;
				return changed ? { ...e, changed, before: before.get(e.name)! } : { ...e, changed };
			})
			.sort((a, b) => compareNames(a.name, b.name));
		return { position: this.at, rows };
	}
}

/**
 * The view's order: pc, the integer registers in register order, the machine's CSRs, then the
 * monitor's own state (virtual CSRs, the pv shared page, …) grouped by prefix; alphabetical inside
 * each group.
 */
export function compareNames(a: string, b: string): number {
	const ra = rank(a);
	const rb = rank(b);
	if (ra !== rb) return ra - rb;
	return a < b ? -1 : a > b ? 1 : 0;
}

function rank(name: string): number {
	if (name === 'pc') return -1;
	const reg = abiNames.indexOf(name);
	if (reg >= 0) return reg;
	if (!name.includes(' ')) return 100;
	return 200;
}

/** The state after exit `n` computed from scratch (exit 1 to n): the oracle for the cursor. */
export function stateFromScratch(
	records: readonly ExitRecord[],
	n: number
): Map<string, StateEntry> {
	const state = new Map<string, StateEntry>();
	for (const r of records.slice(0, n))
		for (const c of r.changes) state.set(c.name, { name: c.name, value: c.after, setAt: r.seq });
	return state;
}
