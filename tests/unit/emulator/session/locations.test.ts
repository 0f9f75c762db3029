import { describe, expect, it } from 'vitest';
import { parseLocation, resolveLocation } from '../../../../src/lib/emulator/session/locations.ts';
import { loadProgram, type Program } from '../../../../src/lib/emulator/session/program.ts';

const loaded = loadProgram({
	kind: 'source',
	text: '_start:\n\tnop\n\n# a comment\nloop:\n\tj loop\n',
	file: 'main.s'
});
const program = (loaded as { program: Program }).program;
const loop = program.symbols.find((s) => s.name === 'loop')!.value;

describe('locations', () => {
	it('reads addresses, labels, FILE:LINE and bare lines', () => {
		expect(parseLocation('0x80000004', 'main.s')).toEqual({ kind: 'address', address: 0x80000004 });
		expect(parseLocation('loop', 'main.s')).toEqual({ kind: 'symbol', name: 'loop' });
		expect(parseLocation('lib.s:12', 'main.s')).toEqual({ kind: 'line', file: 'lib.s', line: 12 });
		expect(parseLocation('6', 'main.s')).toEqual({ kind: 'line', file: 'main.s', line: 6 });
		expect(parseLocation('no such thing!', 'main.s')).toHaveProperty('error');
	});

	it('resolves a label and a line to the same instruction; a comment line moves to the next code', () => {
		expect(resolveLocation(program, { kind: 'symbol', name: 'loop' })).toEqual({
			ok: true,
			addresses: [loop]
		});
		expect(resolveLocation(program, { kind: 'line', file: 'main.s', line: 3 })).toEqual({
			ok: true,
			addresses: [loop],
			line: 6
		});
	});

	it('explains what cannot be resolved', () => {
		expect(resolveLocation(program, { kind: 'symbol', name: 'nope' })).toMatchObject({ ok: false });
		expect(resolveLocation(program, { kind: 'address', address: 0x80000002 })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/multiple of 4/)
		});
		expect(resolveLocation(program, { kind: 'line', file: 'main.s', line: 7 })).toMatchObject({
			ok: false
		});
		expect(resolveLocation(program, { kind: 'line', file: 'x.s', line: 1 })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/main\.s/)
		});
	});
});
