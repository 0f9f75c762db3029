/**
 * The SBI firmware interface (sbi.ts), with the RISC-V Supervisor Binary Interface v2.0 as the
 * oracle: §3 (binary encoding, errors), §4 (base), §5 (legacy console), §6 (TIME), §10 (SRST).
 * The first part calls sbiCall directly; the last runs a kernel that calls the firmware in every
 * mode, to check the calling convention at the register level.
 */
import { describe, expect, it } from 'vitest';
import {
	SBI_IMPL_ID,
	SBI_IMPL_VERSION,
	SBI_SPEC_VERSION,
	Sbi,
	SbiError,
	sbiCall,
	type SbiPlatform
} from '../../../../src/lib/emulator/vmm/sbi.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { runVm } from '../../../../src/lib/emulator/vmm/vm.ts';

const BASE = 0x10;
const TIME = 0x54494d45;
const SRST = 0x53525354;
// Extensions of SBI v2.0 this firmware does not provide (§7 IPI, §8 RFENCE, §9 HSM, §11 PMU, §12 DBCN).
const ABSENT = [
	0x735049, 0x52464e43, 0x48534d, 0x504d55, 0x4442434e, 0x53555350, 0x43505043, 0x00, 0x08
];

function fakePlatform(input: number[] = []) {
	const log = {
		out: [] as number[],
		timers: [] as number[],
		shutdowns: [] as number[]
	};
	const platform: SbiPlatform = {
		putchar: (b) => log.out.push(b),
		getchar: () => (input.length > 0 ? input.shift()! : -1),
		setTimer: (d) => log.timers.push(d),
		shutdown: (code) => log.shutdowns.push(code),
		machineIds: [0x489, 0x8000_0007, 0x2024]
	};
	return { platform, log };
}

/** a0..a7 for a call with extension `eid`, function `fid` and arguments in a0… */
function regs(eid: number, fid: number, ...args: number[]): number[] {
	const a = [0, 0, 0, 0, 0, 0, fid, eid];
	args.forEach((v, i) => (a[i] = v));
	return a;
}

describe('SBI error codes (§3, Table 1)', () => {
	it('uses the standard values', () => {
		expect(SbiError).toMatchObject({ success: 0, failed: -1, notSupported: -2, invalidParam: -3 });
	});
});

describe('base extension (EID 0x10, §4)', () => {
	it('get_spec_version reports 2.0: minor in bits 23:0, major in 30:24, bit 31 zero', () => {
		const { platform } = fakePlatform();
		const r = sbiCall(regs(BASE, 0), platform);
		expect(r.a0).toBe(SbiError.success);
		expect(r.a1).toBe(0x0200_0000);
		expect(SBI_SPEC_VERSION).toBe(0x0200_0000);
		expect(r.a1! >>> 31).toBe(0);
		expect((r.a1! >>> 24) & 0x7f).toBe(2);
		expect(r.a1! & 0xffffff).toBe(0);
	});

	it('get_impl_id and get_impl_version succeed; the id claims no registered implementation (0–11)', () => {
		const { platform } = fakePlatform();
		const id = sbiCall(regs(BASE, 1), platform);
		expect(id).toMatchObject({ a0: 0, a1: SBI_IMPL_ID });
		expect(SBI_IMPL_ID).toBeGreaterThan(11);
		expect(sbiCall(regs(BASE, 2), platform)).toMatchObject({ a0: 0, a1: SBI_IMPL_VERSION });
	});

	it('probe_extension answers 1 for base, TIME, SRST and the legacy console, 0 for the rest', () => {
		const { platform } = fakePlatform();
		for (const eid of [BASE, TIME, SRST, 0x01, 0x02])
			expect(sbiCall(regs(BASE, 3, eid), platform), `0x${eid.toString(16)}`).toMatchObject({
				a0: 0,
				a1: 1
			});
		for (const eid of ABSENT)
			expect(sbiCall(regs(BASE, 3, eid), platform), `0x${eid.toString(16)}`).toMatchObject({
				a0: 0,
				a1: 0
			});
	});

	it('probe_extension takes the id as a signed long: a negative register value is a 32-bit id', () => {
		const { platform } = fakePlatform();
		expect(sbiCall(regs(BASE, 3, -1), platform)).toMatchObject({ a0: 0, a1: 0 });
		expect(sbiCall(regs(BASE, 3, TIME | 0), platform)).toMatchObject({ a0: 0, a1: 1 });
	});

	it('get_mvendorid, get_marchid and get_mimpid return the platform’s ids', () => {
		const { platform } = fakePlatform();
		expect(sbiCall(regs(BASE, 4), platform)).toMatchObject({ a0: 0, a1: 0x489 });
		expect(sbiCall(regs(BASE, 5), platform)).toMatchObject({ a0: 0, a1: 0x8000_0007 });
		expect(sbiCall(regs(BASE, 6), platform)).toMatchObject({ a0: 0, a1: 0x2024 });
	});

	it('an unknown base function answers SBI_ERR_NOT_SUPPORTED', () => {
		const { platform } = fakePlatform();
		for (const fid of [7, 8, 0x100, -1])
			expect(sbiCall(regs(BASE, fid), platform).a0).toBe(SbiError.notSupported);
	});
});

