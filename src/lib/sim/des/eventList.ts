/**
 * The future event list of a discrete-event simulation: a binary min-heap ordered by event time,
 * stored in typed arrays (time, tie-break sequence number, event code) so that scheduling and
 * removing an event allocates nothing. Events at the same time come out in the order they were
 * scheduled (FIFO), which keeps runs deterministic when distributions are deterministic.
 * push and pop are O(log n); the heap doubles its arrays when full.
 */
export class EventList {
	private times: Float64Array;
	private seqs: Float64Array;
	private codes: Int32Array;
	private count = 0;
	private nextSeq = 0;
	/** Time of the event returned by the last pop(). */
	time = 0;

	constructor(initialCapacity = 64) {
		const n = Math.max(2, initialCapacity);
		this.times = new Float64Array(n);
		this.seqs = new Float64Array(n);
		this.codes = new Int32Array(n);
	}

	get size(): number {
		return this.count;
	}

	/** The time of the next event, without removing it (Infinity when empty). */
	peekTime(): number {
		return this.count > 0 ? this.times[0] : Infinity;
	}

	/** Schedules event `code` (a 32-bit integer the model interprets) at time `time`. */
	push(time: number, code: number): void {
		if (this.count === this.times.length) this.grow();
		const times = this.times;
		const seqs = this.seqs;
		const codes = this.codes;
		const seq = this.nextSeq++;
		let i = this.count++;
		// Sift up: move parents down until the new event's slot is found.
		while (i > 0) {
			const parent = (i - 1) >> 1;
			const pt = times[parent];
			if (pt < time || (pt === time && seqs[parent] < seq)) break;
			times[i] = pt;
			seqs[i] = seqs[parent];
			codes[i] = codes[parent];
			i = parent;
		}
		times[i] = time;
		seqs[i] = seq;
		codes[i] = code;
	}

	/** Removes the earliest event, sets `time` to its time and returns its code (-2^31 if empty). */
	pop(): number {
		if (this.count === 0) return -0x80000000;
		const times = this.times;
		const seqs = this.seqs;
		const codes = this.codes;
		const code = codes[0];
		this.time = times[0];
		const n = --this.count;
		if (n === 0) return code;
		// Move the last event to the root and sift it down.
		const t = times[n];
		const s = seqs[n];
		const c = codes[n];
		let i = 0;
		for (;;) {
			let child = 2 * i + 1;
			if (child >= n) break;
			const right = child + 1;
			if (
				right < n &&
				(times[right] < times[child] ||
					(times[right] === times[child] && seqs[right] < seqs[child]))
			) {
				child = right;
			}
			const ct = times[child];
			if (t < ct || (t === ct && s < seqs[child])) break;
			times[i] = ct;
			seqs[i] = seqs[child];
			codes[i] = codes[child];
			i = child;
		}
		times[i] = t;
		seqs[i] = s;
		codes[i] = c;
		return code;
	}

	clear(): void {
		this.count = 0;
		this.nextSeq = 0;
		this.time = 0;
	}

	private grow(): void {
		const n = this.times.length * 2;
		const times = new Float64Array(n);
		const seqs = new Float64Array(n);
		const codes = new Int32Array(n);
		times.set(this.times);
		seqs.set(this.seqs);
		codes.set(this.codes);
		this.times = times;
		this.seqs = seqs;
		this.codes = codes;
	}
}
