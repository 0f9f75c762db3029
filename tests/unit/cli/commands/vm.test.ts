import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/vm.ts';

const fixtures = join(__dirname, '../../../fixtures');
const cKernel = join(fixtures, 'c-kernel/kernel.elf');
let dir: string;
let out: string;
let err: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'virtlab-vm-'));
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation(
		(s) => ((out += typeof s === 'string' ? s : new TextDecoder().decode(s as Uint8Array)), true)
	);
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('virtlab vm', () => {
	it('runs a workload in one mode: the guest output, then a perf-kvm-stat style report', async () => {
		expect(await command.run(['--workload', 'syscall', '--mode', 'trap'])).toBe(0);
		expect(out).toMatch(/^kernel: workload syscall\n/);
		expect(out).toContain('pid 1 exit 0 checksum 0x73193ef5');
		expect(out).toMatch(/VM-EXIT +Samples +Samples% +Time% +Min cycles +Max cycles +Avg cycles/);
		expect(out).toMatch(/\ncsrAccess +[\d,]+ +[\d.]+%/);
		expect(out).toContain('model cycles');
		expect(err).toBe('');
	});

	it('--json prints one object per run with the documented fields', async () => {
		expect(await command.run(['--workload', 'compute', '--mode', 'hw', '--json'])).toBe(0);
		const run = JSON.parse(out.trim());
		for (const key of [
			'mode',
			'workload',
			'exitCode',
			'output',
			'instructions',
			'exits',
			'exitsByReason',
			'modelCycles',
			'seconds',
			'mips'
		])
			expect(run, key).toHaveProperty(key);
		expect(run).toMatchObject({ mode: 'hw', workload: 'compute', exitCode: 0 });
		const timer = run.exitsByReason.timer;
		expect(timer.count).toBeGreaterThan(0);
		expect(timer.modelCycles.min).toBeLessThanOrEqual(timer.modelCycles.avg);
		expect(timer.modelCycles.avg).toBeLessThanOrEqual(timer.modelCycles.max);
		const total = Object.values(run.exitsByReason as Record<string, { count: number }>).reduce(
			(s, r) => s + r.count,
			0
		);
		expect(total).toBe(run.exits);
	});

	it('--compare runs an unmodified kernel in native, trap and hw modes side by side', async () => {
		expect(await command.run(['--kernel', cKernel, '--compare'])).toBe(0);
		expect(out).toContain('(the guest printed the same');
		expect(out).toMatch(/ +native +trap +hw\n/);
		expect(out).toMatch(/\nexits +0 +[\d,]+ +[\d,]+\n/);
	}, 60_000);

	it('--trace exits prints one line per exit on stderr', async () => {
		expect(
			await command.run(['--workload', 'console', '--mode', 'hw', '--trace', 'exits', '--json'])
		).toBe(0);
		const lines = err.trim().split('\n');
		expect(lines.length).toBe(JSON.parse(out.trim()).exits);
		expect(lines[0]).toMatch(/^#1 hw guestPageFault pc 80000000 /);
		expect(err).toMatch(
			/#\d+ hw mmio pc [0-9a-f]{8} \(kernel\/console\.s:\d+\) sb a0,0\(t0\) .*uart\+0 write 0x[0-9a-f]+.* model cycles/
		);
	});

	it('--non-virtualizable breaks trap mode visibly, and only trap mode', async () => {
		// The kernel reports a process it had to kill and shuts down with "system failure" (1).
		expect(
			await command.run(['--workload', 'syscall', '--mode', 'trap', '--non-virtualizable'])
		).toBe(1);
		expect(out).toMatch(/pid 1 killed/);
		out = '';
		expect(
			await command.run(['--workload', 'syscall', '--mode', 'hw', '--non-virtualizable'])
		).toBe(0);
		expect(out).toContain('pid 1 exit 0 checksum 0x73193ef5');
	});

	it('--no-batching: the pv kernel makes many more hypercalls for the same output', async () => {
		const pv = async (...extra: string[]) => {
			out = '';
			expect(await command.run(['--workload', 'ptemod', '--mode', 'pv', '--json', ...extra])).toBe(
				0
			);
			return JSON.parse(out.trim());
		};
		const batched = await pv();
		const unbatched = await pv('--no-batching');
		expect(unbatched.output).toBe(batched.output);
		// The report says which kernel ran.
		expect(unbatched.batching).toBe(false);
		expect(batched.batching).toBeUndefined();
		expect(unbatched.exitsByReason.hypercall.count).toBeGreaterThan(
			2 * batched.exitsByReason.hypercall.count
		);
		// With --compare only the pv run changes.
		out = '';
		expect(
			await command.run(['--workload', 'ptemod', '--compare', '--json', '--no-batching'])
		).toBe(0);
		const runs = out
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(runs.find((r) => r.mode === 'pv').exits).toBe(unbatched.exits);
		expect(runs.find((r) => r.mode === 'trap').exitsByReason.hypercall).toBeUndefined();
		expect(runs.find((r) => r.mode === 'trap').batching).toBeUndefined();
		out = '';
		await command.run(['--workload', 'ptemod', '--mode', 'pv', '--no-batching']);
		expect(out).toContain('ptemod (pv kernel without batching)');
	}, 60_000);

	it('stops a guest at the budget with status 124 and says so', async () => {
		expect(
			await command.run(['--workload', 'compute', '--mode', 'native', '--max-insns', '1000'])
		).toBe(124);
		expect(out).toContain('the budget of 1000');
	});

	it('-cost-set changes a constant, and the report shows it', async () => {
		await command.run([
			'--workload',
			'compute',
			'--mode',
			'hw',
			'--json',
			'--cost-set',
			'vmExitRoundTrip=100000'
		]);
		const expensive = JSON.parse(out.trim());
		out = '';
		await command.run(['--workload', 'compute', '--mode', 'hw', '--json']);
		const normal = JSON.parse(out.trim());
		expect(expensive.modelCycles - normal.modelCycles).toBe(normal.exits * (100000 - 2123));
	});

	const bad: [string, string[], RegExp][] = [
		['neither workload nor kernel', ['--mode', 'hw'], /either --workload NAME or --kernel FILE/],
		[
			'an unknown workload',
			['--workload', 'nope', '--mode', 'hw'],
			/unknown workload 'nope'; choose syscall/
		],
		['an unknown mode', ['--workload', 'syscall', '--mode', 'vmx'], /unknown mode 'vmx'/],
		[
			'an unknown preset',
			['--workload', 'syscall', '--mode', 'hw', '--cost', 'k8'],
			/unknown cost preset 'k8'/
		],
		[
			'an unknown cost constant',
			['--workload', 'syscall', '--mode', 'hw', '--cost-set', 'warp=1'],
			/unknown constant 'warp'/
		],
		[
			'memory not in 4 MiB steps',
			['--workload', 'syscall', '--mode', 'hw', '--mem', '6'],
			/multiple of 4/
		],
		[
			'pv for an unmodified kernel',
			['--kernel', cKernel, '--mode', 'pv'],
			/pv mode needs a paravirtualized guest/
		],
		['a missing file', ['--kernel', '/no/such.elf', '--mode', 'hw'], /no\/such\.elf/],
		[
			'--no-batching outside pv',
			['--workload', 'ptemod', '--mode', 'trap', '--no-batching'],
			/--no-batching changes the paravirtual kernel/
		],
		[
			'--no-batching for an unmodified kernel',
			['--kernel', cKernel, '--compare', '--no-batching'],
			/--no-batching changes the paravirtual kernel/
		]
	];
	for (const [what, args, message] of bad)
		it(`refuses ${what} in one line with status 2`, async () => {
			expect(await command.run(args)).toBe(2);
			expect(err).toMatch(message);
			expect(err.trim().split('\n')).toHaveLength(1);
		});

	it('refuses a non-ELF, a 64-bit ELF and a kernel outside RAM in one line each', async () => {
		const text = join(dir, 'kernel.txt');
		writeFileSync(text, 'not a kernel\n');
		expect(await command.run(['--kernel', text, '--mode', 'hw'])).toBe(2);
		expect(err).toMatch(/not an ELF file/);
		err = '';
		const elf64 = join(dir, 'kernel64.elf');
		const header = new Uint8Array(64);
		header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0); // ELFCLASS64, little-endian
		writeFileSync(elf64, header);
		expect(await command.run(['--kernel', elf64, '--mode', 'trap'])).toBe(2);
		expect(err).toMatch(/EI_CLASS.*only ELF32/);
		expect(err.trim().split('\n')).toHaveLength(1);
		err = '';
		expect(
			await command.run(['--kernel', join(fixtures, 'elf/text-below-ram.elf'), '--mode', 'hw'])
		).toBe(2);
		expect(err).toMatch(/outside|RAM/);
		expect(err.trim().split('\n')).toHaveLength(1);
	});
});