describe('legacy console (EIDs 0x01, 0x02, §5)', () => {
	it('putchar writes the low byte of a0, returns 0 in a0 and nothing in a1; a6 is ignored', () => {
		const { platform, log } = fakePlatform();
		const r = sbiCall(regs(Sbi.legacyConsolePutchar, 0, 0x141), platform);
		expect(r.a0).toBe(0);
		expect(r.a1).toBeUndefined(); // "Nothing is returned in a1"
		sbiCall(regs(0x01, 0x1234, 0x42), platform); // FID ignored for legacy extensions
		expect(log.out).toEqual([0x41, 0x42]);
	});

	it('getchar returns the next byte, then -1 when nothing is waiting', () => {
		const { platform } = fakePlatform([0x61, 0xff]);
		const first = sbiCall(regs(Sbi.legacyConsoleGetchar, 0), platform);
		expect(first.a0).toBe(0x61);
		expect(first.a1).toBeUndefined(); // nothing is returned in a1
		expect(sbiCall(regs(0x02, 9), platform).a0).toBe(0xff);
		expect(sbiCall(regs(0x02, 0), platform).a0).toBe(-1);
	});
});

describe('TIME extension (§6)', () => {
	it('set_timer takes a 64-bit deadline, low half in a0 and high half in a1 on RV32', () => {
		const { platform, log } = fakePlatform();
		expect(sbiCall(regs(TIME, 0, 0x2345_6789, 0x1), platform)).toMatchObject({ a0: 0 });
		expect(sbiCall(regs(TIME, 0, 0x8000_0000 | 0, 0), platform)).toMatchObject({ a0: 0 });
		expect(sbiCall(regs(TIME, 0, -1, 0x7f), platform)).toMatchObject({ a0: 0 });
		expect(log.timers).toEqual([0x1_2345_6789, 0x8000_0000, 0x7f_ffff_ffff]);
	});

	it('set_timer((uint64_t)-1), "infinitely far into the future", asks for a deadline at least 2^64 − 1', () => {
		const { platform, log } = fakePlatform();
		sbiCall(regs(TIME, 0, -1, -1), platform);
		expect(log.timers[0]).toBeGreaterThanOrEqual(2 ** 64 - 1);
	});

	it('an unknown TIME function answers SBI_ERR_NOT_SUPPORTED and arms nothing', () => {
		const { platform, log } = fakePlatform();
		expect(sbiCall(regs(TIME, 1, 5, 0), platform).a0).toBe(SbiError.notSupported);
		expect(log.timers).toEqual([]);
	});
});

