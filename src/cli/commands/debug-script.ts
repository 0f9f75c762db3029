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

export interface CommandHelp {
	/** How the command is written: `step [N]`. */
	usage: string;
	description: string;
}

export const COMMANDS: Record<string, CommandHelp> = {
	step: {
		usage: 'step [N]',
		description: 'run N steps (instructions, trap entries or firmware calls), default 1'
	},
	over: {
		usage: 'over',
		description: 'step over a call (jal/jalr writing ra or t0), else one step'
	},
	out: {
		usage: 'out',
		description: 'run until the current function returns (to ra, with sp back)'
	},
	continue: {
		usage: 'continue [N]',
		description: 'run to a breakpoint or the end, at most N steps (default 100000000)'
	},
	until: {
		usage: 'until LOC',
		description: 'run to a location (LOC: 0xADDR, LABEL, FILE:LINE or LINE)'
	},
	back: { usage: 'back [N]', description: 'go back N steps, default 1' },
	break: { usage: 'break LOC...', description: 'add breakpoints' },
	delete: { usage: 'delete', description: 'remove all breakpoints' },
	input: {
		usage: 'input TEXT',
		description: 'give TEXT to the UART receiver (\\n, \\t, \\\\ and \\xHH escapes)'
	},
	reset: { usage: 'reset', description: 'start the program again (breakpoints stay)' },
	regs: { usage: 'regs', description: 'print the integer registers' },
	csrs: {
		usage: 'csrs [GROUP]',
		description: 'print the CSRs (machine, supervisor, hypervisor, virtual, user)'
	},
	list: { usage: 'list', description: 'print the instructions around pc' },
	output: { usage: 'output', description: 'print the UART output so far' },
	traps: { usage: 'traps', description: 'print the traps taken (newest 50)' },
	mem: {
		usage: 'mem|x ADDR [N] [virtual]',
		description:
			"print N bytes (default 64, at most 1024) from ADDR in hex and ASCII, '··' where nothing " +
			'answers; ADDR is 0xHEX, decimal, a label, a register (sp, a0, x2) or pc, then + or - a ' +
			'number (sp+16); with virtual, ADDR is translated by the page tables of the current mode ' +
			'and the page walk is printed'
	},
	tlb: {
		usage: 'tlb',
		description:
			'print the valid TLB entries: virtual page, V, ASID, VMID, global, the flags of each stage, physical page'
	}
};

/** Other names of commands: `x` as in gdb. */
export const ALIASES: Record<string, string> = { x: 'mem' };

/** The command a name stands for: itself, or the command it is an alias of. */
export function commandName(name: string): string {
	return Object.hasOwn(ALIASES, name) ? ALIASES[name] : name;
}

/**
 * The commands for --help: usage, then the description wrapped to `columns` characters, each
 * continuation line starting under the description's first word.
 */
export function commandsHelp(columns = 100): string {
	const all = Object.values(COMMANDS);
	const indent = 2 + Math.max(...all.map((c) => c.usage.length)) + 2;
	const lines: string[] = [];
	for (const c of all) {
		let line = `  ${c.usage}`.padEnd(indent);
		let fresh = true; // nothing after the indent yet
		for (const word of c.description.split(' ')) {
			if (!fresh && line.length + 1 + word.length > columns) {
				lines.push(line);
				line = ' '.repeat(indent);
				fresh = true;
			}
			line += (fresh ? '' : ' ') + word;
			fresh = false;
		}
		lines.push(line);
	}
	return lines.map((l) => l + '\n').join('');
}

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
