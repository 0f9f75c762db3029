/**
 * How long the notebook may compute before it stops and says so, so that the page never freezes.
 * A module of its own (no mathjs) because the page's messages quote these figures before the
 * engine has loaded.
 */

/** A run of the cells (after an edit or a slider move), in milliseconds. */
export const runBudgetMs = 1500;

/** One plot's sweep, in milliseconds. A slider drag re-sweeps every plot, so this stays small. */
export const sweepBudgetMs = 250;