describe('SRST extension (§10)', () => {
	it('shutdown with no reason ends the run with status 0', () => {
		const { platform, log } = fakePlatform();
		sbiCall(regs(SRST, 0, 0, 0), platform);
		expect(log.shutdowns).toEqual([0]);
	});

	it('reason "system failure" (1) ends the run with status 1', () => {
		const { platform, log } = fakePlatform();
		sbiCall(regs(SRST, 0, 0, 1), platform);
		expect(log.shutdowns).toEqual([1]);
	});

	it('cold (1) and warm (2) reboots end the run too (nothing to boot again in a lab run)', () => {
		for (const type of [1, 2]) {
			const { platform, log } = fakePlatform();
			sbiCall(regs(SRST, 0, type, 0), platform);
			expect(log.shutdowns, `type ${type}`).toEqual([0]);
			const failed = fakePlatform();
			sbiCall(regs(SRST, 0, type, 1), failed.platform);
			expect(failed.log.shutdowns, `type ${type}, system failure`).toEqual([1]);
		}
	});

	it('a reserved or unimplemented platform-specific reset type answers SBI_ERR_INVALID_PARAM and does not reset', () => {
		for (const type of [3, 0x1000, 0xefff_ffff, 0xf000_0000, -1]) {
			const { platform, log } = fakePlatform();
			expect(
				sbiCall(regs(SRST, 0, type, 0), platform).a0,
				`type 0x${(type >>> 0).toString(16)}`
			).toBe(SbiError.invalidParam);
			expect(log.shutdowns).toEqual([]);
		}
	});

	it('a reserved or unimplemented reset reason answers SBI_ERR_INVALID_PARAM and does not reset', () => {
		// §10.1, Table "SRST System Reset Errors": "At least one of reset_type or reset_reason is
		// reserved or is platform-specific and unimplemented." Reasons 2–0xDFFFFFFF are reserved;
		// 0xE0000000 up are implementation or vendor specific, and this firmware defines none.
		for (const reason of [2, 0x1234, 0xdfff_ffff, 0xe000_0000, 0xf000_0000]) {
			const { platform, log } = fakePlatform();
			expect(
				sbiCall(regs(SRST, 0, 0, reason), platform).a0,
				`reason 0x${reason.toString(16)}`
			).toBe(SbiError.invalidParam);
			expect(log.shutdowns).toEqual([]);
		}
	});

	it('an unknown SRST function answers SBI_ERR_NOT_SUPPORTED', () => {
		const { platform, log } = fakePlatform();
		expect(sbiCall(regs(SRST, 1, 0, 0), platform).a0).toBe(SbiError.notSupported);
		expect(log.shutdowns).toEqual([]);
	});
});

describe('unknown extensions (§3)', () => {
	it('answer SBI_ERR_NOT_SUPPORTED, including the legacy calls this firmware leaves out', () => {
		const { platform, log } = fakePlatform();
		for (const eid of [...ABSENT, 0x03, 0x0f, 0x0a000000, 0x7fffffff, -1])
			expect(sbiCall(regs(eid, 0, 1, 2), platform).a0, `0x${(eid >>> 0).toString(16)}`).toBe(
				SbiError.notSupported
			);
		expect(log).toEqual({ out: [], timers: [], shutdowns: [] });
	});
});

// ---- through the machine, in every mode --------------------------------------------------------

/**
 * A kernel that makes SBI calls and prints, through the legacy console, what came back in a0 and
 * a1 and whether the registers the convention says are preserved still hold their values.
 */
