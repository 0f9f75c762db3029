/**
 * A cell's error message in the page's language. Cells and plots report what mathjs says
 * ("Undefined symbol work", "Value expected (line 1, column 12)"), in English; a Chinese page
 * shows the common messages in Chinese, keeping the positions, symbol and function names they
 * carry. A message this file does not know stays as mathjs wrote it.
 *
 * The templates are in the UI dictionaries (src/lib/i18n, keys `mathError.*`): the English ones
 * repeat mathjs's wording, and tests/unit/notebook/errors.test.ts checks them against the
 * messages mathjs really produces, so a mathjs upgrade that rewords one makes the test fail.
 */
import type { Lang } from '../content/types.ts';
import { t, type MessageKey } from '../i18n/index.ts';

interface Rule {
	/** Matches a whole message (without position or statement), capturing its parameters. */
	pattern: RegExp;
	key: MessageKey;
	/** The names of the captured groups' placeholders in the template, in order. */
	params: string[];
}

const rule = (pattern: RegExp, key: MessageKey, ...params: string[]): Rule => ({
	pattern,
	key,
	params
});

const RULES: Rule[] = [
	// Parse errors (program.ts turns their "(char n)" into a line and column).
	rule(/^Unexpected end of expression$/, 'mathError.endOfExpression'),
	rule(/^Value expected$/, 'mathError.valueExpected'),
	rule(/^Parenthesis (\S+) expected$/, 'mathError.parenthesisExpected', 'paren'),
	rule(/^End of matrix \] expected$/, 'mathError.endOfMatrix'),
	rule(/^End of string (\S+) expected$/, 'mathError.endOfString', 'quote'),
	rule(/^Unexpected operator (\S+)$/, 'mathError.unexpectedOperator', 'operator'),
	rule(/^Unexpected part "(.*)"$/s, 'mathError.unexpectedPart', 'part'),
	rule(
		/^Invalid left hand side of assignment operator (\S+)$/,
		'mathError.invalidAssignment',
		'operator'
	),
	rule(/^False part of conditional expression expected$/, 'mathError.falsePartExpected'),
	rule(/^Comma , or bracket (\S) expected after object value$/, 'mathError.objectValue', 'bracket'),
	// Evaluation errors.
	rule(/^Undefined symbol (.+)$/, 'mathError.undefinedSymbol', 'name'),
	rule(/^Undefined function (.+)$/, 'mathError.undefinedFunction', 'name'),
	rule(
		/^Too many arguments in function (\S+) \(expected: (.+), actual: (\d+)\)$/,
		'mathError.tooManyArguments',
		'fn',
		'expected',
		'actual'
	),
	rule(
		/^Too few arguments in function (\S+) \(expected: (.+), index: (\d+)\)$/,
		'mathError.tooFewArguments',
		'fn',
		'expected',
		'index'
	),
	rule(
		/^Unexpected type of argument in function (\S+) \(expected: (.+), actual: (.+), index: (\d+)\)$/,
		'mathError.wrongType',
		'fn',
		'expected',
		'actual',
		'index'
	),
	rule(
		/^Wrong number of arguments in function (\S+) \((\d+) provided, (\S+) expected\)$/,
		'mathError.wrongCount',
		'fn',
		'provided',
		'expected'
	),
	rule(/^Cannot convert (.+) to a number$/s, 'mathError.notANumber', 'value'),
	rule(/^String (.+) is not a valid number$/s, 'mathError.invalidNumber', 'value'),
	rule(/^Units do not match$/, 'mathError.unitsDiffer'),
	rule(/^Units do not match \((.+)\)$/, 'mathError.unitsDifferDetail', 'detail'),
	rule(/^Unit "(.+)" not found\.$/, 'mathError.unitNotFound', 'unit'),
	rule(/^Index out of range \((.+)\)$/, 'mathError.indexOutOfRange', 'detail'),
	rule(/^Dimension mismatch \((.+)\)$/, 'mathError.dimensionMismatch', 'detail'),
	rule(/^Matrix must be square \(size: (.+)\)$/, 'mathError.notSquare', 'size'),
	rule(
		/^'(.+)' is not a function; its value is:\n(.*)$/s,
		'mathError.notAFunction',
		'name',
		'value'
	),
	// The notebook's own (math.ts, program.ts).
	rule(/^Function (\S+) is disabled in lesson cells$/, 'mathError.disabled', 'fn'),
	rule(/^This cell is longer than (\d+) characters$/, 'mathError.cellTooLong', 'max')
];

/** mathjs lists the types a function accepts as "number or Unit or …". */
const TYPE_LISTS = new Set(['expected', 'actual']);

function translateCore(message: string, lang: Lang): string | null {
	for (const { pattern, key, params } of RULES) {
		const match = pattern.exec(message);
		if (!match) continue;
		const values: Record<string, string> = {};
		params.forEach((name, i) => {
			const value = match[i + 1];
			values[name] = TYPE_LISTS.has(name) ? value.replace(/ or /g, t(lang, 'mathError.or')) : value;
		});
		return t(lang, key, values);
	}
	return null;
}

/**
 * `message` rebuilt from the dictionary of `lang`: its position ("(line 2, column 5)", or mathjs's
 * own "(char 12)") and the statement it came from ("(in x = 1 / y)") kept; null when the message
 * is not one this file knows. In English the result is the message itself, which is what the
 * tests check the English templates against.
 */
export function translateError(message: string, lang: Lang): string | null {
	let core = message;
	let statement: string | undefined;
	const inStatement = /^(.*) \(in (.*)\)$/s.exec(core);
	if (inStatement) [, core, statement] = inStatement;
	let position: { line: string; column: string } | { char: string } | undefined;
	const lineColumn = /^(.*) \(line (\d+), column (\d+)\)$/s.exec(core);
	const char = /^(.*) \(char (\d+)\)$/s.exec(core);
	if (lineColumn) {
		core = lineColumn[1];
		position = { line: lineColumn[2], column: lineColumn[3] };
	} else if (char) {
		core = char[1];
		position = { char: char[2] };
	}
	let text = translateCore(core, lang);
	if (text === null) return null;
	if (position && 'line' in position) {
		text = t(lang, 'mathError.atLineColumn', { message: text, ...position });
	} else if (position) {
		text = t(lang, 'mathError.atChar', { message: text, ...position });
	}
	if (statement !== undefined)
		text = t(lang, 'mathError.inStatement', { message: text, statement });
	return text;
}

/**
 * `message` (as a cell, a plot or a prediction shows it) in `lang`: English as mathjs wrote it; in
 * Chinese translated when known, else left in English.
 */
export function localizeError(message: string, lang: Lang): string {
	return lang === 'en' ? message : (translateError(message, lang) ?? message);
}
