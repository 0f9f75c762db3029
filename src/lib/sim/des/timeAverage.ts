/**
 * Time-weighted average of a piecewise-constant quantity, such as the number of customers in the
 * system: the area under its path divided by the elapsed time. Call `update(now, newValue)` at
 * every change; `reset(now)` starts a new observation window (warm-up deletion).
 */
export class TimeAverage {
	private area = 0;
	private value: number;
	private lastTime: number;
	private startTime: number;

	constructor(initialValue = 0, startTime = 0) {
		this.value = initialValue;
		this.lastTime = startTime;
		this.startTime = startTime;
	}

	update(now: number, newValue: number): void {
		this.area += this.value * (now - this.lastTime);
		this.lastTime = now;
		this.value = newValue;
	}

	/** Forget the past; keep the current value. */
	reset(now: number): void {
		this.area = 0;
		this.lastTime = now;
		this.startTime = now;
	}

	/** The time average from the start of the window until `now`. */
	average(now: number): number {
		const elapsed = now - this.startTime;
		if (elapsed <= 0) return this.value;
		return (this.area + this.value * (now - this.lastTime)) / elapsed;
	}
}
