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
		'Costs labelled “model cycles” come from a documented cost model, not from a measurement.'
} as const;

export type MessageKey = keyof typeof en;
