/**
 * The checkpoints of a debugging session: machine snapshots taken every `interval` steps, at most
 * `limit` of them (thinning.ts says which to forget), each with what else the session must put
 * back to be where it was then: how much UART output and how many trap records existed, and how
 * many recorded inputs had been delivered. Step back (debug-session.ts) restores the latest
 * checkpoint at or before its target and replays forward.
 */
import type { Machine, Snapshot } from '../machine/machine.ts';
import type { FirmwareState } from './firmware.ts';
import { fromPages, toPages } from './ram-pages.ts';
import { checkpointToDrop } from './thinning.ts';

export interface Checkpoint {
	/** Steps since the program was loaded (instructions retired plus traps entered). */
	position: number;
	/** The machine's snapshot without its RAM, which is in `pages`. */
	state: Snapshot;
	pages: Uint8Array[];
	inputsDelivered: number;
	outputLength: number;
	trapCount: number;
	/** The firmware's state outside the machine, in a session with firmware (firmware.ts). */
	firmware?: FirmwareState;
}

export type CheckpointExtras = Omit<Checkpoint, 'position' | 'state' | 'pages'>;

export class Checkpoints {
	private list: Checkpoint[] = [];

	constructor(
		readonly interval: number,
		readonly limit: number
	) {
		if (!(interval >= 1))
			throw new RangeError(`checkpoint interval ${interval} must be at least 1`);
		if (!(limit >= 3)) throw new RangeError(`checkpoint limit ${limit} must be at least 3`);
	}

	/** The positions held, oldest first. */
	get positions(): number[] {
		return this.list.map((c) => c.position);
	}

	get latest(): Checkpoint | undefined {
		return this.list[this.list.length - 1];
	}

	/** Whether a checkpoint is due at `position`: `interval` steps after the latest one. */
	due(position: number): boolean {
		const latest = this.latest;
		return latest === undefined || position >= latest.position + this.interval;
	}

	/** Steps from `position` until the next checkpoint is due. */
	stepsUntilDue(position: number): number {
		const latest = this.latest;
		return latest === undefined ? 0 : Math.max(0, latest.position + this.interval - position);
	}

	take(machine: Machine, position: number, extras: CheckpointExtras): void {
		const state = machine.snapshot({ ram: false });
		// The live RAM: toPages copies only the pages that differ from the latest checkpoint's.
		const pages = toPages(machine.hart.ram, this.latest?.pages);
		this.list.push({ position, state, pages, ...extras });
		while (this.list.length > this.limit)
			this.list.splice(checkpointToDrop(this.positions, position, this.interval), 1);
	}

	/** The latest checkpoint at or before `position` (the first one is at 0, so there always is one). */
	atOrBefore(position: number): Checkpoint | undefined {
		for (let i = this.list.length - 1; i >= 0; i--)
			if (this.list[i].position <= position) return this.list[i];
		return undefined;
	}

	/** Forgets the checkpoints after `position`: a future that will be made again, maybe differently. */
	dropAfter(position: number): void {
		this.list = this.list.filter((c) => c.position <= position);
	}

	clear(): void {
		this.list = [];
	}

	/** Puts a checkpoint's machine state back; a message if it does not fit the machine. */
	static restore(machine: Machine, checkpoint: Checkpoint): string | undefined {
		return machine.restore({ ...checkpoint.state, ram: fromPages(checkpoint.pages) });
	}
}
