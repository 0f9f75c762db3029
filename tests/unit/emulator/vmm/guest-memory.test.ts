/**
 * Guest memory layout and loading (guest-memory.ts). The device tree goes where QEMU `virt` puts
 * it for a 32-bit hart (hw/riscv/boot.c, riscv_compute_fdt_addr): the highest 2 MiB-aligned address
 * that leaves room for the blob below the end of RAM (or 3 GiB, whichever is lower). Devicetree
 * spec v0.4 §5.1: the blob must be 8-byte aligned.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import {
	DEFAULT_GUEST_RAM,
	MAX_GUEST_RAM,
	MIN_GUEST_RAM,
	MONITOR_SIZE,
	gpaToHpa,
	guestMemory,
	loadGuest,
	type KernelImage
} from '../../../../src/lib/emulator/vmm/guest-memory.ts';
import { fdtBlob } from '../../../../src/lib/emulator/vmm/fdt.ts';
import { guestDeviceTree } from '../../../../src/lib/emulator/vmm/device-tree.ts';
import { parseFdt, nodeAt, prop, cells } from '../../../helpers/fdt.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { writeElf } from '../../../../src/lib/emulator/elf/write.ts';

const MiB = 1 << 20;
const image = (
	sections: { address: number; bytes: Uint8Array; name?: string }[],
	entry = sections[0].address
): KernelImage => ({
	image: { sections, entry }
});
const tiny = () =>
	image([{ name: '.text', address: 0x80000000, bytes: new Uint8Array([0x6f, 0, 0, 0]) }]);

function load(ram: number, monitored: boolean, kernel: KernelImage = tiny()) {
	const machine = new Machine({ ramSize: ram + (monitored ? MONITOR_SIZE : 0) });
	const mem = guestMemory(ram, monitored);
	return { machine, mem, result: loadGuest(machine, mem, kernel) };
}

/** QEMU's placement for an RV32 guest. */
const qemuFdtAddress = (ram: number, size: number) => {
	const end = Math.min(0x80000000 + ram, 3 * 1024 * MiB);
	return Math.floor((end - size) / (2 * MiB)) * (2 * MiB);
};

describe('sizes', () => {
	it('default to 128 MiB, as QEMU virt, from 4 MiB to 2 GiB less the monitor', () => {
		expect(DEFAULT_GUEST_RAM).toBe(128 * MiB);
		expect(MIN_GUEST_RAM).toBe(4 * MiB);
		expect(MAX_GUEST_RAM + MONITOR_SIZE).toBe(2 ** 31);
		expect(MONITOR_SIZE % (4 * MiB)).toBe(0);
	});
});

describe('loadGuest', () => {
	it('puts the device tree where QEMU would: 2 MiB aligned, as high as it fits', () => {
		for (const ram of [8 * MiB, 128 * MiB, 1024 * MiB]) {
			const { result } = load(ram, false);
			expect(result.ok).toBe(true);
			if (!result.ok) continue;
			const size = fdtBlob(guestDeviceTree(ram)).length;
			expect(result.booted.fdt.toString(16), `${ram / MiB} MiB`).toBe(
				qemuFdtAddress(ram, size).toString(16)
			);
		}
	});

	it('boots a small kernel in the smallest guest (MIN_GUEST_RAM)', () => {
		const { result } = load(MIN_GUEST_RAM, true);
		expect(result.ok ? 'ok' : result.error).toBe('ok');
	});

	for (const monitored of [false, true])
		it(`writes the blob at the device tree's guest physical address (${monitored ? 'under a monitor' : 'native'}), 8-byte aligned, inside guest RAM`, () => {
			const ram = 16 * MiB;
			const { machine, mem, result } = load(ram, monitored);
			if (!result.ok) throw new Error(result.error);
			const { fdt, entry } = result.booted;
			expect(entry).toBe(0x80000000);
			expect(fdt % 8).toBe(0);
			expect(fdt).toBeGreaterThanOrEqual(0x80000000);
			const blob = fdtBlob(guestDeviceTree(ram));
			expect(fdt + blob.length).toBeLessThanOrEqual(0x80000000 + ram);
			const read = machine.readMemory(gpaToHpa(mem, fdt), blob.length)!;
			expect(Buffer.from(read)).toEqual(Buffer.from(blob));
			const memory = nodeAt(parseFdt(read).root, '/memory@80000000')!;
			expect(cells(prop(memory, 'reg')!)).toEqual([0, 0x80000000, 0, ram]);
		});

	it('copies the kernel to host memory at hpaBase under a monitor, and zero-fills an ELF’s bss', () => {
		const asm = assemble(
			'\t.option norvc\n\t.text\n\t.globl _start\n_start:\n\tj _start\n\t.data\n\t.word 0x11223344\n\t.bss\nzeros:\t.zero 64\n'
		).image!;
		const elf = writeElf(asm);
		const machine = new Machine({ ramSize: 8 * MiB + MONITOR_SIZE });
		const mem = guestMemory(8 * MiB, true);
		const bss = asm.sections.find((s) => s.kind === 'bss')!;
		machine.writeMemory(gpaToHpa(mem, bss.address), new Uint8Array(64).fill(0xee)); // garbage first
		const result = loadGuest(machine, mem, { elf });
		expect(result.ok).toBe(true);
		const text = asm.sections.find((s) => s.name === '.text')!;
		expect(
			Buffer.from(machine.readMemory(gpaToHpa(mem, text.address), text.bytes.length)!)
		).toEqual(Buffer.from(text.bytes));
		expect(machine.readWord(0x80000000)).toBe(0); // the monitor's memory is left alone
		expect([...machine.readMemory(gpaToHpa(mem, bss.address), 64)!].every((b) => b === 0)).toBe(
			true
		);
	});

	it('refuses sections outside guest RAM and entry points that are not words in it, in one line', () => {
		const cases: KernelImage[] = [
			image([{ name: '.text', address: 0x7ffff000, bytes: new Uint8Array(8) }], 0x80000000),
			image([{ name: '.text', address: 0x80000000 + 8 * MiB - 4, bytes: new Uint8Array(8) }]),
			image([{ name: '.text', address: 0x80000000, bytes: new Uint8Array(8) }], 0x80000002),
			image(
				[{ name: '.text', address: 0x80000000, bytes: new Uint8Array(8) }],
				0x80000000 + 8 * MiB
			)
		];
		for (const k of cases) {
			const { result } = load(8 * MiB, true, k);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.error).not.toMatch(/\n/);
		}
	});

	it('ignores empty sections wherever they are', () => {
		const k = image([
			{ name: '.text', address: 0x80000000, bytes: new Uint8Array(4) },
			{ name: '.empty', address: 0x10, bytes: new Uint8Array(0) }
		]);
		expect(load(8 * MiB, false, k).result.ok).toBe(true);
	});
});
