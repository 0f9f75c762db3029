/**
 * The lab page's, the labs list's and the instructor page's strings in English. They live beside
 * the lab page so that they load with it and not with every lesson (scripts/weight.js). The
 * grader's own sentences (passed, failed, why) come from the engine in the lab's language
 * (src/lib/labs/messages.ts). `{name}` is filled by `say`; plural choices as in src/lib/i18n.
 */
export const labPageEn = {
	'labs.heading': 'Labs',
	'labs.intro':
		'Assignments with instant feedback: every student gets their own values, and the Check button re-runs your work.',
	'labs.points': '{n, plural, one {# point} other {# points}}',
	'labs.due': 'due {date}',
	'labs.englishOnly': 'in English',
	'labs.forInstructors': 'For instructors: writing, previewing and grading labs',
	'lab.label': 'Lab',
	'lab.studentId': 'Your student id',
	'lab.studentIdHint':
		'Needed before Check and Submit: your values below are drawn from it, so type it exactly as your instructor gave it.',
	'lab.yourValues': 'Your values',
	'lab.valuesNeedId': 'Enter your student id to see your values.',
	'lab.tasks': 'Tasks',
	'lab.task': 'Task {n}',
	'lab.check': 'Check',
	'lab.checking': 'Checking…',
	'lab.cancel': 'Cancel the check',
	'lab.cancelled': 'Check cancelled.',
	'lab.needId': 'Enter your student id at the top first: your values depend on it.',
	'lab.passed': 'Passed: {points} of {max} points.',
	'lab.failed': 'Not yet: {points} of {max} points.',
	'lab.stale': 'You changed this answer since it was checked: check it again.',
	'lab.manual': 'Graded by your instructor ({n, plural, one {# point} other {# points}}).',
	'lab.reset': 'Reset task to starter',
	'lab.undoReset': 'Undo the reset',
	'lab.resetDone': 'The starter is back; your text can be restored.',
	'lab.pointsSoFar': 'Points so far: {points} of {max}',
	'lab.pointsNote': 'Checked tasks only; written answers are graded by your instructor.',
	'lab.answerLabel': 'Your answer to “{title}”',
	'lab.codeLabel': 'Your code for “{title}”',
	'lab.unit': 'in {unit}',
	'lab.dataHint': 'JSON or YAML; you may set: {fields}',
	'lab.savedHere': 'Your work is saved in this browser as you type.',
	'lab.notSaved':
		'This browser is not saving your work (storage is unavailable): submit before you leave.',
	'lab.handIn': 'Hand in',
	'lab.submit': 'Submit: download my submission',
	'lab.submitted': 'Downloaded {name}. Hand in this file as your instructor asks.',
	'lab.open': 'Open a submission…',
	'lab.openLabel': 'Open a submission file',
	'lab.opened': 'Opened {name}: its answers and student id replaced your work.',
	'lab.undoOpen': 'Restore my previous work',
	'lab.restored': 'Your previous work is back.',
	'lab.openFailed': 'Could not open {name}: {error}. Your work is unchanged.',
	'lab.openWarnings': 'Ignored: {warnings}',
	'lab.errorAt': 'Line {line}, column {column} of the file:',
	'lab.checkFailed': 'The check could not run: {error}',
	'instructor.title': 'For instructors',
	'instructor.intro':
		'How to write a lab, a preview of any lab as one student sees it with the reference solution checked, and how to grade a folder of submissions.',
	'instructor.contents': 'On this page',
	'instructor.preview': 'Preview a lab',
	'instructor.previewIntro':
		'Choose a lab and a student id: the page draws that student’s values and checks the reference solution with them, as the grader would.',
	'instructor.lab': 'Lab',
	'instructor.seed': 'Student id (the seed of the values)',
	'instructor.run': 'Check the reference solution',
	'instructor.solution': 'Reference solution as this student would hand it in',
	'instructor.noSolution': 'No reference: graded by hand.',
	'instructor.grading': 'Grading',
	'instructor.gradingIntro':
		'Collect the students’ JSON files in one folder and re-run every one of them (a score written into a file is never read):',
	'instructor.gradingCsv':
		'The table lists each student’s points per task and any problem; grades.csv has student_id, total, one column per task and problems. A file that cannot be graded is named with its reason and grading goes on.',
	'instructor.moodle':
		'Moodle: Grades → Import → CSV file; map student_id to the user field your students typed (ID number or username) and each task column to a grade item.',
	'instructor.canvas':
		'Canvas: the gradebook import matches rows by the student columns of its own export (such as SIS User ID): rename student_id to that column, and check the preview before you confirm.',
	'instructor.guide': 'How to write a lab',
	'instructor.guideSource':
		'This guide is {path} from the repository, rendered when the site is built: it has one source.',
	'instructor.guideEnglish': 'This guide is in English.'
} as const;
