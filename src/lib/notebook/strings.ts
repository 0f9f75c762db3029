/**
 * The notebook's and widgets' own UI text in each language. (Lesson text comes from the lesson file;
 * these are the labels around cells, sliders, plots and checks.)
 */
import type { Lang } from '../content/types.ts';

export interface NotebookStrings {
	cell: (n: number) => string;
	cellHint: string;
	edited: string;
	undoEdit: string;
	result: string;
	error: string;
	reset: string;
	resetDone: string;
	savedHere: string;
	notSaved: string;
	plotAlt: (series: string[], x: string, from: string, to: string) => string;
	readoutLabel: string;
	readoutHint: string;
	currentValue: string;
	yourPrediction: string;
	check: string;
	notANumber: string;
	/** `tolerance` is null when the answer must be exact. */
	close: (value: string, tolerance: string | null) => string;
	far: (value: string, tolerance: string | null) => string;
	logScale: string;
	rightAxis: string;
}

const en: NotebookStrings = {
	cell: (n) => `Cell ${n}`,
	cellHint: 'editable mathjs',
	edited: 'edited',
	undoEdit: 'Undo my edit',
	result: 'Result',
	error: 'Error',
	reset: 'Reset to the lesson’s original',
	resetDone: 'The lesson’s original cells and slider values are back.',
	savedHere: 'Your cell edits and slider values are saved in this browser.',
	notSaved: 'This browser is not saving your changes (storage is unavailable).',
	plotAlt: (series, x, from, to) =>
		`Line plot of ${series.join(' and ')} against ${x}, from ${from} to ${to}.`,
	readoutLabel: 'Read the plot’s values',
	readoutHint: 'Point at the plot, or focus this box and press ← → to read other points.',
	currentValue: 'At the slider’s current value. ',
	yourPrediction: 'Your prediction',
	check: 'Check',
	notANumber: 'Type a number first.',
	close: (value, tolerance) =>
		tolerance === null
			? `Exactly right: the model gives ${value}.`
			: `Well predicted: the model gives ${value}, and you are within ${tolerance}.`,
	far: (value, tolerance) =>
		`${tolerance === null ? 'Not quite' : `Not within ${tolerance}`}: the model gives ${value}. Try the sliders to see why.`,
	logScale: 'log scale',
	rightAxis: 'right axis'
};

const zh: NotebookStrings = {
	cell: (n) => `单元格 ${n}`,
	cellHint: '可编辑的 mathjs',
	edited: '已修改',
	undoEdit: '撤销我的修改',
	result: '结果',
	error: '错误',
	reset: '恢复课程原始内容',
	resetDone: '已恢复课程原始的单元格和滑块取值。',
	savedHere: '你对单元格的修改和滑块取值会自动保存在本浏览器中。',
	notSaved: '本浏览器无法保存你的修改（存储不可用）。',
	plotAlt: (series, x, from, to) =>
		`${series.join('和')}随 ${x} 变化的折线图，${x} 从 ${from} 到 ${to}。`,
	readoutLabel: '读取图中的数值',
	readoutHint: '将指针移到图上，或聚焦此框后按 ← → 键读取其他点。',
	currentValue: '这是滑块当前取值处的数值。',
	yourPrediction: '你的预测',
	check: '检查',
	notANumber: '请先输入一个数。',
	close: (value, tolerance) =>
		tolerance === null
			? `完全正确：模型给出 ${value}。`
			: `预测准确：模型给出 ${value}，你的答案误差在 ${tolerance} 以内。`,
	far: (value, tolerance) =>
		`${tolerance === null ? '不太对' : `误差超过 ${tolerance}`}：模型给出 ${value}。拖动滑块看看原因。`,
	logScale: '对数坐标',
	rightAxis: '右轴'
};

export const notebookStrings: Record<Lang, NotebookStrings> = { en, zh };
