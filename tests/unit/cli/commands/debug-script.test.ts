import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	commandName,
	commandsHelp,
	COMMANDS,
	inputBytes,
	parseScript
} from '../../../../src/cli/commands/debug-script.ts';

describe('parseScript', () => {
	it('splits lines and semicolons, drops comments, and keeps line and column', () => {
		expect(parseScript('step 5 # go\n\n  break main; continue\n')).toEqual([
			{ name: 'step', args: ['5'], rest: '5', line: 1, column: 1 },
			{ name: 'break', args: ['main'], rest: 'main', line: 3, column: 3 },
			{ name: 'continue', args: [], rest: '', line: 3, column: 15 }
		]);
	});

	it('points each column at the first letter of its command', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom('step', 'back', 'regs'), fc.nat(3)), {
					minLength: 1,
					maxLength: 5
				}),
				(parts) => {
					const line = parts.map(([name, pad]) => ' '.repeat(pad) + name).join(';');
					for (const c of parseScript(line))
						expect(line.slice(c.column - 1, c.column - 1 + c.name.length)).toBe(c.name);
				}
			),
			{ numRuns: 50 }
		);
	});
});

describe('inputBytes', () => {
	it('encodes text as UTF-8 and resolves escapes', () => {
		expect(inputBytes('hi\\n')).toEqual([0x68, 0x69, 10]);
		expect(inputBytes('\\x00\\xff\\\\')).toEqual([0, 255, 92]);
		expect(inputBytes('é')).toEqual([0xc3, 0xa9]);
		expect(inputBytes('\\q')).toEqual([92, 0x71]);
	});
});

describe('commandName', () => {
	it('resolves an alias to its command and leaves other names alone', () => {
		expect(commandName('x')).toBe('mem');
		expect(commandName('mem')).toBe('mem');
		expect(commandName('stpe')).toBe('stpe');
		expect(commandName('toString')).toBe('toString'); // not an alias: Object's own names are not
	});
});

describe('commandsHelp', () => {
	it('lists every command, its description wrapped under itself within the width', () => {
		const help = commandsHelp(80);
		const lines = help.trimEnd().split('\n');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		for (const c of Object.values(COMMANDS)) expect(help).toContain(`  ${c.usage} `);
		const mem = lines.findIndex((l) => l.startsWith('  mem|x ADDR [N] [virtual]'));
		const column = lines[mem].indexOf('print N bytes');
		expect(lines[mem + 1].slice(0, column).trim()).toBe(''); // continued under the description
		expect(lines[mem + 1][column]).not.toBe(' ');
		expect(lines.filter((l) => /^ {2}tlb {2,}print the valid TLB entries/.test(l))).toHaveLength(1);
	});
});
