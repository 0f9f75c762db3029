/**
 * The teaching kernel and its workloads: each assembles cleanly, runs to a clean shutdown natively,
 * under hardware assistance and (its paravirtual build) in pv mode, and prints the same bytes
 * whatever the mode and the time slice.
 * The checksums each process reports are recomputed here, in TypeScript, from what the workload's
 * source says it computes, so a kernel that lost a register, a page or a write would show.
 */
import { describe, expect, it } from 'vitest';
import {
	buildGuest,
	buildGuestWithWorkload,
	WORKLOADS,
	type GuestOptions,
	type WorkloadName
} from '$lib/emulator/guests/build.ts';
import { runVm, type VmRun } from '$lib/emulator/vmm/vm.ts';
import { disassemble } from '$lib/emulator/isa/disassemble.ts';

const BUDGET = 20_000_000;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function image(workload: WorkloadName, options: GuestOptions = {}) {
	const built = buildGuest(workload, options);
	expect(built.diagnostics).toEqual([]);
	return built.image!;
}

function run(mode: 'native' | 'hw' | 'pv', img: ReturnType<typeof image>): VmRun {
	const result = runVm({ mode, kernel: { image: img }, maxInsns: BUDGET });
	if (!result.ok) throw new Error(result.error);
	return result.run;
}

function exitCounts(r: VmRun): Record<string, number> {
	return Object.fromEntries([...r.exits.byReason].map(([reason, t]) => [reason, t.count]));
}

// ---- What each workload computes, after its source (workloads/*.s), at scale 1.
const FNV_OFFSET = 0x811c9dc5;
const fnv = (h: number, x: number) => Math.imul((h ^ x) >>> 0, 16777619) >>> 0;
const hex = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

function computeChecksum(seed: number): number {
	let h = FNV_OFFSET;
	let x = (seed + 1) >>> 0;
	for (let i = 0; i < 25000; i++) {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		const t0 = ((x << 1) >>> 0) >>> 17;
		const t1 = t0 + 7;
		let t2 = (Math.floor(x / t1) ^ (x % t1)) >>> 0;
		if (t0 & 1) t2 = (t2 << 3) >>> 0;
		h = fnv(h, t2);
	}
	return h;
}

function childChecksum(i: number): number {
	let h = fnv(FNV_OFFSET, 2 * i);
	for (let t = 1000; t > 0; t--) h = fnv(h, t);
	return h;
}

/** The checksum each process reports, in pid order, and any lines the processes print. */
function expected(workload: WorkloadName, scale = 1): { checksums: number[]; printed: string } {
	let h = FNV_OFFSET;
	switch (workload) {
		case 'syscall':
			for (let left = 5000 * scale; left > 0; left--) h = fnv(h, 1 + left);
			return { checksums: [h], printed: '' };
		case 'pagetouch':
			for (let round = 0; round < scale; round++) for (let i = 0; i < 200; i++) h = fnv(h, i);
			return { checksums: [h], printed: '' };
		case 'ptemod':
			for (let r = 0; r < 500 * scale; r++) h = fnv(fnv(fnv(fnv(h, 0), 0), r + 1), 0);
			return { checksums: [h], printed: '' };
		case 'pingpong':
			return {
				checksums: [1, 2].map((arg) => {
					let p = FNV_OFFSET;
					for (let r = 0; r < 1000 * scale; r++) p = fnv(p, r + arg);
					return p;
				}),
				printed: ''
			};
		case 'compute':
			return { checksums: [1, 2, 3].map(computeChecksum), printed: '' };
		case 'console': {
			let printed = '';
			for (let line = 1; line <= 40 * scale; line++) {
				printed += `console: line ${String(line % 10000).padStart(4, '0')}\n`;
				h = fnv(h, 19);
			}
			return { checksums: [h], printed };
		}
		case 'spawn':
			for (let i = 0; i < 8 * scale; i++) h = fnv(fnv(fnv(fnv(h, i + 2), 0), i), childChecksum(i));
			return { checksums: [h], printed: '' };
		case 'wset': {
			// 200 rounds over 128 pages: each page's count is 200 · scale.
			for (let page = 0; page < 128; page++) h = fnv(h, 200 * scale);
			return { checksums: [h], printed: '' };
		}
		case 'ptrate': {
			// 100 blocks: zeros read from the working set add nothing, then one map/unmap round each.
			for (let block = 1; block <= 100 * scale; block++) h = fnv(fnv(fnv(fnv(h, 0), 0), block), 0);
			return { checksums: [h], printed: '' };
		}
	}
}

