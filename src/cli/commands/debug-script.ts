/**
 * The little command language of `virtlab debug`: one command per line or separated by `;`, `#`
 * starts a comment. Each command keeps its line and column, so that a mistake is reported where it
 * is (`script:3:9: unknown command 'stpe'`).
 */
export interface ScriptCommand {
	name: string;
	args: string[];
	/** The text after the name, as written (for `input`, which takes text with spaces). */
	rest: string;
	line: number;
	column: number;
}

export const COMMANDS: Record<string, string> = {
	step: 'step [N]          run N steps (instructions or trap entries), default 1',
	over: 'over              step over a call (jal/jalr writing ra or t0), else one step',
	out: 'out               run until the current function returns (to ra, with sp back)',
	continue: 'continue [N]      run to a breakpoint or the end, at most N steps (default 100000000)',
	until: 'until LOC         run to a location (LOC: 0xADDR, LABEL, FILE:LINE or LINE)',
	back: 'back [N]          go back N steps, default 1',
	break: 'break LOC...      add breakpoints',
	delete: 'delete            remove all breakpoints',
	input: 'input TEXT        give TEXT to the UART receiver (\\n, \\t, \\\\ and \\xHH escapes)',
	reset: 'reset             start the program again (breakpoints stay)',
	regs: 'regs              print the integer registers',
	csrs: 'csrs [GROUP]      print the CSRs (machine, supervisor, hypervisor, virtual, user)',
	list: 'list              print the instructions around pc',
	output: 'output            print the UART output so far',
	traps: 'traps             print the traps taken (newest 50)'
};

export function parseScript(text: string): ScriptCommand[] {
	const commands: ScriptCommand[] = [];
	text.split('\n').forEach((lineText, i) => {
		const hash = lineText.indexOf('#');
		const code = hash >= 0 ? lineText.slice(0, hash) : lineText;
		let start = 0;
		for (const piece of code.split(';')) {
			const lead = piece.length - piece.trimStart().length;
			const body = piece.trim();
			if (body) {
				const [name, ...args] = body.split(/\s+/);
				const rest = body.slice(name.length).trim();
				commands.push({ name, args, rest, line: i + 1, column: start + lead + 1 });
			}
			start += piece.length + 1;
		}
	});
	return commands;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '\\': 92 };

/** The bytes an `input` command gives: its text as UTF-8, with \n \t \r \\ and \xHH escapes. */
export function inputBytes(rest: string): number[] {
	const bytes: number[] = [];
	const utf8 = new TextEncoder();
	for (let i = 0; i < rest.length; i++) {
		const escape = rest[i] === '\\' ? rest[i + 1] : undefined;
		if (escape !== undefined && escape in ESCAPES) {
			bytes.push(ESCAPES[escape]);
			i++;
		} else if (escape === 'x' && /^[0-9a-fA-F]{2}$/.test(rest.slice(i + 2, i + 4))) {
			bytes.push(parseInt(rest.slice(i + 2, i + 4), 16));
			i += 3;
		} else {
			const ch = String.fromCodePoint(rest.codePointAt(i)!);
			bytes.push(...utf8.encode(ch));
			i += ch.length - 1;
		}
	}
	return bytes;
}