describe('virtlab vm --shadow-sync', () => {
	const json = async (...args: string[]) => {
		out = '';
		expect(await command.run(['--json', ...args])).toBe(0);
		return out
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
	};

	it('changes trap mode’s exits, not the guest’s output, and the report says which ran', async () => {
		const [wp] = await json(
			'--workload',
			'ptemod',
			'--mode',
			'trap',
			'--shadow-sync',
			'write-protect'
		);
		const [unsync] = await json(
			'--workload',
			'ptemod',
			'--mode',
			'trap',
			'--shadow-sync',
			'unsync'
		);
		const [plain] = await json('--workload', 'ptemod', '--mode', 'trap');
		expect(unsync.output).toBe(wp.output);
		expect([wp.shadowSync, unsync.shadowSync, plain.shadowSync]).toEqual([
			'write-protect',
			'unsync',
			'flood'
		]);
		expect(unsync.exitsByReason.pageTableWrite.count).toBeLessThan(
			wp.exitsByReason.pageTableWrite.count / 50
		);
		out = '';
		expect(
			await command.run(['--workload', 'ptemod', '--mode', 'trap', '--shadow-sync', 'unsync'])
		).toBe(0);
		expect(out).toMatch(/\nptemod \(shadow tables: unsync\): trap mode/);
	});

	it('with --compare changes only the trap run', async () => {
		const runs = await json('--workload', 'ptemod', '--compare', '--shadow-sync', 'unsync');
		expect(runs.map((r) => [r.mode, r.shadowSync])).toEqual([
			['native', undefined],
			['trap', 'unsync'],
			['pv', undefined],
			['hw', undefined]
		]);
		out = '';
		expect(
			await command.run(['--workload', 'syscall', '--compare', '--shadow-sync', 'write-protect'])
		).toBe(0);
		expect(out).toContain('(trap mode kept its shadow tables in sync by write-protect)');
	});

	it('refuses an unknown strategy, and a mode without shadow tables, in one line', async () => {
		expect(
			await command.run(['--workload', 'ptemod', '--mode', 'trap', '--shadow-sync', 'lazy'])
		).toBe(2);
		expect(err).toMatch(/unknown --shadow-sync 'lazy'; choose write-protect, unsync, flood/);
		err = '';
		expect(
			await command.run(['--workload', 'ptemod', '--mode', 'hw', '--shadow-sync', 'unsync'])
		).toBe(2);
		expect(err).toMatch(/--shadow-sync .* use it with --mode trap or --compare/);
		expect(err.trim().split('\n')).toHaveLength(1);
	});
});

