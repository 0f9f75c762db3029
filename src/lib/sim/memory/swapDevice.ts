/**
 * The host's swap device as a queue. A swap-in takes `latency` seconds of the device, which serves
 * one at a time, so the whole host can swap in at most 1 / latency pages per second (200 per
 * second at 5 ms), however many pages its VMs would like back.
 *
 * A VM that touches pages it no longer holds faults at r pages per second *of its own progress*
 * (the pages it touches while it runs), and stops until each page is back. So it is a closed loop
 * around the device, like a terminal in a time-sharing system: it "thinks" for 1/r seconds of
 * work, then waits R seconds for its page (queueing behind other VMs' swap-ins, plus the latency).
 * Per second of wall-clock time it then faults
 *     x = 1 / (1/r + R) = r / (1 + r R)    times,
 * and runs at 1 / (1 + r R) of full speed: its slowdown is 1 + r R. With one VM faulting R is the
 * latency L, which gives x = r / (1 + r L) < 1 / L: the device bound. With several, R is longer.
 *
 * R comes from mean value analysis of the closed network: one queueing station (the device) and
 * one delay station per VM (its think time), one customer per VM. Exact multi-class MVA needs
 * every sub-population (2^n of them for n VMs); we use the Bard–Schweitzer approximation (Bard
 * 1979; Schweitzer 1979; Lazowska et al., Quantitative System Performance, 1984, ch. 7), in which a
 * VM's swap-in queues behind the others' mean queue lengths:
 *     R_i = L (1 + sum_{j != i} Q_j),   x_i = r_i / (1 + r_i R_i),   Q_i = x_i R_i.
 * It is exact for one VM; for several it errs on the slow side, serving at most 7% fewer swap-ins
 * than exact MVA, most near the knee where the device starts to saturate (tested). Summed over
 * VMs, Q_i = x_i L (1 + S - Q_i) with S = sum Q_j gives device utilization
 *     U = L sum x_i = (S + L sum x_i Q_i) / (1 + S) < (S + U) / (1 + S),   so U < 1:
 * the swap-ins the model reports never exceed what the device can serve.
 * Model choices: one device serves every swap-in of the host (host swapping and guest paging alike,
 * the guests' virtual disks sharing its storage), and the latency is the mean service time.
 */

export interface SwapDeviceLoad {
	/** Swap-ins per second of wall-clock time, per VM: what the device actually serves. */
	swapInsPerSecond: number[];
	/** Mean time a VM waits for one swap-in, queueing included (seconds). */
	waitSeconds: number[];
	/** Each VM's slowdown, 1 + r R: wall-clock seconds per second of progress. */
	slowdown: number[];
	/** Fraction of time the device is busy (below 1). */
	utilization: number;
}

/**
 * The mean device queue length Q of a VM with a = r L when the other VMs' queues add up to S - Q:
 * the smaller root of a Q^2 - (1 + a (s + 1)) Q + a s = 0 with s = 1 + S, written so that it stays
 * accurate when a is tiny.
 */
function queueOf(a: number, S: number): number {
	if (a === 0) return 0;
	const s = 1 + S;
	const b = 1 + a * (s + 1);
	return (2 * a * s) / (b + Math.sqrt(Math.max(0, b * b - 4 * a * a * s)));
}

/**
 * Device load for VMs that fault at `faultsPerGuestSecond[i]` per second of their progress, on a
 * device taking `latencySeconds` per swap-in.
 */
export function swapDeviceLoad(
	faultsPerGuestSecond: readonly number[],
	latencySeconds: number
): SwapDeviceLoad {
	const n = faultsPerGuestSecond.length;
	if (latencySeconds === 0) {
		// An instant device: every fault is served at once and costs nothing.
		return {
			swapInsPerSecond: [...faultsPerGuestSecond],
			waitSeconds: new Array<number>(n).fill(0),
			slowdown: new Array<number>(n).fill(1),
			utilization: 0
		};
	}
	const a = faultsPerGuestSecond.map((r) => r * latencySeconds);
	// S = sum of Q_i(S): F(S) = sum Q_i(S) - S is >= 0 at S = 0 and < 0 at S = (VMs faulting),
	// because every Q_i < 1. Bisection finds the root whatever the loads.
	const total = (S: number): number => a.reduce((sum, ai) => sum + queueOf(ai, S), 0);
	let low = 0;
	let high = a.filter((ai) => ai > 0).length;
	for (let k = 0; k < 200 && high - low > 1e-13 * (1 + high); k++) {
		const mid = (low + high) / 2;
		if (total(mid) > mid) low = mid;
		else high = mid;
	}
	const S = (low + high) / 2;
	const swapInsPerSecond: number[] = [];
	const waitSeconds: number[] = [];
	const slowdown: number[] = [];
	let busy = 0;
	for (let i = 0; i < n; i++) {
		const r = faultsPerGuestSecond[i];
		const R = latencySeconds * (1 + S - queueOf(a[i], S));
		const x = r / (1 + r * R);
		swapInsPerSecond.push(x);
		waitSeconds.push(r > 0 ? R : 0);
		slowdown.push(1 + r * R);
		busy += x * latencySeconds;
	}
	return { swapInsPerSecond, waitSeconds, slowdown, utilization: busy };
}
