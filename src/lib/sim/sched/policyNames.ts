/**
 * The scheduling policies the model implements (makePolicy.ts), by the names a configuration
 * gives them. A module of its own so that a page can list them without the configuration's
 * validation.
 */
export const POLICIES = [
	'rr',
	'credit',
	'credit2',
	'cfs',
	'cosched-strict',
	'cosched-relaxed'
] as const;
export type PolicyName = (typeof POLICIES)[number];