describe('virtlab vm: TLB options and --sweep', () => {
	it('prints the page walks under the report, and --json has them', async () => {
		expect(await command.run(['--workload', 'syscall', '--mode', 'hw'])).toBe(0);
		expect(out).toMatch(
			/TLB misses [\d,]+ {2}walk references [\d,]+ \(VS [\d,]+, G [\d,]+\) {2}per miss /
		);
		out = '';
		expect(await command.run(['--workload', 'syscall', '--mode', 'native', '--json'])).toBe(0);
		const run = JSON.parse(out.trim());
		expect(run.walk.references.S).toBeGreaterThan(0);
		expect(run.walk.references.G).toBe(0);
	});

	it('a smaller TLB misses more; a TLB without tags misses no less', async () => {
		const misses = async (...flags: string[]) => {
			out = '';
			const args = ['--workload', 'pingpong', '--mode', 'native', '--json', ...flags];
			expect(await command.run(args)).toBe(0);
			return JSON.parse(out.trim()).walk.misses as number;
		};
		const base = await misses();
		expect(await misses('--tlb-entries', '8')).toBeGreaterThan(base);
		// (In the course's kernel the kernel's first page and the process's text share a slot of the
		// direct-mapped TLB, so each switch misses anyway: see mmu/walk-references.test.ts.)
		expect(await misses('--no-tlb-tags')).toBeGreaterThanOrEqual(base);
	});

	it('--sweep prints one CSV line per point and variant, with the crossover flagged', async () => {
		const args = ['--workload', 'ptrate', '--sweep', 'rate=0,8', '--param', 'blocks=30', '--csv'];
		expect(await command.run(args)).toBe(0);
		const lines = out.trim().split('\n');
		expect(lines[0]).toBe(
			'rate,variant,guest_instructions,exits,walk_references,model_cycles,crossover'
		);
		expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
			'0,trap',
			'0,hw',
			'0,hw+megapages',
			'0,hw+walk-cache',
			'8,trap',
			'8,hw',
			'8,hw+megapages',
			'8,hw+walk-cache'
		]);
		expect(lines[6].endsWith(',yes')).toBe(true);
	});

	it('refuses --sweep with a mode, a bad range, a TLB size that is not a power of two', async () => {
		expect(await command.run(['--workload', 'wset', '--sweep', 'wset=4..8', '--mode', 'hw'])).toBe(
			2
		);
		expect(err).toMatch(/leave out --mode/);
		err = '';
		expect(await command.run(['--workload', 'wset', '--sweep', 'wset=8..4'])).toBe(2);
		expect(err).toMatch(/runs backwards/);
		err = '';
		expect(await command.run(['--workload', 'wset', '--mode', 'hw', '--tlb-entries', '48'])).toBe(
			2
		);
		expect(err).toMatch(/--tlb-entries wants a power of two/);
		err = '';
		expect(await command.run(['--workload', 'wset', '--mode', 'hw', '--csv'])).toBe(2);
		expect(err).toMatch(/--param and --csv go with --sweep/);
	});
});
