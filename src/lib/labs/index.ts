/**
 * The labs engine's public API, for the lab page and the CLI (README.md in this folder).
 * It loads the emulator and mathjs: a page should import it lazily, on the first Check.
 */
export { checkTask, pointsFor } from './check.ts';
export { gradeSubmission, type Grade } from './grade.ts';
export { gradebookCsv, type Refused } from './gradebook.ts';
export { equLines, labParams, normalizeStudentId, variantSeed } from './params.ts';
export { referenceSubmission } from './solve.ts';
export {
	makeSubmission,
	parseSubmission,
	MAX_SUBMISSION_BYTES,
	SUBMISSION_FORMAT,
	SUBMISSION_FORMAT_VERSION,
	type ParsedSubmission,
	type Submission,
	type SubmissionProblem
} from './submission.ts';
export type * from './types.ts';
