/**
 * The monitor's own memory: the first MONITOR_SIZE bytes of host RAM, handed out a page at a time
 * for the tables the monitor builds (G-stage tables, shadow page tables). Pages are never given
 * back; a run that needs more than there is ends with a clear message.
 */
import { RAM_BASE } from '../machine/constants.ts';
import type { Machine } from '../machine/machine.ts';
import { MONITOR_SIZE } from './guest-memory.ts';

export class MonitorMemory {
	private next = RAM_BASE;

	constructor(private readonly machine: Machine) {}

	/** Host physical address of `pages` zeroed pages aligned to `align` bytes. */
	allocate(pages = 1, align = 4096): number {
		const at = Math.ceil(this.next / align) * align;
		if (at + pages * 4096 > RAM_BASE + MONITOR_SIZE)
			throw new MonitorOutOfMemory(
				`the monitor's ${MONITOR_SIZE >> 20} MiB for its tables are used up`
			);
		this.next = at + pages * 4096;
		return at; // zero already: the monitor's memory is never handed out twice
	}

	/** Whole pages not yet handed out. */
	pagesLeft(): number {
		return Math.floor((RAM_BASE + MONITOR_SIZE - this.next) / 4096);
	}

	read32(hpa: number): number {
		return this.machine.readWord(hpa) ?? 0;
	}

	write32(hpa: number, v: number): void {
		this.machine.writeWord(hpa, v);
	}
}

export class MonitorOutOfMemory extends Error {}
