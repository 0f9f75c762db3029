/**
 * A lab as the engine receives it: plain data, JSON-serialisable, already parsed and validated
 * from `content/labs/<slug>.md` at build time (src/lib/content/lab.ts). The page gets the same
 * object as the CLI, so the grader runs identically in both.
 */

/** The languages a lab is written in; the engine's messages follow the lab's language. */
export type LabLang = 'en' | 'zh';

/** A parameter drawn for each student (OSTEP-style variants). */
export type ParamSpec = { int: [number, number] } | { choice: (string | number)[] };

/** A parameter's value for one student. */
export type ParamValue = number | string;
export type LabParams = Record<string, ParamValue>;

/** What an `asm` task compares between the student's run and the reference run. */
export interface AsmChecks {
	/** Console (UART) output must equal the reference's. */
	output: boolean;
	/** Exit code must equal the reference's. */
	exitCode: boolean;
	/** Registers (ABI names or x0–x31) whose final values must equal the reference's. */
	registers: string[];
	/** Memory words at a symbol of the program must equal the reference's. */
	memory: { symbol: string; words: number }[];
	/**
	 * A mathjs expression for the most instructions the student's run may retire, in the scope of
	 * the parameters plus `reference` (what the reference solution retired): `2 * reference`.
	 */
	maxInstructions?: string;
	/**
	 * Instruction budget (instructions retired plus trap entries) for every run; a program that
	 * runs forever stops here and fails.
	 */
	budget: number;
	/** The lab's own hint, added to a failed check's message (`check: hint`). */
	hints: Partial<Record<AsmCheckName, string>>;
}

export type AsmCheckName =
	'assemble' | 'finish' | 'output' | 'exitCode' | 'registers' | 'memory' | 'instructions';

interface TaskBase {
	id: string;
	title: string;
	points: number;
	/** The task's prose, rendered to HTML at build time. */
	html: string;
	/** 1-based line of the `:::task` directive in the lab file. */
	line: number;
}

/**
 * Assembly: the program is `.equ` lines for the numeric parameters, then `harness` (code the lab
 * gives, such as a test driver), then the student's code.
 */
export interface AsmTask extends TaskBase {
	kind: 'asm';
	harness: string;
	starter: string;
	solution: string;
	checks: AsmChecks;
}

/** A number or a mathjs expression, checked against the reference expression for the params. */
export interface AnswerTask extends TaskBase {
	kind: 'answer';
	/** A mathjs expression in the parameters: the reference answer. */
	solution: string;
	/** Relative tolerance (0.02 = 2 %) and absolute tolerance, whichever is larger. */
	rtol: number;
	atol: number;
	/** The unit the answer box shows (`%`, `cycles`): typing it after the number is allowed. */
	unit?: string;
	/**
	 * The id of an `asm` task whose reference solution is run with the student's parameters
	 * first: `solution` may then use `reference.instructions`, `reference.traps` and
	 * `reference.exitCode`, what that run measured.
	 */
	run?: string;
	hint?: string;
}

/** The models a `model` task may run (src/lib/sim). */
export type ModelName = 'mm1' | 'mmc' | 'sched' | 'placement' | 'memory';

/**
 * Model parameters: the student's JSON or YAML object, laid over `base` (whose string values
 * starting with `=` are mathjs expressions in the parameters), run through `model`; `metric` (a
 * path into the model's result, `W` or `vms.0.latency.p99`) compared with `target`.
 */
export interface ModelTask extends TaskBase {
	kind: 'model';
	model: ModelName;
	base: Record<string, unknown>;
	/** The keys a student may set; everything else comes from `base`. */
	fields: string[];
	starter: string;
	/** The reference parameters, as the student would write them (JSON or YAML). */
	solution: string;
	metric: string;
	/** `<=` or `>=` a mathjs expression in the parameters. */
	compare: '<=' | '>=';
	target: string;
	hint?: string;
}

/** A short written answer: collected, graded by hand, 0 automatic points. */
export interface WrittenTask extends TaskBase {
	kind: 'written';
	starter: string;
}

export type Task = AsmTask | AnswerTask | ModelTask | WrittenTask;
export type TaskKind = Task['kind'];

export interface Lab {
	id: string;
	lang: LabLang;
	title: string;
	/** One line for a list of labs. */
	summary?: string;
	version: number;
	points: number;
	/** ISO date (YYYY-MM-DD), if the lab has one. */
	due?: string;
	/** In front matter order: the order they are drawn in. */
	params: Record<string, ParamSpec>;
	/** The prose before the first task, rendered to HTML. */
	intro: string;
	tasks: Task[];
}

/** One check's outcome: what a student reads after pressing Check. */
export interface CheckMessage {
	passed: boolean;
	text: string;
}

/** The result of checking one task. */
export interface TaskResult {
	id: string;
	kind: TaskKind;
	points: number;
	max: number;
	/** Every check passed (false for a written task: it is not graded automatically). */
	passed: boolean;
	/** Written tasks: collected for the instructor, never graded automatically. */
	manual: boolean;
	messages: CheckMessage[];
}
