/**
 * Cell errors in a Chinese lesson: the messages mathjs really produces, got by running bad cells
 * through the notebook (so positions come out as the page shows them), translated with their
 * positions, names and statements kept. If a mathjs upgrade rewords a message, its English
 * template no longer matches and these tests fail.
 */
import { describe, expect, it } from 'vitest';
import { localizeError, translateError } from '../../../src/lib/notebook/errors.ts';
import { compileCells, runProgram } from '../../../src/lib/notebook/program.ts';
import { notebookStrings } from '../../../src/lib/notebook/strings.ts';

/** The error a cell with `source` shows, exactly as the notebook reports it. */
function cellError(source: string, vars: Record<string, number> = {}): string {
	const run = runProgram(compileCells([{ id: 'c', source }]), vars);
	const result = run.cells.get('c');
	if (result?.status !== 'error' || !result.message) throw new Error(`no error from ${source}`);
	return result.message;
}

/** Each bad cell, the message mathjs gives (as the page shows it), and its Chinese. */
const cases: [source: string, english: string, chinese: string][] = [
	[
		'x = 3 +',
		'Unexpected end of expression (line 1, column 8)',
		'表达式意外结束（第 1 行，第 8 列）'
	],
	[
		'a = 1\nb = 3 + * 4',
		'Value expected (line 2, column 9)',
		'这里应当是一个值（第 2 行，第 9 列）'
	],
	['y = (1 + 2', 'Parenthesis ) expected (line 1, column 11)', '缺少括号 )（第 1 行，第 11 列）'],
	['[1, 2', 'End of matrix ] expected (line 1, column 6)', '矩阵缺少结尾的 ]（第 1 行，第 6 列）'],
	[
		's = "abc',
		'End of string " expected (line 1, column 9)',
		'字符串缺少结尾的 "（第 1 行，第 9 列）'
	],
	['1:2:3:4', 'Unexpected operator : (line 1, column 6)', '意外的运算符 :（第 1 行，第 6 列）'],
	['1 2', 'Unexpected part "2" (line 1, column 3)', '意外的内容 "2"（第 1 行，第 3 列）'],
	[
		'5 = 3',
		'Invalid left hand side of assignment operator = (line 1, column 3)',
		'赋值运算符 = 的左边不能被赋值（第 1 行，第 3 列）'
	],
	[
		'z = true ? 1',
		'False part of conditional expression expected (line 1, column 13)',
		'条件表达式缺少 : 之后的部分（第 1 行，第 13 列）'
	],
	[
		'{a: 1',
		'Comma , or bracket } expected after object value (line 1, column 6)',
		'对象的值之后应为逗号 , 或括号 }（第 1 行，第 6 列）'
	],
	['work * 2', 'Undefined symbol work', '未定义的符号 work'],
	[
		'n = 40\nhosts = ceil(n / nosuch)',
		'Undefined symbol nosuch (in hosts = ceil(n / nosuch))',
		'未定义的符号 nosuch（出错的语句：hosts = ceil(n / nosuch)）'
	],
	['unknownFn(2)', 'Undefined function unknownFn', '未定义的函数 unknownFn'],
	[
		'sqrt(1, 2, 3)',
		'Too many arguments in function sqrt (expected: 1, actual: 3)',
		'函数 sqrt 的参数太多（应为 1 个，实际为 3 个）'
	],
	[
		'add(1)',
		'Too few arguments in function add (expected: any, index: 1)',
		'函数 add 的参数太少（缺少索引为 1 的参数，应为 any）'
	],
	[
		'3 m + 2',
		'Unexpected type of argument in function addScalar (expected: Unit, actual: number, index: 1)',
		'函数 addScalar 的参数类型不对（索引为 1 的参数应为 Unit，实际为 number）'
	],
	[
		'to(1, 2)',
		'Unexpected type of argument in function to (expected: Array or DenseMatrix or Matrix, actual: number, index: 1)',
		'函数 to 的参数类型不对（索引为 1 的参数应为 Array 或 DenseMatrix 或 Matrix，实际为 number）'
	],
	[
		'resize()',
		'Wrong number of arguments in function resize (0 provided, 2-3 expected)',
		'函数 resize 的参数个数不对（给了 0 个，应为 2-3 个）'
	],
	['ceil("a")', 'Cannot convert "a" to a number', '无法把 "a" 转换为数字'],
	['number("abc")', 'String "abc" is not a valid number', '字符串 "abc" 不是有效的数字'],
	['1 kW + 1 s', 'Units do not match', '单位不匹配'],
	['2 m to s', "Units do not match ('s' != '2 m')", "单位不匹配（'s' != '2 m'）"],
	['unit(5, "foo")', 'Unit "foo" not found.', '找不到单位 "foo"'],
	['[1, 2][5]', 'Index out of range (5 > 2)', '索引超出范围（5 > 2）'],
	['concat([1, 2], [[1]])', 'Dimension mismatch (1 != 2)', '维度不匹配（1 != 2）'],
	['det([1, 2])', 'Matrix must be square (size: [2])', '矩阵必须是方阵（大小：[2]）'],
	[
		'x = 1; x(2)',
		"'x' is not a function; its value is:\n  1 (in x(2))",
		"'x' 不是函数；它的值为：\n  1（出错的语句：x(2)）"
	],
	[
		'createUnit("foo")',
		'Function createUnit is disabled in lesson cells',
		'课程单元格中禁用了函数 createUnit'
	],
	[
		'x = 1\n' + '#'.repeat(5000),
		'This cell is longer than 5000 characters',
		'这个单元格超过了 5000 个字符'
	]
];

describe('cell errors in the page’s language', () => {
	// Named by their English message: the sources of some are long.
	it.each(cases.map(([source, english, chinese]) => [english, source, chinese]))(
		'%j',
		(english, source, chinese) => {
			const message = cellError(source);
			// What mathjs says today; the English template must rebuild it exactly.
			expect(message).toBe(english);
			expect(translateError(message, 'en')).toBe(message);
			expect(localizeError(message, 'en')).toBe(message);
			expect(localizeError(message, 'zh')).toBe(chinese);
		}
	);

	it('keeps an unknown message in English', () => {
		const message = cellError('mean([])');
		expect(message).toBe('Cannot calculate the mean of an empty array');
		// A matrix product of the wrong shapes: reworded rather than half translated.
		expect(localizeError(cellError('[[1, 2]] * [[1, 2]]'), 'zh')).toMatch(/^Dimension mismatch in/);
		expect(translateError(message, 'zh')).toBeNull();
		expect(localizeError(message, 'zh')).toBe(message);
		expect(localizeError('Something new (line 1, column 2)', 'zh')).toBe(
			'Something new (line 1, column 2)'
		);
	});

	it('is what the notebook’s strings show in each language', () => {
		const message = cellError('work * 2');
		expect(notebookStrings.en.errorMessage(message)).toBe('Undefined symbol work');
		expect(notebookStrings.zh.errorMessage(message)).toBe('未定义的符号 work');
	});
});
