/**
 * The notebook's and widgets' own UI text (the labels around cells, sliders, plots and checks), as
 * functions over the course's one dictionary per language in src/lib/i18n. Lesson text comes from
 * the lesson file.
 */
import type { Lang } from '../content/types.ts';
import { t } from '../i18n/index.ts';
import { localizeError } from './errors.ts';

export interface NotebookStrings {
	cell: (n: number) => string;
	cellHint: string;
	edited: string;
	undoEdit: string;
	result: string;
	error: string;
	/** A cell's, plot's or prediction's error message (mathjs's English) in this language. */
	errorMessage: (message: string) => string;
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
	pending: string;
	/** A cell not run because the run's time budget was spent. */
	stopped: (seconds: number) => string;
	/** A plot whose sweep stopped at its time budget. */
	sweepStopped: (done: number, total: number, ms: number) => string;
	predictFirst: string;
	checking: string;
}

function stringsFor(lang: Lang): NotebookStrings {
	return {
		cell: (n) => t(lang, 'notebook.cell', { n }),
		cellHint: t(lang, 'notebook.cellHint'),
		edited: t(lang, 'notebook.edited'),
		undoEdit: t(lang, 'notebook.undoEdit'),
		result: t(lang, 'notebook.result'),
		error: t(lang, 'notebook.error'),
		errorMessage: (message) => localizeError(message, lang),
		reset: t(lang, 'notebook.reset'),
		resetDone: t(lang, 'notebook.resetDone'),
		savedHere: t(lang, 'notebook.savedHere'),
		notSaved: t(lang, 'notebook.notSaved'),
		plotAlt: (series, x, from, to) =>
			t(lang, 'notebook.plotAlt', {
				series: series.join(t(lang, 'notebook.listJoin')),
				x,
				from,
				to
			}),
		readoutLabel: t(lang, 'notebook.readoutLabel'),
		readoutHint: t(lang, 'notebook.readoutHint'),
		currentValue: t(lang, 'notebook.currentValue'),
		yourPrediction: t(lang, 'notebook.yourPrediction'),
		check: t(lang, 'notebook.check'),
		notANumber: t(lang, 'notebook.notANumber'),
		close: (value, tolerance) =>
			tolerance === null
				? t(lang, 'notebook.exact', { value })
				: t(lang, 'notebook.close', { value, tolerance }),
		far: (value, tolerance) =>
			tolerance === null
				? t(lang, 'notebook.notExact', { value })
				: t(lang, 'notebook.far', { value, tolerance }),
		logScale: t(lang, 'notebook.logScale'),
		rightAxis: t(lang, 'notebook.rightAxis'),
		pending: t(lang, 'notebook.pending'),
		stopped: (seconds) => t(lang, 'notebook.stopped', { seconds }),
		sweepStopped: (done, total, ms) => t(lang, 'notebook.sweepStopped', { done, total, ms }),
		predictFirst: t(lang, 'notebook.predictFirst'),
		checking: t(lang, 'notebook.checking')
	};
}

export const notebookStrings: Record<Lang, NotebookStrings> = {
	en: stringsFor('en'),
	zh: stringsFor('zh')
};
