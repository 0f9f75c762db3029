/**
 * An append-only log that keeps only its newest `capacity` items but counts every item ever
 * appended, so that step back can cut it to the length it had at a checkpoint (`truncateTo`) even
 * after old items were let go. Used for the UART output and the trap log: a runaway program that
 * prints or traps in a loop must not fill the page's memory.
 */
export class TailLog<T> {
	private kept: T[] = [];
	/** Items ever appended (those let go included). */
	total = 0;

	constructor(readonly capacity: number) {}

	push(item: T): void {
		this.kept.push(item);
		this.total++;
		// Let go in chunks, so that appending stays cheap on average.
		if (this.kept.length >= this.capacity * 2) this.kept = this.kept.slice(-this.capacity);
	}

	/** The newest items, at most `capacity` (oldest first). */
	items(count = this.capacity): T[] {
		return this.kept.slice(-Math.min(count, this.capacity));
	}

	/** Forgets the items appended after the log held `total` of them. */
	truncateTo(total: number): void {
		if (total >= this.total) return;
		const drop = this.total - total;
		this.kept.length = Math.max(0, this.kept.length - drop);
		this.total = total;
	}

	clear(): void {
		this.kept = [];
		this.total = 0;
	}
}
