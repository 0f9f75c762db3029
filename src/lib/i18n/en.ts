/**
 * Every string the course's pages show, in English. Lesson text lives in content/, not here.
 * `{name}` marks a value filled in by `t(lang, key, { name })`.
 */
export const en = {
	'site.name': 'VirtLab',
	'site.tagline': 'An interactive course on virtualization',
	'nav.skip': 'Skip to the content',
	'nav.outline': 'Course outline',
	'nav.language': 'Language',
	'lang.switch': 'Read this page in English',
	'lang.native': 'English',
	'outline.title': 'Lessons',
	'outline.intro':
		'Each lesson is a 20–40 minute unit of reading and doing: live formulas, sliders and plots you can change. Work through them in order, or pick what your course needs.',
	'outline.progress': '{done} of {total} lessons done',
	'outline.englishOnly': 'in English',
	'duration.minutes': '{n} min',
	'done.label': 'Done',
	'done.labelFor': 'Mark “{title}” as done',
	'done.finished': 'I have finished this lesson',
	'lesson.number': 'Lesson {n}',
	'lesson.objectives': 'After this lesson you can',
	'lesson.prerequisites': 'Read first',
	'lesson.contents': 'Contents',
	'lesson.previous': 'Previous lesson',
	'lesson.next': 'Next lesson',
	'lesson.pager': 'Lessons',
	'reveal.show': 'Show the answer',
	'notFound.title': 'Page not found',
	'notFound.text':
		'There is no page at this address. It may have moved, or the link may be mistyped.',
	'notFound.home': 'Go to the course outline',
	'error.title': 'Something went wrong',
	'footer.about':
		'VirtLab is a static site: your progress and notebook edits stay in this browser.',
	'footer.models':
		'Costs labelled “model cycles” come from a documented cost model, not from a measurement.',
	// The notebook around a lesson's cells, sliders, plots and predictions
	'notebook.cell': 'Cell {n}',
	'notebook.cellHint': 'editable mathjs',
	'notebook.edited': 'edited',
	'notebook.undoEdit': 'Undo my edit',
	'notebook.result': 'Result',
	'notebook.error': 'Error',
	'notebook.reset': 'Reset to the lesson’s original',
	'notebook.resetDone': 'The lesson’s original cells and slider values are back.',
	'notebook.savedHere': 'Your cell edits and slider values are saved in this browser.',
	'notebook.notSaved': 'This browser is not saving your changes (storage is unavailable).',
	'notebook.listJoin': ' and ',
	'notebook.plotAlt': 'Line plot of {series} against {x}, from {from} to {to}.',
	'notebook.readoutLabel': 'Read the plot’s values',
	'notebook.readoutHint':
		'Point at the plot, or focus this box and press ← → to read other points.',
	'notebook.currentValue': 'At the slider’s current value. ',
	'notebook.yourPrediction': 'Your prediction',
	'notebook.check': 'Check',
	'notebook.notANumber': 'Type a number first.',
	'notebook.exact': 'Exactly right: the model gives {value}.',
	'notebook.close': 'Well predicted: the model gives {value}, and you are within {tolerance}.',
	'notebook.notExact': 'Not quite: the model gives {value}. Try the sliders to see why.',
	'notebook.far': 'Not within {tolerance}: the model gives {value}. Try the sliders to see why.',
	'notebook.logScale': 'log scale',
	'notebook.rightAxis': 'right axis'
} as const;

export type MessageKey = keyof typeof en;
