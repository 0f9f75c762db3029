/**
 * Where a guest lives in the host's RAM, and how its kernel gets there.
 *
 * The guest sees the QEMU `virt` map: RAM from guest physical 0x8000_0000, the UART at
 * 0x1000_0000, the test finisher at 0x0010_0000. In native mode guest physical is host physical.
 * Under a monitor the host's RAM starts with the monitor's own 8 MiB (its G-stage and shadow
 * tables), and guest RAM follows, so guest physical address (GPA) 0x8000_0000 is host physical
 * address (HPA) 0x8080_0000: the two kinds of address differ, as they do under any hypervisor.
 */
import { RAM_BASE } from '../machine/constants.ts';
import type { Machine } from '../machine/machine.ts';
import { parseElf } from '../elf/load-elf.ts';
import { placeInRam } from '../elf/place.ts';
import { fdtBlob } from './fdt.ts';
import { guestDeviceTree } from './device-tree.ts';

export const GUEST_RAM_BASE = RAM_BASE;
/** The monitor's own memory at the bottom of host RAM (a multiple of 4 MiB, for megapages). */
export const MONITOR_SIZE = 8 << 20;
export const DEFAULT_GUEST_RAM = 128 << 20;
/** Guest RAM must hold a kernel and its device tree; 2 GiB is the host machine's limit. */
export const MIN_GUEST_RAM = 4 << 20;
export const MAX_GUEST_RAM = 2 ** 31 - MONITOR_SIZE;

export interface GuestMemory {
	/** Bytes of guest RAM. */
	ramSize: number;
	/** Host physical address of guest physical 0x8000_0000. */
	hpaBase: number;
}

export function guestMemory(ramSize: number, monitored: boolean): GuestMemory {
	return { ramSize, hpaBase: monitored ? RAM_BASE + MONITOR_SIZE : RAM_BASE };
}

/** Host physical address of a guest physical address in guest RAM, or -1 outside it. */
export function gpaToHpa(mem: GuestMemory, gpa: number): number {
	const off = gpa - GUEST_RAM_BASE;
	return off >= 0 && off < mem.ramSize ? mem.hpaBase + off : -1;
}

/** A kernel to boot: an ELF file's bytes, or an image from our assembler. */
export type KernelImage =
	| { elf: Uint8Array }
	| {
			image: {
				sections: readonly { name?: string; address: number; bytes: Uint8Array }[];
				entry: number;
			};
	  };

export interface Booted {
	entry: number;
	/** Guest physical address of the device tree (passed in a1). */
	fdt: number;
}

const hex = (v: number) => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

/**
 * The guest's device tree as a blob. It depends on the RAM size only, and every run of a guest
 * loads one, so it is made once per size (encoding its names and strings showed in profiles of the
 * test suite). It is copied into guest RAM and never changed.
 */
const deviceTreeBlobs = new Map<number, Uint8Array>();
function deviceTreeBlob(ramSize: number): Uint8Array {
	let blob = deviceTreeBlobs.get(ramSize);
	if (!blob) deviceTreeBlobs.set(ramSize, (blob = fdtBlob(guestDeviceTree(ramSize))));
	return blob;
}

/**
 * Copies the kernel into guest RAM at its physical addresses and the device tree near the top of
 * guest RAM (2 MiB aligned, as QEMU places it), and checks that neither overlaps the other.
 * Returns a one-line error for anything that cannot boot.
 */
export function loadGuest(
	machine: Machine,
	mem: GuestMemory,
	kernel: KernelImage
): { ok: true; booted: Booted } | { ok: false; error: string } {
	const pieces: { gpa: number; bytes: Uint8Array; zeros: number }[] = [];
	let entry: number;
	if ('elf' in kernel) {
		const parsed = parseElf(kernel.elf);
		if (!parsed.ok) return parsed;
		const placed = placeInRam(parsed.image, GUEST_RAM_BASE, mem.ramSize);
		if (!placed.ok) return placed;
		for (const p of placed.pieces)
			pieces.push({ gpa: GUEST_RAM_BASE + p.offset, bytes: p.bytes, zeros: p.zeros });
		entry = parsed.image.entry >>> 0;
	} else {
		const top = GUEST_RAM_BASE + mem.ramSize;
		for (const s of kernel.image.sections) {
			if (s.bytes.length === 0) continue;
			if (s.address < GUEST_RAM_BASE || s.address + s.bytes.length > top)
				return {
					ok: false,
					error: `section ${s.name ?? ''} at ${hex(s.address)} lies outside guest RAM ${hex(GUEST_RAM_BASE)}–${hex(top)}`
				};
			pieces.push({ gpa: s.address, bytes: s.bytes, zeros: 0 });
		}
		entry = kernel.image.entry >>> 0;
	}
	if (entry & 3 || gpaToHpa(mem, entry) < 0)
		return { ok: false, error: `entry point ${hex(entry)} is not a word in guest RAM` };

	const blob = deviceTreeBlob(mem.ramSize);
	// QEMU's riscv_compute_fdt_addr: ALIGN_DOWN(min(RAM end, 3 GiB) − size, 2 MiB).
	const top = Math.min(GUEST_RAM_BASE + mem.ramSize, 3 * 2 ** 30);
	const fdt = top - blob.length - ((top - blob.length) % (2 << 20));
	const kernelEnd = Math.max(...pieces.map((p) => p.gpa + p.bytes.length + p.zeros));
	if (fdt < kernelEnd)
		return {
			ok: false,
			error: `the kernel (up to ${hex(kernelEnd)}) leaves no room for the device tree at ${hex(fdt)}: give the guest more memory`
		};
	for (const p of pieces) {
		const hpa = gpaToHpa(mem, p.gpa);
		machine.writeMemory(hpa, p.bytes);
		if (p.zeros > 0) machine.writeMemory(hpa + p.bytes.length, new Uint8Array(p.zeros));
	}
	machine.writeMemory(gpaToHpa(mem, fdt), blob);
	return { ok: true, booted: { entry, fdt } };
}
