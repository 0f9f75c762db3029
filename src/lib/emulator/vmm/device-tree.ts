/**
 * The device tree every guest is given, describing the machine as QEMU `virt` does for one RV32
 * hart: RAM, the CPU with its Sv32 MMU and 10 MHz timebase, the UART and the test finisher. A
 * kernel reads it to find its memory and console; nothing here depends on the mode, so the guest
 * cannot tell native from virtual by it.
 */
import type { FdtNode } from './fdt.ts';
import { FINISHER_BASE, RAM_BASE as GUEST_RAM_BASE, UART_BASE } from '../machine/constants.ts';

/** mtime ticks per second: QEMU virt's timebase (10 MHz). */
export const TIMEBASE_FREQUENCY = 10_000_000;

/** A 64-bit address or size as two cells (#address-cells = #size-cells = 2, as on QEMU virt). */
const cells64 = (v: number) => [Math.floor(v / 2 ** 32), v >>> 0];

export function guestDeviceTree(ramSize: number): FdtNode {
	return {
		name: '',
		props: {
			'#address-cells': [2],
			'#size-cells': [2],
			compatible: 'riscv-virtio',
			model: 'riscv-virtio,qemu'
		},
		children: [
			{ name: 'chosen', props: { 'stdout-path': `/soc/serial@${hexName(UART_BASE)}` } },
			{
				name: `memory@${hexName(GUEST_RAM_BASE)}`,
				props: {
					device_type: 'memory',
					reg: [...cells64(GUEST_RAM_BASE), ...cells64(ramSize)]
				}
			},
			{
				name: 'cpus',
				props: {
					'#address-cells': [1],
					'#size-cells': [0],
					'timebase-frequency': [TIMEBASE_FREQUENCY]
				},
				children: [
					{
						name: 'cpu@0',
						props: {
							device_type: 'cpu',
							reg: [0],
							status: 'okay',
							compatible: 'riscv',
							'riscv,isa': 'rv32ima_zicsr_zifencei',
							'mmu-type': 'riscv,sv32'
						},
						children: [
							{
								name: 'interrupt-controller',
								props: {
									'#interrupt-cells': [1],
									'interrupt-controller': null,
									compatible: 'riscv,cpu-intc'
								}
							}
						]
					}
				]
			},
			{
				name: 'soc',
				props: {
					'#address-cells': [2],
					'#size-cells': [2],
					compatible: 'simple-bus',
					ranges: null
				},
				children: [
					{
						name: `serial@${hexName(UART_BASE)}`,
						props: {
							compatible: 'ns16550a',
							reg: [...cells64(UART_BASE), ...cells64(0x100)],
							'clock-frequency': [0x384000]
						}
					},
					{
						name: `test@${hexName(FINISHER_BASE)}`,
						props: {
							compatible: ['sifive,test1', 'sifive,test0', 'syscon'],
							reg: [...cells64(FINISHER_BASE), ...cells64(0x1000)]
						}
					}
				]
			}
		]
	};
}

function hexName(v: number): string {
	return (v >>> 0).toString(16);
}
