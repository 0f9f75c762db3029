/**
 * The file a student submits: one JSON object with the lab it answers, the student id and the
 * answers, nothing else that matters. A score or points field in it is dropped: the grader
 * re-runs the work every time, so a forged score changes nothing.
 *
 *   { "format": "virtlab-lab-submission", "formatVersion": 1,
 *     "lab": { "id": "trap-emulate", "version": 1 }, "studentId": "s1234",
 *     "answers": { "handler": "trap_handler: …", "cost": "52 %" },
 *     "savedAt": "2026-11-30T15:00:00.000Z" }
 */
import { z } from 'zod';
import type { Lab } from './types.ts';

export const SUBMISSION_FORMAT = 'virtlab-lab-submission';
export const SUBMISSION_FORMAT_VERSION = 1;

/** Largest submission read: far above any honest one (a few programs), far below a memory problem. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** Longest single answer kept. */
export const MAX_ANSWER_LENGTH = 200_000;

export const submissionSchema = z.object({
	format: z.literal(SUBMISSION_FORMAT),
	formatVersion: z.literal(SUBMISSION_FORMAT_VERSION),
	lab: z.strictObject({ id: z.string().min(1), version: z.number().int() }),
	studentId: z.string().trim().min(1, 'is empty').max(200),
	answers: z.record(z.string(), z.string().max(MAX_ANSWER_LENGTH)),
	savedAt: z.string()
});

export type Submission = z.output<typeof submissionSchema>;

/** Why a submission file was refused; `kind` for programs, `message` for people. */
export type SubmissionProblem =
	| 'oversize'
	| 'not-json'
	| 'truncated'
	| 'wrong-format'
	| 'wrong-lab'
	| 'wrong-version'
	| 'missing-answers'
	| 'invalid';

export type ParsedSubmission =
	| { ok: true; submission: Submission; warnings: string[] }
	| { ok: false; problem: SubmissionProblem; message: string };

/** A new submission for `lab`, stamped now (or at `savedAt`). */
export function makeSubmission(
	lab: Pick<Lab, 'id' | 'version'>,
	studentId: string,
	answers: Record<string, string>,
	savedAt = new Date().toISOString()
): Submission {
	return {
		format: SUBMISSION_FORMAT,
		formatVersion: SUBMISSION_FORMAT_VERSION,
		lab: { id: lab.id, version: lab.version },
		studentId: studentId.trim(),
		answers,
		savedAt
	};
}

/** JSON.parse's message, with the line and column of the position it names. */
function jsonError(text: string, error: Error): { problem: SubmissionProblem; message: string } {
	const position = /position (\d+)/.exec(error.message);
	const truncated = /Unexpected end of JSON input|Unterminated string|end of data/i.test(
		error.message
	);
	if (truncated)
		return {
			problem: 'truncated',
			message: 'the file ends in the middle of the JSON: it was cut off (an interrupted download?)'
		};
	if (!position) return { problem: 'not-json', message: `not JSON: ${error.message}` };
	const offset = Number(position[1]);
	const before = text.slice(0, offset).split('\n');
	return {
		problem: 'not-json',
		message: `not JSON at line ${before.length}, column ${before.at(-1)!.length + 1}: ${error.message.split('\n')[0]}`
	};
}

/**
 * Reads a submission file's text for `lab`. Refuses, each with its own message, a file that is too
 * large, not JSON, cut off, another format, for another lab or another version of this lab, or
 * without answers. Fields the format does not have (a `score`, `points`, `grade`) are ignored and
 * named in `warnings`.
 */
export function parseSubmission(
	text: string,
	lab: Pick<Lab, 'id' | 'version' | 'tasks'>
): ParsedSubmission {
	if (text.length > MAX_SUBMISSION_BYTES)
		return {
			ok: false,
			problem: 'oversize',
			message: `${text.length} bytes is more than a submission can be (${MAX_SUBMISSION_BYTES})`
		};
	if (text.trim() === '') return { ok: false, problem: 'truncated', message: 'the file is empty' };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return { ok: false, ...jsonError(text, error as Error) };
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data))
		return {
			ok: false,
			problem: 'wrong-format',
			message: 'not a VirtLab lab submission (not a JSON object)'
		};
	const record = data as Record<string, unknown>;
	if (record.format !== SUBMISSION_FORMAT)
		return {
			ok: false,
			problem: 'wrong-format',
			message: `not a VirtLab lab submission (format is ${JSON.stringify(record.format ?? null)}, expected "${SUBMISSION_FORMAT}")`
		};
	if (record.formatVersion !== SUBMISSION_FORMAT_VERSION)
		return {
			ok: false,
			problem: 'wrong-format',
			message: `submission format version ${JSON.stringify(record.formatVersion ?? null)}; this VirtLab reads version ${SUBMISSION_FORMAT_VERSION}`
		};
	const labField = record.lab as { id?: unknown; version?: unknown } | undefined;
	if (labField?.id !== lab.id)
		return {
			ok: false,
			problem: 'wrong-lab',
			message: `a submission for lab ${JSON.stringify(labField?.id ?? null)}, not for '${lab.id}'`
		};
	if (labField?.version !== lab.version)
		return {
			ok: false,
			problem: 'wrong-version',
			message: `made for version ${JSON.stringify(labField?.version ?? null)} of lab '${lab.id}'; the lab is now version ${lab.version}`
		};
	if (record.answers === undefined || record.answers === null)
		return { ok: false, problem: 'missing-answers', message: 'the submission has no answers' };
	const parsed = submissionSchema.safeParse(record);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return {
			ok: false,
			problem: 'invalid',
			message: `'${issue.path.join('.') || 'submission'}': ${issue.message}`
		};
	}
	const known = new Set(['format', 'formatVersion', 'lab', 'studentId', 'answers', 'savedAt']);
	const taskIds = new Set(lab.tasks.map((task) => task.id));
	const warnings = [
		...Object.keys(record)
			.filter((key) => !known.has(key))
			.map((key) => `ignored field '${key}': scores are computed, never read`),
		...Object.keys(parsed.data.answers)
			.filter((id) => !taskIds.has(id))
			.map((id) => `ignored answer to '${id}': the lab has no such task`)
	];
	return { ok: true, submission: parsed.data, warnings };
}
