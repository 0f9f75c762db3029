/**
 * Command-line options for every `virtlab` command: one parser (Node's `util.parseArgs`), one help
 * format and one error format, `virtlab <command>: message`.
 *
 * A command declares its options once, as data; the same list parses the arguments and prints the
 * help. `util.parseArgs` does the tokenizing (`--name value`, `--name=value`, `-h`, `--`); this
 * module adds what a user needs on top: errors in one line that name the option, an option given
 * twice is an error rather than silently the last one, and a negative number is a value
 * (`--lambda -1`), as people type it.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
	/** Long name, without the dashes. */
	name: string;
	/** What the value is, as help shows it (`N`, `FILE`); absent for a flag that takes no value. */
	value?: string;
	short?: string;
	description: string;
}

export interface CommandLine {
	/** Given options: a string for an option with a value, true for a flag. */
	options: Map<string, string | true>;
	positionals: string[];
}

export type Parsed = { ok: true; value: CommandLine } | { ok: false; error: string };

/** Every command takes --help (and -h). */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', description: 'show this help' };

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

export function parseCommandLine(specs: readonly OptionSpec[], args: readonly string[]): Parsed {
	const all = specs.some((s) => s.name === 'help') ? specs : [...specs, HELP_OPTION];
	const withValue = new Set(all.filter((s) => s.value).map((s) => s.name));
	// `--lambda -1`: parseArgs would call the -1 ambiguous; a number after an option is its value.
	const joined: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const name = args[i].startsWith('--') ? args[i].slice(2) : '';
		if (withValue.has(name) && NEGATIVE_NUMBER.test(args[i + 1] ?? '')) {
			joined.push(`${args[i]}=${args[i + 1]}`);
			i++;
		} else joined.push(args[i]);
	}
	let parsed;
	try {
		parsed = parseArgs({
			args: joined,
			options: Object.fromEntries(
				all.map((s) => [
					s.name,
					{
						type: s.value ? ('string' as const) : ('boolean' as const),
						...(s.short ? { short: s.short } : {})
					}
				])
			),
			allowPositionals: true,
			strict: true,
			tokens: true
		});
	} catch (e) {
		return { ok: false, error: explain(e as Error & { code?: string }) };
	}
	const options = new Map<string, string | true>();
	for (const token of parsed.tokens) {
		if (token.kind !== 'option') continue;
		if (options.has(token.name)) return { ok: false, error: `--${token.name} is given twice` };
		options.set(token.name, token.value ?? true);
	}
	return { ok: true, value: { options, positionals: parsed.positionals } };
}

/** parseArgs's errors, which run to three lines, as one line naming the option. */
function explain(e: Error & { code?: string }): string {
	const option = /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
	switch (e.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `unknown option '${option}'`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return /does not take an argument/.test(e.message)
				? `${option} takes no value`
				: `${option} needs a value`;
		default:
			return e.message.split('\n')[0];
	}
}

/** One help format: usage line, what the command does, then one line per option. */
export function helpText(usage: string, summary: string, specs: readonly OptionSpec[]): string {
	const rows = [...specs, HELP_OPTION].map((s) => {
		const flag = `${s.short ? `-${s.short}, ` : ''}--${s.name}${s.value ? ` ${s.value}` : ''}`;
		return [flag, s.description] as const;
	});
	const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
	const lines = rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`);
	return `usage: ${usage}\n${summary}\n\n${lines.join('\n')}\n`;
}

/** The one error format: `virtlab <command>: message`, and where to read more. Returns exit code 2. */
export function usageError(command: string, message: string): number {
	process.stderr.write(`virtlab ${command}: ${message} (see 'virtlab ${command} --help')\n`);
	return 2;
}

/**
 * The whole number given for option `name`, or `fallback` when it is absent; an error message when
 * it is not a whole number from `min` to `max` (at most 2^53 - 1, the largest a double counts exactly).
 */
export function wholeNumber(
	line: CommandLine,
	name: string,
	min: number,
	max: number,
	fallback: number
): number | { error: string } {
	const raw = line.options.get(name);
	if (raw === undefined) return fallback;
	const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
	if (Number.isSafeInteger(v) && v >= min && v <= max) return v;
	const range =
		max === Number.MAX_SAFE_INTEGER ? `${min} to 2^53 - 1 (${max})` : `${min} to ${max}`;
	return { error: `--${name} wants a whole number from ${range}, not '${raw}'` };
}
