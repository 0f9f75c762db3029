/**
 * `virtlab walk`: the model for any N × M levels, and the three walks of one guest access, as text
 * and JSON; bad options as one line naming what is wrong.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/walk.ts';
import { main } from '../../../../src/cli/main.ts';

let out: string;
let err: string;

beforeEach(() => {
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('virtlab walk --levels', () => {
	it('4,4 prints x86-64’s 24 references, each in order, and the 5 × 5 grid', async () => {
		expect(await command.run(['--levels', '4,4'])).toBe(0);
		expect(out).toMatch(/^4-level guest table over a 4-level host table: 24 table references/);
		expect(out).toContain('n·m + n + m = 4·4 + 4 + 4 = 24');
		expect(out).toContain("   1. host level 3 PTE, translating guest level 3's table address");
		expect(out).toContain('   5. guest level 3 PTE');
		expect(out).toContain('  24. host level 0 PTE, translating the final guest physical address');
		expect(out).toContain('  25. the data access');
		expect(out).toMatch(/\n {2}data address +21 +22 +23 +24 +25\n$/);
		expect(err).toBe('');
	});

	it('prints the count n·m + n + m for every 1–4 × 1–4, and JSON with --json', async () => {
		for (let n = 1; n <= 4; n++)
			for (let m = 1; m <= 4; m++) {
				out = '';
				expect(await command.run(['--levels', `${n},${m}`, '--json'])).toBe(0);
				const model = JSON.parse(out);
				expect(model.tableReferences).toBe(n * m + n + m);
				expect(model.references).toHaveLength(n * m + n + m + 1);
			}
	});

	it('names what is wrong with --levels', async () => {
		expect(await command.run(['--levels', '4'])).toBe(2);
		expect(err).toContain("--levels wants two numbers N,M (like 4,4), not '4'");
		err = '';
		expect(await command.run(['--levels', '2,x'])).toBe(2);
		expect(err).toContain("'x' (the host levels M) must be a whole number from 0 to 5");
		err = '';
		expect(await command.run(['--levels', '6,1'])).toBe(2);
		expect(err).toContain("'6' (the guest levels N)");
		err = '';
		expect(await command.run(['--levels', '2,2', '--va', '0x1000'])).toBe(2);
		expect(err).toMatch(/^virtlab walk: --levels prints the model: leave out --va/);
	});
});

describe('virtlab walk', () => {
	it('is a command of virtlab', async () => {
		expect(await main(['walk', '--help'])).toBe(0);
		expect(out).toMatch(/^usage: virtlab walk/);
	});

	it('prints the three walks of the first user data access, reference by reference', async () => {
		expect(await command.run([])).toBe(0);
		expect(out).toMatch(
			/^guest virtual address 0x[0-9a-f]{8}: a (load|store) by a user process of workload pagetouch/
		);
		const sections = out.split('\n\n');
		expect(sections.map((s) => s.split(':')[0])).toEqual([
			'guest virtual address 0x00800000',
			'native',
			'trap',
			'hw'
		]);
		const [, native, trap, hw] = sections;
		expect(native).toMatch(
			/2 table references, then the data at physical 0x[0-9a-f]{8}\n +1\. S level 1 +PTE at/
		);
		expect(trap).toMatch(/exit #\d+ hiddenPageFault at guest pc 0x[0-9a-f]{8}/);
		expect(trap).toMatch(/read the guest's level 0 PTE at guest physical 0x[0-9a-f]{8}/);
		expect(trap).toMatch(/install a shadow entry, level 0, for 0x00800000/);
		expect(hw).toMatch(
			/8 table references, then the data at physical 0x[0-9a-f]{8} \(guest physical/
		);
		expect(hw).toMatch(/ 8\. G level 0 +PTE at .*translating the data’s address\n +9\. data/);
		expect(hw).toMatch(/data address +7 +8 +9/);
		expect(out).not.toContain('TRACE DIFFERS');
		expect(err).toBe('');
	});

	it('--json prints the scenario as data', async () => {
		expect(await command.run(['--va', '0x00801010', '--json'])).toBe(0);
		const s = JSON.parse(out);
		expect(s).toMatchObject({ ok: true, workload: 'pagetouch', va: 0x801010 });
		expect(s.modes.map((m: { mode: string; found: boolean }) => [m.mode, m.found])).toEqual([
			['native', true],
			['trap', true],
			['hw', true]
		]);
	});

	it('exits 1 when the access does not happen, and names bad options', async () => {
		expect(await command.run(['--va', '0x00800000', '--max-insns', '1000'])).toBe(1);
		expect(err).toContain(
			'no user process made a data access to the page of 0x00800000 with paging on within 1000 instructions'
		);
		err = '';
		expect(await command.run(['--va', 'banana'])).toBe(2);
		expect(err).toContain(
			"--va wants an address from 0 to 0xffffffff (0x… or decimal), not 'banana'"
		);
		err = '';
		expect(await command.run(['--workload', 'nope'])).toBe(2);
		expect(err).toContain("unknown workload 'nope'; choose syscall");
	});
});
