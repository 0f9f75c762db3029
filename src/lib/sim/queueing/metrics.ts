/**
 * The measures every queueing formula reports, in the notation of the lessons:
 * rho utilization of a server, L mean number in the system, Lq mean number waiting,
 * W mean time in the system (response time), Wq mean time waiting. Little's law ties them:
 * L = lambda W and Lq = lambda Wq.
 */
export interface QueueMetrics {
	rho: number;
	L: number;
	Lq: number;
	W: number;
	Wq: number;
}
