/**
 * The Gantt trace: what each pCPU ran, and when, within a window of the run. A segment is a
 * stretch of one vCPU on one pCPU, cut where the vCPU starts or stops spinning; idle time has no
 * segment. The trace is bounded (MAX_SEGMENTS) so that a long window of short slices cannot
 * exhaust memory; `truncated` says when segments were dropped.
 */
import type { SchedWorld } from './world.ts';

export interface GanttSegment {
	pcpu: number;
	/** Index of the VM in the configuration. */
	vm: number;
	/** Index of the vCPU within its VM. */
	vcpu: number;
	startMs: number;
	endMs: number;
	/** True while the vCPU was spinning on a lock. */
	spinning: boolean;
}

export interface GanttTrace {
	fromMs: number;
	toMs: number;
	segments: GanttSegment[];
	truncated: boolean;
}

export const MAX_SEGMENTS = 50_000;

export class GanttRecorder {
	private readonly segments: GanttSegment[] = [];
	private truncated = false;
	/** The open segment of each pCPU: its vCPU (-1 for none), spinning flag, start and end (us). */
	private readonly openV: Int32Array;
	private readonly openSpin: Uint8Array;
	private readonly openStart: Float64Array;
	private readonly openEnd: Float64Array;

	/** Records from `fromUs` to `toUs`. */
	constructor(
		private readonly w: SchedWorld,
		private readonly fromUs: number,
		private readonly toUs: number
	) {
		this.openV = new Int32Array(w.nP).fill(-1);
		this.openSpin = new Uint8Array(w.nP);
		this.openStart = new Float64Array(w.nP);
		this.openEnd = new Float64Array(w.nP);
	}

	/** pCPU `p` ran vCPU `v` (-1: idle) from `start` to `end`, spinning or not. */
	record(p: number, v: number, spinning: boolean, start: number, end: number): void {
		if (end <= this.fromUs || start >= this.toUs) return;
		const spin = spinning ? 1 : 0;
		if (this.openV[p] === v && this.openSpin[p] === spin && this.openEnd[p] === start) {
			this.openEnd[p] = end;
			return;
		}
		this.close(p);
		if (v < 0) return;
		this.openV[p] = v;
		this.openSpin[p] = spin;
		this.openStart[p] = start;
		this.openEnd[p] = end;
	}

	private close(p: number): void {
		const v = this.openV[p];
		if (v < 0) return;
		this.openV[p] = -1;
		const start = Math.max(this.openStart[p], this.fromUs);
		const end = Math.min(this.openEnd[p], this.toUs);
		if (end <= start) return;
		if (this.segments.length >= MAX_SEGMENTS) {
			this.truncated = true;
			return;
		}
		this.segments.push({
			pcpu: p,
			vm: this.w.vmOf[v],
			vcpu: this.w.indexInVm[v],
			startMs: start / 1000,
			endMs: end / 1000,
			spinning: this.openSpin[p] === 1
		});
	}

	/** Closes the open segments; the trace's window ends at `endUs` if the run ends first. */
	finish(endUs: number): GanttTrace {
		for (let p = 0; p < this.w.nP; p++) this.close(p);
		// Segments were closed pCPU by pCPU: order them by time, as the trace always was.
		this.segments.sort((a, b) => a.startMs - b.startMs || a.pcpu - b.pcpu);
		return {
			fromMs: this.fromUs / 1000,
			toMs: Math.min(this.toUs, endUs) / 1000,
			segments: this.segments,
			truncated: this.truncated
		};
	}
}
