/**
 * The memory dashboard's VMs: three guests of 8 GiB (24 GiB in all) on a host whose size the student
 * sets, as in examples/models/memory.json:
 * - web: busy (60% of its memory active), 30% of its pages duplicates of other guests';
 * - idle: a guest that touches only 5% of its memory, also 30% sharable;
 * - batch: starts at 30 s with 20% active, grows to 80% at 120 s; 10% sharable.
 * Model choices as in the engine: balloon 64 MiB/s per VM up to 65% of the VM, swap-in 5 ms.
 */
import type { MemoryConfigInput } from '../../sim/memory/config.ts';

export interface MemoryControls {
	hostGiB: number;
	tau: number;
	balloon: boolean;
	sharing: boolean;
	/** KSM pages_to_scan per 20 ms wake-up. */
	pagesToScan: number;
}

export const VM_MEMORY_MB = 8192;
export const VM_NAMES = ['web', 'idle', 'batch'] as const;
/** Memory the hypervisor keeps for itself, as in the example configuration. */
export const RESERVED_MB = 512;

export function memoryConfig(controls: MemoryControls): MemoryConfigInput {
	return {
		host: { memoryMB: controls.hostGiB * 1024, reservedMB: RESERVED_MB },
		durationSeconds: 300,
		stepSeconds: 1,
		vms: [
			{
				name: 'web',
				memoryMB: VM_MEMORY_MB,
				sharablePercent: 30,
				phases: [{ atSeconds: 0, activePercent: 60 }]
			},
			{
				name: 'idle',
				memoryMB: VM_MEMORY_MB,
				sharablePercent: 30,
				phases: [{ atSeconds: 0, activePercent: 5 }]
			},
			{
				name: 'batch',
				memoryMB: VM_MEMORY_MB,
				sharablePercent: 10,
				startSeconds: 30,
				phases: [
					{ atSeconds: 0, activePercent: 20 },
					{ atSeconds: 120, activePercent: 80 }
				]
			}
		],
		ksm: { enabled: controls.sharing, pagesToScan: controls.pagesToScan, sleepMs: 20 },
		balloon: { enabled: controls.balloon, rateMBps: 64, maxPercent: 65 },
		idleTax: { tau: controls.tau }
	};
}

/** Guest memory configured per host memory: 1.5 for 24 GiB of VMs on a 16 GiB host. */
export function memoryOvercommit(hostGiB: number): number {
	return (VM_NAMES.length * VM_MEMORY_MB) / (hostGiB * 1024);
}
