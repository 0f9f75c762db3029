/**
 * Which checkpoint to forget when there are too many. Step back restores the nearest checkpoint
 * before its target and replays forward from there, so a checkpoint's worth is the replay it saves.
 * Going back a little is common and should be quick; going back a long way is rare and may take
 * longer. So the rule keeps checkpoints dense near the present and sparse in the past: drop the one
 * whose removal leaves the smallest gap *relative to its age*. Over a long run the gaps then grow
 * roughly in proportion to their distance from the present (a logarithmic history, as in
 * time-travel debuggers such as rr's checkpoints or the "exponential backoff" of reversible
 * simulators).
 *
 * The oldest checkpoint (the program as loaded) and the newest are never dropped: without the
 * first, the start could not be reached again; without the last, the next replay would be long.
 */

/**
 * The index to drop from `positions` (ascending, at least three), given the present position
 * `now` and the checkpoint interval (which keeps the age of the newest ones from being zero).
 */
export function checkpointToDrop(
	positions: readonly number[],
	now: number,
	interval: number
): number {
	let best = 1;
	let bestCost = Infinity;
	for (let i = 1; i < positions.length - 1; i++) {
		const merged = positions[i + 1] - positions[i - 1];
		const age = now - positions[i] + interval;
		const cost = merged / age;
		if (cost < bestCost) {
			best = i;
			bestCost = cost;
		}
	}
	return best;
}
