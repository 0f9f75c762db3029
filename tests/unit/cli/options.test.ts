import { describe, expect, it } from 'vitest';
import {
	helpText,
	parseCommandLine,
	wholeNumber,
	type OptionSpec
} from '../../../src/cli/options.ts';

const specs: OptionSpec[] = [
	{ name: 'lambda', value: 'RATE', description: 'arrival rate' },
	{ name: 'output', short: 'o', value: 'FILE', description: 'where to write' },
	{ name: 'json', description: 'JSON output' }
];

function parse(args: string[]) {
	const r = parseCommandLine(specs, args);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}
const errorOf = (args: string[]) => {
	const r = parseCommandLine(specs, args);
	return r.ok ? '' : r.error;
};

describe('parseCommandLine', () => {
	it('reads --name value, --name=value, -o value, flags and positionals', () => {
		const line = parse(['prog.s', '--lambda', '0.5', '--json', '-o', 'a.elf']);
		expect(Object.fromEntries(line.options)).toEqual({
			lambda: '0.5',
			json: true,
			output: 'a.elf'
		});
		expect(line.positionals).toEqual(['prog.s']);
		expect(parse(['--lambda=2']).options.get('lambda')).toBe('2');
	});

	it('takes a negative number after an option as its value, as people type it', () => {
		expect(parse(['--lambda', '-1']).options.get('lambda')).toBe('-1');
		expect(parse(['--lambda', '-.5']).options.get('lambda')).toBe('-.5');
	});

	it('answers every mistake in one line that names the option', () => {
		expect(errorOf(['--bogus'])).toBe("unknown option '--bogus'");
		expect(errorOf(['-x'])).toBe("unknown option '-x'");
		expect(errorOf(['--lambda'])).toBe('--lambda needs a value');
		expect(errorOf(['--lambda', '--json'])).toBe('--lambda needs a value');
		expect(errorOf(['--json=yes'])).toBe('--json takes no value');
		expect(errorOf(['--lambda', '1', '--lambda', '2'])).toBe('--lambda is given twice');
	});

	it('always knows --help and -h', () => {
		expect(parse(['-h']).options.get('help')).toBe(true);
		expect(parse(['--help']).options.get('help')).toBe(true);
	});
});

describe('wholeNumber', () => {
	const line = (value: string) => parse(['--lambda', value]);
	it('returns the value, or the fallback when the option is absent', () => {
		expect(wholeNumber(line('42'), 'lambda', 1, 100, 7)).toBe(42);
		expect(wholeNumber(parse([]), 'lambda', 1, 100, 7)).toBe(7);
	});

	it('refuses what it cannot count exactly, and names the range', () => {
		for (const bad of ['0', '101', '2.5', 'x', '', '1e308', 'NaN'])
			expect(wholeNumber(line(bad), 'lambda', 1, 100, 7)).toEqual({
				error: `--lambda wants a whole number from 1 to 100, not '${bad}'`
			});
		expect(wholeNumber(line('9007199254740993'), 'lambda', 1, Number.MAX_SAFE_INTEGER, 1)).toEqual({
			error:
				"--lambda wants a whole number from 1 to 2^53 - 1 (9007199254740991), not '9007199254740993'"
		});
	});
});

describe('helpText', () => {
	it('prints the usage, the summary and one aligned row per option, --help last', () => {
		expect(helpText('virtlab x [options]', 'Does x.', specs)).toBe(
			'usage: virtlab x [options]\nDoes x.\n\n' +
				'  --lambda RATE      arrival rate\n' +
				'  -o, --output FILE  where to write\n' +
				'  --json             JSON output\n' +
				'  -h, --help         show this help\n'
		);
	});
});