function expectedOutput(workload: WorkloadName, scale = 1): string {
	const { checksums, printed } = expected(workload, scale);
	return (
		`kernel: workload ${workload}\n` +
		printed +
		checksums.map((c, i) => `pid ${i + 1} exit 0 checksum ${hex(c)}\n`).join('') +
		'kernel: all processes have exited, pages in use: 0\n'
	);
}

describe('guest kernel and workloads', () => {
	it('lists every workload once, with a description', () => {
		expect(WORKLOADS.map((w) => w.name)).toEqual([
			'syscall',
			'pagetouch',
			'ptemod',
			'pingpong',
			'compute',
			'console',
			'spawn',
			'wset',
			'ptrate'
		]);
		for (const w of WORKLOADS) expect(w.description.length).toBeGreaterThan(10);
	});

	for (const { name } of WORKLOADS) {
		it(`${name}: the same output natively, under hw, in pv mode, and with another time slice`, () => {
			const runs = [
				run('native', image(name)),
				run('hw', image(name)),
				run('hw', image(name, { timeSlice: 337 })),
				run('pv', image(name, { pv: true })),
				run('pv', image(name, { pv: true, timeSlice: 337 }))
			];
			const want = expectedOutput(name);
			for (const r of runs) {
				expect(r.outcome).toEqual({ kind: 'exit', exitCode: 0, how: 'SBI system reset' });
				expect(text(r.output)).toBe(want);
				expect(r.guestInstructions).toBeLessThan(r.mode === 'pv' ? 4_000_000 : 3_000_000);
			}
			// Natively nothing exits: SBI calls and timer interrupts are firmware calls.
			expect(runs[0].exits.count).toBe(0);
			expect(runs[0].exits.firmwareCalls).toBeGreaterThan(0);
		});
	}

	it('compute: under hw only the timer, SBI, first touches of guest pages and the console exit', () => {
		const r = run('hw', image('compute', { timeSlice: 500 }));
		const exits = exitCounts(r);
		expect(Object.keys(exits).sort()).toEqual(['guestPageFault', 'mmio', 'sbi', 'timer']);
		expect(exits.mmio).toBe(2 * r.output.length); // the kernel's own lines: LSR, then THR
		expect(exits.guestPageFault).toBeLessThan(40); // kernel, stacks, tables, pages: once each
		expect(exits.timer).toBeGreaterThan(10);
		// set_timer once at boot and once per timer interrupt taken, then SRST
		expect(exits.sbi).toBeLessThanOrEqual(exits.timer + 2);
		expect(exits.sbi).toBeGreaterThanOrEqual(exits.timer + 1);
	});

	it('syscall: under hw the guest kernel handles getpid with no exit', () => {
		const once = exitCounts(run('hw', image('syscall')));
		const twice = exitCounts(run('hw', image('syscall', { scale: 2 })));
		// Twice the calls: the same exits, but for the timer (the run is longer).
		expect(twice.mmio).toBe(once.mmio);
		expect(twice.guestPageFault).toBe(once.guestPageFault);
		expect(twice.timer + twice.sbi).toBeLessThan(100); // vs 10,000 calls
	});

	it('scale multiplies the work and keeps the checksums right', () => {
		for (const name of ['pagetouch', 'pingpong', 'console'] as const) {
			const r = run('native', image(name, { scale: 2 }));
			expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
			expect(text(r.output)).toBe(expectedOutput(name, 2));
		}
	});

	/** Each privileged instruction of the spawn build: where it comes from, and the statement. */
	function privilegedInstructions(options: GuestOptions): { where: string; statement: string }[] {
		const built = buildGuest('spawn', options);
		expect(built.diagnostics).toEqual([]);
		const img = built.image!;
		const found: { where: string; statement: string }[] = [];
		for (const entry of img.sourceMap) {
			if (!entry.file.startsWith('kernel/')) continue;
			const section = img.sections.find(
				(s) => entry.address >= s.address && entry.address < s.address + s.bytes.length
			)!;
			if (section.kind !== 'code') continue;
			const view = new DataView(section.bytes.buffer, section.bytes.byteOffset);
			for (let a = entry.address; a < entry.address + entry.size; a += 4) {
				const word = view.getUint32(a - section.address, true);
				const mnemonic = disassemble(word, a).split(/\s/)[0];
				const csr = word >>> 20;
				const isPrivileged =
					['sret', 'wfi', 'sfence.vma'].includes(mnemonic) ||
					((word & 0x7f) === 0x73 && ((word >>> 12) & 7) !== 0 && csr >= 0x100 && csr < 0x200);
				if (!isPrivileged) continue;
				const line = built.files[entry.file].split('\n')[entry.line - 1];
				const statement = line.replace(/^\s*(\w+:\s*)*/, ''); // without labels
				found.push({ where: `${entry.file}:${entry.line}: ${line}`, statement });
			}
		}
		return found;
	}

	it('the paravirtual build has no privileged instruction at all', () => {
		expect(privilegedInstructions({ pv: true })).toEqual([]);
	});

	it('every privileged instruction comes from a macro of kernel/priv.s', () => {
		const macros = new Set([
			'csr_read',
			'csr_write',
			'csr_set',
			'csr_clear',
			'satp_write',
			'tlb_flush_page',
			'tlb_flush_asid',
			'tlb_flush_all',
			'wait_for_interrupt',
			'trap_enter',
			'trap_leave'
		]);
		const found = privilegedInstructions({});
		for (const { where, statement } of found)
			expect(macros.has(statement.split(/\s/)[0]), where).toBe(true);
		expect(found.length).toBeGreaterThan(20);
	});

	it('the PV build assembles cleanly, with the PV helpers in it', () => {
		const built = buildGuest('compute', { pv: true });
		expect(built.diagnostics).toEqual([]);
		expect(Object.keys(built.files)).toContain('kernel/pv.s');
		expect(Object.keys(buildGuest('compute').files)).not.toContain('kernel/pv.s');
	});

	it('refuses bad options and unknown workloads', () => {
		expect(buildGuest('nope' as WorkloadName).diagnostics[0].message).toMatch(/unknown workload/);
		expect(buildGuest('compute', { scale: 0 }).image).toBeUndefined();
		expect(buildGuest('compute', { scale: 1.5 }).image).toBeUndefined();
		expect(buildGuest('compute', { timeSlice: 0 }).image).toBeUndefined();
	});

	it('files holds every source the build read, for the stepper', () => {
		const built = buildGuest('console');
		expect(Object.keys(built.files).sort()).toEqual([
			'guest.s',
			'kernel/abi.s',
			'kernel/console.s',
			'kernel/defs.s',
			'kernel/end.s',
			'kernel/kernel.s',
			'kernel/priv.s',
			'kernel/proc.s',
			'kernel/sbi.s',
			'kernel/syscall.s',
			'kernel/trap.s',
			'kernel/vm.s',
			'workloads/console.s',
			'workloads/user.s'
		]);
		for (const e of built.sourceMap) expect(built.files[e.file]).toBeDefined();
	});
});