const CALLS_KERNEL = `
	.option norvc
	.text
	.globl _start
_start:
	# Every register but a0 and a1 is preserved by an SBI call; legacy calls also preserve a1.
	li s0, 0x5a5a0001
	li a2, 0x5a5a0002
	li a3, 0x5a5a0003
	li a4, 0x5a5a0004
	li a5, 0x5a5a0005
	li t0, 0x5a5a0006

	li a7, 0x10; li a6, 0; call sbi_report      # get_spec_version
	li a7, 0x10; li a6, 3; li a0, 0x54494d45; call sbi_report   # probe TIME
	li a7, 0x10; li a6, 3; li a0, 0x4442434e; call sbi_report   # probe DBCN (absent)
	li a7, 0x10; li a6, 9; call sbi_error       # unknown base function
	li a7, 0x0a000001; li a6, 0; call sbi_error    # unknown extension
	li a7, 0x53525354; li a6, 0; li a0, 7; li a1, 0; call sbi_error    # reserved reset type

	# legacy putchar: a1 must survive
	li a1, 0x0badcafe
	li a0, '!'
	li a7, 1
	ecall
	mv s1, a0                 # return value of putchar
	mv s2, a1
	li a0, ' '; li a7, 1; ecall
	mv a0, s1; call puthex
	li a0, ' '; li a7, 1; ecall
	mv a0, s2; call puthex
	li a0, '\\n'; li a7, 1; ecall

	call check_preserved
	li a7, 0x53525354; li a6, 0; li a0, 0; li a1, 0
	ecall
1:	j 1b

# ecall with a7/a6/a0/a1 as set; prints "a0 a1\\n"
sbi_report:
	mv s3, ra
	ecall
	mv s1, a0
	mv s2, a1
	mv a0, s1; call puthex
	li a0, ' '; li a7, 1; ecall
	mv a0, s2; call puthex
	li a0, '\\n'; li a7, 1; ecall
	mv ra, s3
	ret

# ecall with a7/a6/a0/a1 as set; prints "a0\\n" (a1 is unspecified on error)
sbi_error:
	mv s3, ra
	ecall
	call puthex
	li a0, '\\n'; li a7, 1; ecall
	mv ra, s3
	ret

check_preserved:
	li t1, 0x5a5a0001; bne s0, t1, bad
	li t1, 0x5a5a0002; bne a2, t1, bad
	li t1, 0x5a5a0003; bne a3, t1, bad
	li t1, 0x5a5a0004; bne a4, t1, bad
	li t1, 0x5a5a0005; bne a5, t1, bad
	li t1, 0x5a5a0006; bne t0, t1, bad
	li a0, 'P'; li a7, 1; ecall
	li a0, '\\n'; li a7, 1; ecall
	ret
bad:
	li a0, 'X'; li a7, 1; ecall
	li a0, '\\n'; li a7, 1; ecall
	ret

# prints a0 as 8 hex digits through the legacy console; clobbers a0, a7, t2, t3, t4
puthex:
	mv t4, a0
	li t2, 28
2:	srl a0, t4, t2
	andi a0, a0, 15
	li t3, 10
	blt a0, t3, 3f
	addi a0, a0, 39
3:	addi a0, a0, 48
	li a7, 1
	ecall
	addi t2, t2, -4
	bgez t2, 2b
	ret
`;

describe('SBI calls from a kernel, in every mode', () => {
	const assembled = assemble(CALLS_KERNEL);

	it('assembles', () => {
		expect(assembled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	for (const mode of ['native', 'trap', 'hw'] as const) {
		it(`${mode}: returns error and value in a0/a1, preserves the other registers, leaves a1 alone for legacy calls`, () => {
			const result = runVm({ mode, kernel: { image: assembled.image! }, maxInsns: 200_000 });
			expect(result.ok).toBe(true);
			if (!result.ok) return;
			expect(result.run.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
			expect(new TextDecoder().decode(result.run.output)).toBe(
				[
					'00000000 02000000', // get_spec_version: success, 2.0
					'00000000 00000001', // probe TIME: present
					'00000000 00000000', // probe DBCN: absent
					'fffffffe', // unknown base function: SBI_ERR_NOT_SUPPORTED (a1 unspecified)
					'fffffffe', // unknown extension: SBI_ERR_NOT_SUPPORTED
					'fffffffd', // reserved reset type: SBI_ERR_INVALID_PARAM, and the run goes on
					'! 00000000 0badcafe', // legacy putchar: a0 = 0, a1 preserved
					'P', // s0, a2–a5, t0 preserved by every call
					''
				].join('\n')
			);
		});
	}
});

/** Reads three bytes with legacy getchar and echoes them with putchar, '.' for -1 (none waiting). */
const GETCHAR_KERNEL = `
	.option norvc
	.text
	.globl _start
_start:
	li s0, 3
1:	li a7, 2
	ecall
	bgez a0, 2f
	li a0, '.'
2:	li a7, 1
	ecall
	addi s0, s0, -1
	bnez s0, 1b
	li a7, 0x53525354; li a6, 0; li a0, 0; li a1, 0
	ecall
3:	j 3b
`;

describe('legacy getchar from a kernel, in every mode', () => {
	const image = assemble(GETCHAR_KERNEL).image!;
	for (const mode of ['native', 'trap', 'hw'] as const) {
		it(`${mode}: reads the run’s console input, then -1`, () => {
			const result = runVm({ mode, kernel: { image }, maxInsns: 100_000, input: [0x6f, 0x6b] });
			expect(result.ok && new TextDecoder().decode(result.run.output)).toBe('ok.');
		});
	}
});
