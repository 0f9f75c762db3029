/**
 * The guest's firmware interface: the part of the RISC-V Supervisor Binary Interface (SBI v2.0)
 * that a kernel booted like Linux on QEMU `virt` needs. In native mode the host plays the M-mode
 * firmware (as OpenSBI would); in the virtualized modes the VMM plays it, and every call is a VM
 * exit (an ECALL from VS-mode in hw mode, from U-mode in trap and pv modes).
 *
 * Calling convention (SBI v2.0 §3): a7 = extension id (EID), a6 = function id (FID), arguments in
 * a0–a5; the call returns an error code in a0 and a value in a1. The legacy console extensions
 * (§5) return their result in a0 alone.
 */

/** Extension ids (SBI v2.0 §4, §5, §6, §10). */
export const Sbi = {
	legacyConsolePutchar: 0x01,
	legacyConsoleGetchar: 0x02,
	base: 0x10,
	time: 0x54494d45, // "TIME"
	systemReset: 0x53525354, // "SRST"
	/** VirtLab's paravirtual hypercalls, in the experimental extension space 0x08000000–0x08FFFFFF (§3). */
	virtlab: 0x0800564c // "VL"
} as const;

/** Standard error codes (SBI v2.0 §3, Table 1). */
export const SbiError = {
	success: 0,
	failed: -1,
	notSupported: -2,
	invalidParam: -3
} as const;

/** Our implementation id and version, as the base extension reports them (§4.2, §4.3). */
export const SBI_IMPL_ID = 0x564c; // not in the SBI registry: a teaching firmware
export const SBI_IMPL_VERSION = 1;
/** SBI specification 2.0: major in bits 30:24, minor in bits 23:0 (§4.1). */
export const SBI_SPEC_VERSION = (2 << 24) | 0;

/** What the firmware does on the machine's behalf, so the same code serves native and VMM. */
export interface SbiPlatform {
	putchar(byte: number): void;
	/** The next input byte, or -1 when none is waiting. */
	getchar(): number;
	/** Arms the supervisor timer for `deadline` (in mtime ticks) and clears a pending one. */
	setTimer(deadline: number): void;
	/** Ends the run with an exit status (SRST shutdown: 0, or 1 for "system failure"). */
	shutdown(exitCode: number): void;
	/** mvendorid, marchid, mimpid as the base extension reports them. */
	machineIds: readonly [number, number, number];
}

/** The outcome of one call: what goes back into a0 (and a1 unless legacy), and a name for traces. */
export interface SbiOutcome {
	a0: number;
	/** Undefined for the legacy extensions, which leave a1 alone. */
	a1?: number;
	/** A short name for the call, e.g. "sbi_set_timer" or "console_putchar". */
	name: string;
}

/** SRST reset types and reasons (§10.1). */
const RESET_SHUTDOWN = 0;
const RESET_COLD = 1;
const RESET_WARM = 2;
const REASON_SYSTEM_FAILURE = 1;

/** Extensions that probe_extension reports as present (§4.4). */
const PRESENT = new Set<number>([
	Sbi.legacyConsolePutchar,
	Sbi.legacyConsoleGetchar,
	Sbi.base,
	Sbi.time,
	Sbi.systemReset
]);

const ok = (name: string, value = 0): SbiOutcome => ({ a0: SbiError.success, a1: value, name });
const err = (name: string, code: number): SbiOutcome => ({ a0: code, a1: 0, name });

/**
 * Performs one SBI call. `a` holds a0..a7 as the guest left them. Unknown extensions and
 * functions answer SBI_ERR_NOT_SUPPORTED, as §3 requires.
 */
export function sbiCall(a: readonly number[], platform: SbiPlatform): SbiOutcome {
	const eid = a[7] >>> 0;
	const fid = a[6] >>> 0;
	switch (eid) {
		case Sbi.legacyConsolePutchar:
			platform.putchar(a[0] & 0xff);
			return { a0: 0, name: 'console_putchar' };
		case Sbi.legacyConsoleGetchar:
			return { a0: platform.getchar(), name: 'console_getchar' };
		case Sbi.base:
			return baseCall(fid, a[0] >>> 0, platform);
		case Sbi.time:
			if (fid !== 0) return err('sbi_time', SbiError.notSupported);
			// RV32 passes the 64-bit deadline in a0 (low half) and a1 (high half) (§6.1).
			platform.setTimer((a[1] >>> 0) * 2 ** 32 + (a[0] >>> 0));
			return ok('sbi_set_timer');
		case Sbi.systemReset: {
			if (fid !== 0) return err('sbi_system_reset', SbiError.notSupported);
			const type = a[0] >>> 0;
			if (type !== RESET_SHUTDOWN && type !== RESET_COLD && type !== RESET_WARM)
				return err('sbi_system_reset', SbiError.invalidParam);
			// Reasons beyond "none" and "system failure" are reserved or implementation-specific,
			// and this firmware implements none of them (§10.1).
			const reason = a[1] >>> 0;
			if (reason > REASON_SYSTEM_FAILURE) return err('sbi_system_reset', SbiError.invalidParam);
			// A reboot ends the run too: there is nothing to boot again in a lab run.
			platform.shutdown(reason === REASON_SYSTEM_FAILURE ? 1 : 0);
			return ok('sbi_system_reset');
		}
		default:
			return err(`sbi_unknown(0x${eid.toString(16)})`, SbiError.notSupported);
	}
}

function baseCall(fid: number, arg: number, platform: SbiPlatform): SbiOutcome {
	switch (fid) {
		case 0:
			return ok('sbi_get_spec_version', SBI_SPEC_VERSION);
		case 1:
			return ok('sbi_get_impl_id', SBI_IMPL_ID);
		case 2:
			return ok('sbi_get_impl_version', SBI_IMPL_VERSION);
		case 3:
			return ok('sbi_probe_extension', PRESENT.has(arg) ? 1 : 0);
		case 4:
		case 5:
		case 6:
			return ok(
				['sbi_get_mvendorid', 'sbi_get_marchid', 'sbi_get_mimpid'][fid - 4],
				platform.machineIds[fid - 4]
			);
		default:
			return err('sbi_base', SbiError.notSupported);
	}
}
