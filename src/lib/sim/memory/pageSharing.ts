/**
 * Content-based page sharing found by a scanner, Linux KSM style: every `sleepMs` it looks at
 * `pagesToScan` pages (defaults 100 pages every 20 ms, docs/sources.md: 5,000 pages, about
 * 19.5 MiB of 4 KiB pages, per second). Duplicates are merged only once the scanner has seen them, so the
 * memory reclaimed by sharing grows with the fraction of guest memory scanned so far
 * (Waldspurger, OSDI 2002, §4: up to about 60% with identical guests, 7–33% in production).
 */

/** Pages scanned per second. */
export function scanRatePagesPerSecond(pagesToScan: number, sleepMs: number): number {
	return (pagesToScan * 1000) / sleepMs;
}

/**
 * One step of the scanner: `budgetMB` of scanning is spread evenly over the VMs whose memory is
 * not yet fully scanned (a VM that finishes passes its leftover to the others). Updates
 * `scannedMB` in place; `heldMB[i]` is what VM i holds now (0 when not running).
 */
export function scanStep(scannedMB: Float64Array, heldMB: number[], budgetMB: number): void {
	let budget = budgetMB;
	for (let round = 0; round < heldMB.length && budget > 1e-12; round++) {
		const open: number[] = [];
		for (let i = 0; i < heldMB.length; i++) if (scannedMB[i] < heldMB[i]) open.push(i);
		if (open.length === 0) return;
		const each = budget / open.length;
		for (const i of open) {
			const take = Math.min(each, heldMB[i] - scannedMB[i]);
			scannedMB[i] += take;
			budget -= take;
		}
	}
}