describe('guest kernel: system call edge cases and faults', () => {
	/** A workload of one program: `body`, then exit(0, 0); a failing check exits with its number. */
	function selfTest(body: string, extra = ''): VmRun {
		const source = `
.include "workloads/user.s"
	.text
prog_main:
	li s0, 0
${body}
	li a0, 0
	li a1, 0
	sys SYS_EXIT
fail:
	mv a0, s0
	li a1, 0
	sys SYS_EXIT
	.balign 4, 0
prog_main_end:
${extra}
	.data
	.balign 4
programs:
	.word 3
	.word prog_main, prog_main_end
	.word prog_exit, prog_exit_end
	.word prog_fault, prog_fault_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "selftest"
	.text
prog_exit:                      # exit(arg, 0)
	li a1, 0
	sys SYS_EXIT
	.balign 4, 0
prog_exit_end:
prog_fault:                     # a store to address 0
	sw zero, 0(zero)
	.balign 4, 0
prog_fault_end:
`;
		const built = buildGuestWithWorkload(source);
		expect(built.diagnostics).toEqual([]);
		const pv = buildGuestWithWorkload(source, { pv: true });
		expect(pv.diagnostics).toEqual([]);
		const results = [run('native', built.image!), run('hw', built.image!), run('pv', pv.image!)];
		for (const r of results.slice(1)) {
			expect(text(r.output)).toBe(text(results[0].output));
			expect(r.outcome).toEqual(results[0].outcome);
		}
		return results[0];
	}

	/** Check number n: a0 must equal `value` after `code`. */
	const check = (n: number, code: string, value: number) => `
	li s0, ${n}
${code}
	li t0, ${value}
	bne a0, t0, fail`;

	it('returns -1 for bad arguments and keeps working', () => {
		const r = selfTest(
			[
				check(1, 'li a0, 0x80000000\n\tli a1, 4\n\tsys SYS_WRITE', -1), // a kernel buffer
				check(2, 'li a0, USER_HEAP + 0x10000\n\tli a1, 4\n\tsys SYS_WRITE', -1), // not mapped
				check(3, 'li a0, 0x00400000\n\tli a1, 0\n\tsys SYS_WRITE', 0),
				check(4, 'li a0, 0x02000000\n\tsys SYS_MAP', 0),
				check(5, 'li a0, 0x02000000\n\tsys SYS_MAP', -1), // mapped already
				check(6, 'li a0, 0x02000000\n\tsys SYS_UNMAP', 0),
				check(7, 'li a0, 0x02000000\n\tsys SYS_UNMAP', -1), // nothing there
				check(8, 'li a0, 0x02000004\n\tsys SYS_MAP', -1), // not page-aligned
				check(9, 'li a0, 0x80000000\n\tsys SYS_MAP', -1), // not user space
				check(10, 'sys 99', -1), // no such call
				check(11, 'li a0, 1\n\tsys SYS_WAIT', -1), // not a child (ourselves)
				check(12, 'li a0, 3\n\tli a1, 0\n\tsys SYS_SPAWN', -1), // no such program
				check(13, 'sys SYS_GETPID', 1)
			].join('\n')
		);
		expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		expect(text(r.output)).toContain('pid 1 exit 0 checksum 0x00000000\n');
		expect(text(r.output)).toContain('pages in use: 0\n');
	});

	it('reaps a killed child, fills the process table and reuses it', () => {
		const r = selfTest(`
	li s0, 1
	li a0, 2                        # a child that faults: wait() gets exit code -1
	sys SYS_SPAWN
	sys SYS_WAIT
	bnez a0, fail
	li t0, -1
	bne a1, t0, fail
	li s0, 2                        # 7 children that exit at once fill the table (8 entries)
	li s1, 0
1:	li a0, 1
	mv a1, s1
	sys SYS_SPAWN
	bltz a0, fail
	addi s1, s1, 1
	li t0, 7
	bltu s1, t0, 1b
	li s0, 3                        # the 8th does not fit
	li a0, 1
	li a1, 0
	sys SYS_SPAWN
	li t0, -1
	bne a0, t0, fail
	li s0, 4                        # reap them: pids 3…9, exit codes 0…6
	li s1, 0
2:	addi a0, s1, 3
	sys SYS_WAIT
	bnez a0, fail
	bne a1, s1, fail
	addi s1, s1, 1
	li t0, 7
	bltu s1, t0, 2b
	li s0, 5                        # and there is room again: pid 10
	li a0, 1
	li a1, 0
	sys SYS_SPAWN
	li t0, 10
	bne a0, t0, fail
	sys SYS_WAIT
	bnez a0, fail`);
		expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		expect(text(r.output)).toBe(
			'kernel: workload selftest\n' +
				'pid 1 exit 0 checksum 0x00000000\n' +
				'kernel: all processes have exited, pages in use: 0\n'
		);
	});

	it('stops with a panic message when the kernel itself traps', () => {
		// A program table pointing outside the kernel's mappings: copying it faults in S-mode.
		const built = buildGuestWithWorkload(`
	.data
	.balign 4
programs:
	.word 1
	.word 0x70000000, 0x70000010
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "broken"
`);
		expect(built.diagnostics).toEqual([]);
		for (const mode of ['native', 'hw', 'pv'] as const) {
			const img =
				mode === 'pv'
					? buildGuestWithWorkload(built.files['workloads/custom.s'], { pv: true }).image!
					: built.image!;
			const r = run(mode, img);
			expect(r.outcome).toEqual({ kind: 'exit', exitCode: 1, how: 'SBI system reset' });
			expect(text(r.output)).toMatch(
				/^kernel: workload broken\nkernel panic: trap in the kernel, scause 0x0000000d sepc 0x80[0-9a-f]{6} stval 0x70000000\n$/
			);
		}
	});

	it('kills a process that faults outside its regions, and reports it at the end', () => {
		const r = selfTest(`
	li a0, 2                        # a child left unreaped: the kernel reports it
	li a1, 0
	sys SYS_SPAWN
	li t0, 0x02000000               # then a load from an unmapped page outside the demand region
	lw t0, 0(t0)`);
		expect(r.outcome).toEqual({ kind: 'exit', exitCode: 1, how: 'SBI system reset' });
		expect(text(r.output)).toBe(
			'kernel: workload selftest\n' +
				'pid 1 killed: scause 13 stval 0x02000000\n' +
				'pid 2 killed: scause 15 stval 0x00000000\n' +
				'kernel: all processes have exited, pages in use: 0\n'
		);
	});
});
