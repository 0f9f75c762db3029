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

/** The modes a `vmm` task may run the guest in (src/lib/emulator/vmm). */
export type VmmMode = 'native' | 'trap' | 'pv' | 'hw';

/**
 * How a `vmm` task runs the guest: every workload in every mode, the student's build and the
 * reference build alike. Numbers written as text are mathjs expressions in the parameters.
 */
export interface VmmRunSpec {
	/** The course's workloads (src/lib/emulator/guests); `replaces: workload` tasks run their own. */
	workloads: string[];
	modes: VmmMode[];
	/** Multiplies each workload's iteration count (an expression; default 1). */
	scale: string;
	/** Values of the workloads' parameters (WSET, ROUNDS, …), each an expression. */
	params: Record<string, string>;
	/** The machine's TLB entries (an expression giving a power of two; default the machine's 64). */
	tlbEntries?: string;
	/** trap mode's shadow synchronisation (vmm/shadow-paging.ts). */
	shadowSync?: 'write-protect' | 'unsync' | 'flood';
	/** G-stage walk cache entries in hw mode (an expression; default none). */
	walkCacheEntries?: string;
	gStageMegapages?: boolean;
	/** Guest RAM in MiB (default 16: what the course's guest needs, and quick to set up). */
	memoryMiB: number;
	/** Guest instructions, traps and exits each run may take; a run that goes on stops here. */
	budget: number;
}

/** What a `vmm` task compares between the student's runs and the reference's. */
export interface VmmChecks {
	/** Console output must equal the reference's (the workloads print checksums). */
	output: boolean;
	/**
	 * Exits by reason (`hypercall`, `pageTableWrite`, …, or `total`): at most a mathjs expression in
	 * the parameters plus `reference`, the reference run's count: `1.25 * reference`.
	 */
	exits: Record<string, string>;
	/** Model cycles at most an expression of `reference` (the reference run's) and the parameters. */
	modelCycles?: string;
	hints: Partial<Record<VmmCheckName, string>>;
}

export type VmmCheckName = 'assemble' | 'finish' | 'output' | 'exits' | 'modelCycles';

/**
 * Guest code under the hypervisor: the student writes one kernel file (`replaces:
 * kernel/pv-queue.s`) or the workload (`replaces: workload`, as the playground's workloads are
 * written). The file is `.equ` lines for the numeric parameters, then `harness`, then the
 * student's code.
 */
export interface VmmTask extends TaskBase {
	kind: 'vmm';
	replaces: string;
	harness: string;
	starter: string;
	solution: string;
	run: VmmRunSpec;
	checks: VmmChecks;
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
	 * The id of a task whose reference solution is run with the student's parameters first;
	 * `solution` may then use what it measured as `reference`. An `asm` task gives
	 * `reference.instructions`, `reference.traps` and `reference.exitCode`; a `vmm` task its first
	 * run's `reference.exits.<reason>` (and `.total`), `reference.modelCycles` and
	 * `reference.guestInstructions`, and the same of its starter as `starter.…`; a `model` task
	 * its result (`reference.W`, …).
	 */
	run?: string;
	hint?: string;
}

/** The models a `model` task may run (src/lib/sim). */
export type ModelName = 'mm1' | 'mmc' | 'sched' | 'placement' | 'memory' | 'vm';

/** How a model's metric must compare with its target. */
export type ModelCompare = '<=' | '<' | '>=' | '>';

/**
 * One run of a `model` task and what its result must meet: `metric` (a path into the model's
 * result, `W` or `vms.0.latency.p99`) `compare` `target` (a mathjs expression in the parameters).
 * `set` fixes input keys for this run over `base` and the student's fields (`WSET: '=BELOW'`), its
 * `"=expr"` strings computed like `base`'s, so one task can judge the model at several points.
 */
export interface ModelCondition {
	set: Record<string, unknown>;
	metric: string;
	compare: ModelCompare;
	target: string;
	/** Said when this condition fails, instead of the task's hint. */
	hint?: string;
}

/**
 * Model parameters: the student's JSON or YAML object, laid over `base` (whose string values
 * starting with `=` are mathjs expressions in the parameters), run through `model` once per
 * condition; every condition must hold. A lab file writes one condition as `metric`, `compare`,
 * `target`, or several as `conditions` (docs/writing-labs.md).
 */
export interface ModelTask extends TaskBase {
	kind: 'model';
	model: ModelName;
	base: Record<string, unknown>;
	/** The keys a student may set; everything else comes from `base`. */
	fields: string[];
	/**
	 * Numbers a student may set that only `base`'s expressions see (`weight: '=WEB_WEIGHT'`), so
	 * a lab can hand over one value deep inside the model's input and keep the rest.
	 */
	variables: string[];
	starter: string;
	/**
	 * The reference parameters, as the student would write them (JSON or YAML); a value may be an
	 * `"=expr"` string in the parameters (`BELOW: '=LAB_TLB - 4'`), computed for each student.
	 */
	solution: string;
	/** At least one; all must hold. */
	conditions: ModelCondition[];
	/**
	 * Comparisons in the parameters and the student's numbers that must hold before any model
	 * runs (`ABOVE - BELOW <= 16`): the form of an answer, such as how narrow a bracket is.
	 */
	require: string[];
	hint?: string;
}

/** A short written answer: collected, graded by hand, 0 automatic points. */
export interface WrittenTask extends TaskBase {
	kind: 'written';
	starter: string;
}

export type Task = AsmTask | VmmTask | AnswerTask | ModelTask | WrittenTask;
export type TaskKind = Task['kind'];

export interface Lab {
	id: string;
	lang: LabLang;
	title: string;
	/** One line for a list of labs. */
	summary?: string;
	/** Where the lab comes in the list of labs; labs without one come last, by id. */
	order?: number;
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
