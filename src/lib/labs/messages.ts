/**
 * Every sentence the grader says, in English and Simplified Chinese. A message names what was
 * measured and what was expected, so a student knows what to fix: "exits 31, expected 12".
 * The language is the lab's: a lab file and its translation each grade in their own language.
 */
import type { RequireOperator } from './requirement.ts';
import type { LabLang } from './types.ts';

type Text = string | number;

/** A requirement's operator in words: "expected at most 16". */
const REQUIRE_WORDS_EN: Record<RequireOperator, string> = {
	'<=': 'at most ',
	'<': 'less than ',
	'>=': 'at least ',
	'>': 'more than ',
	'==': '',
	'!=': 'other than '
};
const REQUIRE_WORDS_ZH: Record<RequireOperator, string> = {
	'<=': '不超过',
	'<': '小于',
	'>=': '不小于',
	'>': '大于',
	'==': '等于',
	'!=': '不等于'
};

const en = {
	assembleFailed: (first: string, more: number) =>
		`does not assemble: ${first}${more > 0 ? ` (and ${more} more)` : ''}`,
	line: (line: Text) => `line ${line}`,
	referenceBroken: (why: string) =>
		`the lab's reference solution fails for these parameters (${why}): tell your instructor`,
	budget: (budget: Text) =>
		`still running after ${budget} instructions (a loop that never ends, or a trap that returns to the same instruction)`,
	trapLoop: (pc: string, cause: string) =>
		`the same trap again and again at pc ${pc} (${cause}) with nothing in between: is mtvec set, and does the handler advance mepc?`,
	machineError: (message: string) => `the machine stopped: ${message}`,
	finished: (code: Text) => `runs to the end (exit code ${code})`,
	outputSame: () => 'console output as expected',
	outputDiffers: (got: string, expected: string) =>
		`console output differs: printed ${got}, expected ${expected}`,
	exitSame: (code: Text) => `exit code ${code}, as expected`,
	exitDiffers: (got: Text, expected: Text) => `exits ${got}, expected ${expected}`,
	registerSame: (name: string, value: string) => `${name} = ${value}, as expected`,
	registerDiffers: (name: string, got: string, expected: string) =>
		`${name} = ${got}, expected ${expected}`,
	memorySame: (symbol: string, words: Text) => `memory at ${symbol} (${words} words) as expected`,
	memoryDiffers: (symbol: string, index: Text, got: string, expected: string) =>
		`memory at ${symbol}+${index}: ${got}, expected ${expected}`,
	noSymbol: (symbol: string) => `the program has no symbol '${symbol}' to read memory at`,
	instructionsWithin: (got: Text, limit: Text) =>
		`retired ${got} instructions, within the limit of ${limit}`,
	instructionsOver: (got: Text, limit: Text) =>
		`retired ${got} instructions, expected at most ${limit}`,
	vmmBudget: (budget: Text) =>
		`still running after ${budget} guest instructions and exits (a loop that never ends, or a trap that repeats)`,
	vmmExitCode: (code: Text) =>
		`the guest shut down with exit code ${code}, not 0 (the kernel panicked or a process failed: see its output)`,
	vmmFinished: (runs: Text) =>
		`the guest builds and runs to the end (${runs} run${runs === 1 ? '' : 's'})`,
	exitsWithin: (reason: string, got: Text, limit: Text) =>
		`${reason ? `${reason} ` : ''}exits ${got}, within the limit of ${limit}`,
	exitsOver: (reason: string, got: Text, limit: Text) =>
		`${reason ? `${reason} ` : ''}exits ${got}, expected at most ${limit}`,
	cyclesWithin: (got: Text, limit: Text) => `${got} model cycles, within the limit of ${limit}`,
	cyclesOver: (got: Text, limit: Text) => `${got} model cycles, expected at most ${limit}`,
	empty: () => 'no answer yet',
	notANumber: (text: string) => `'${text}' is not a number or an expression that gives one`,
	answerClose: (expected: string, allowed: string) =>
		`correct: ${expected}${allowed ? ` (within ${allowed})` : ''}`,
	answerFar: (got: string, allowed: string) =>
		`${got} is not right${allowed ? ` (not within ${allowed} of the answer)` : ''}`,
	modelInput: (message: string) => `the model parameters are not valid: ${message}`,
	modelLocked: (key: string, allowed: string) =>
		`'${key}' is fixed by the lab; you may set ${allowed}`,
	modelNoMetric: (metric: string) => `the model gives no number at '${metric}'`,
	modelMeets: (metric: string, got: string, compare: string, target: string) =>
		`${metric} = ${got}, meets the target ${compare} ${target}`,
	modelMisses: (metric: string, got: string, compare: string, target: string) =>
		`${metric} = ${got}, expected ${compare} ${target}`,
	/** A condition's message, after the values it set: "at WSET = 96: ratio = 1.02, expected < 1". */
	modelAt: (where: string, text: string) => `at ${where}: ${text}`,
	requireMisses: (left: string, got: string, operator: RequireOperator, right: string) =>
		`${left} = ${got}, expected ${REQUIRE_WORDS_EN[operator]}${right}`,
	written: () => 'collected: graded by hand, 0 automatic points',
	unknownTask: (id: string) => `the lab has no task '${id}'`
};

