/**
 * Linux's nice levels as CFS weights. A task's nice level, -20 (greediest) to 19 (kindest), maps
 * to a load weight through the kernel's table `sched_prio_to_weight` (kernel/sched/core.c): 1024
 * at nice 0 (NICE_0_LOAD), and each step about 1.25 times the next, so that a task that lowers its
 * nice level by one gets about 10% more CPU against a task that stays put. KVM vCPUs are ordinary
 * threads of the host, so `renice` on a vCPU thread changes its weight this way.
 */

/** `sched_prio_to_weight` from Linux's kernel/sched/core.c, nice -20 first. */
// prettier-ignore
export const NICE_TO_WEIGHT: readonly number[] = [
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */ 9548, 7620, 6100, 4904, 3906,
	/*  -5 */ 3121, 2501, 1991, 1586, 1277,
	/*   0 */ 1024, 820, 655, 526, 423,
	/*   5 */ 335, 272, 215, 172, 137,
	/*  10 */ 110, 87, 70, 56, 45,
	/*  15 */ 36, 29, 23, 18, 15
];

export const MIN_NICE = -20;
export const MAX_NICE = 19;

/** The load weight of a nice-0 task (NICE_0_LOAD): the unit CFS measures virtual time in. */
export const NICE_0_WEIGHT = 1024;

/** The CFS load weight of a task at `nice` (an integer from -20 to 19). */
export function niceToWeight(nice: number): number {
	return NICE_TO_WEIGHT[nice - MIN_NICE];
}