const zh: typeof en = {
	assembleFailed: (first, more) => `无法汇编：${first}${more > 0 ? `（另有 ${more} 处错误）` : ''}`,
	line: (line) => `第 ${line} 行`,
	referenceBroken: (why) => `本实验的参考答案在这组参数下无法通过（${why}）：请告诉任课教师`,
	budget: (budget) =>
		`执行了 ${budget} 条指令仍未结束（永不结束的循环，或陷入后又返回到同一条指令）`,
	trapLoop: (pc, cause) =>
		`在 pc ${pc} 处反复陷入（${cause}），其间没有执行任何指令：mtvec 设置了吗？处理程序推进 mepc 了吗？`,
	machineError: (message) => `机器停止了：${message}`,
	finished: (code) => `运行结束（退出码 ${code}）`,
	outputSame: () => '控制台输出正确',
	outputDiffers: (got, expected) => `控制台输出不同：输出了 ${got}，应为 ${expected}`,
	exitSame: (code) => `退出码 ${code}，正确`,
	exitDiffers: (got, expected) => `退出码为 ${got}，应为 ${expected}`,
	registerSame: (name, value) => `${name} = ${value}，正确`,
	registerDiffers: (name, got, expected) => `${name} = ${got}，应为 ${expected}`,
	memorySame: (symbol, words) => `${symbol} 处的内存（${words} 个字）正确`,
	memoryDiffers: (symbol, index, got, expected) =>
		`${symbol}+${index} 处的内存为 ${got}，应为 ${expected}`,
	noSymbol: (symbol) => `程序中没有符号 '${symbol}'，无法读取该处内存`,
	instructionsWithin: (got, limit) => `执行了 ${got} 条指令，未超过上限 ${limit}`,
	instructionsOver: (got, limit) => `执行了 ${got} 条指令，应不超过 ${limit}`,
	vmmBudget: (budget) =>
		`执行了 ${budget} 条客户机指令与退出仍未结束（永不结束的循环，或反复发生的陷入）`,
	vmmExitCode: (code) =>
		`客户机以退出码 ${code} 关机，而不是 0（内核崩溃或某个进程失败：请看它的输出）`,
	vmmFinished: (runs) => `客户机可以构建并运行到结束（共 ${runs} 次运行）`,
	exitsWithin: (reason, got, limit) =>
		`${reason ? `${reason} ` : ''}虚拟机退出 ${got} 次，未超过上限 ${limit}`,
	exitsOver: (reason, got, limit) =>
		`${reason ? `${reason} ` : ''}虚拟机退出 ${got} 次，应不超过 ${limit}`,
	cyclesWithin: (got, limit) => `${got} 模型周期，未超过上限 ${limit}`,
	cyclesOver: (got, limit) => `${got} 模型周期，应不超过 ${limit}`,
	empty: () => '尚未作答',
	notANumber: (text) => `'${text}' 不是数字，也不是能算出数字的表达式`,
	answerClose: (expected, allowed) =>
		`正确：${expected}${allowed ? `（误差在 ${allowed} 以内）` : ''}`,
	answerFar: (got, allowed) => `${got} 不正确${allowed ? `（与答案相差超过 ${allowed}）` : ''}`,
	modelInput: (message) => `模型参数无效：${message}`,
	modelLocked: (key, allowed) => `'${key}' 由实验固定；你可以设置的是 ${allowed}`,
	modelNoMetric: (metric) => `模型在 '${metric}' 处没有给出数值`,
	modelMeets: (metric, got, compare, target) => `${metric} = ${got}，满足目标 ${compare} ${target}`,
	modelMisses: (metric, got, compare, target) => `${metric} = ${got}，应 ${compare} ${target}`,
	modelAt: (where, text) => `当 ${where} 时：${text}`,
	requireMisses: (left, got, operator, right) =>
		`${left} = ${got}，应${REQUIRE_WORDS_ZH[operator]} ${right}`,
	written: () => '已收取：由教师人工评分，自动评分为 0 分',
	unknownTask: (id) => `本实验没有任务 '${id}'`
};

export type Messages = typeof en;

export function messages(lang: LabLang): Messages {
	return lang === 'zh' ? zh : en;
}

/** A lab's own hint after the engine's sentence: "exits 31, expected 12: your handler …". */
export function withHint(text: string, hint: string | undefined, lang: LabLang): string {
	if (!hint) return text;
	return lang === 'zh' ? `${text}：${hint}` : `${text}: ${hint}`;
}
