/** One-line texts for `virtlab run`: stop reasons and trace events. */
import { EXCEPTION_NAMES, INTERRUPT_NAMES } from '../../lib/emulator/machine/cause-names.ts';
import type { StopReason, TraceEvent, TrapSite } from '../../lib/emulator/machine/types.ts';

const hex = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

const MODES = ['U', 'S', '?', 'M'];

export function causeName(cause: number, interrupt: boolean): string {
	return (interrupt ? INTERRUPT_NAMES[cause] : EXCEPTION_NAMES[cause]) ?? `cause ${cause}`;
}

/** What a run did: instructions retired and traps entered, by cause as MachineStats counts them. */
export interface RunCounts {
	instructions: number;
	trapsByCause: Record<string, number>;
}

export function describeStop(
	stop: StopReason,
	pc: number,
	budget: number,
	counts: RunCounts
): string {
	switch (stop.kind) {
		case 'halted':
			return `halted with exit code ${stop.exitCode}`;
		case 'budget':
			return `budget of ${budget} spent at pc ${hex(pc)} (raise it with --max-insns)${budgetBreakdown(counts)}`;
		case 'breakpoint':
			return `breakpoint at ${hex(stop.pc)}`;
		case 'hostTrap':
			return `trap to the host: ${causeName(stop.trap.cause, stop.trap.interrupt)} at pc ${hex(stop.trap.pc)}`;
		case 'machineError':
			return `machine error: ${stop.message}`;
		case 'trapLoop': {
			const site = (t: TrapSite) =>
				`${causeName(t.cause, t.interrupt)} at pc ${hex(t.pc)} (tval ${hex(t.tval)})`;
			const { first, repeating } = stop;
			const lead =
				first.cause === repeating.cause && first.pc === repeating.pc ? '' : `${site(first)}, then `;
			return `trap loop: ${lead}${site(repeating)} again and again without an instruction retiring: the trap handler itself traps (is the trap vector set?)`;
		}
	}
}

/**
 * The budget counts instructions and trap entries alike, so say how it was spent. At one trap or
 * more for every two instructions the guest is probably stuck in a handler that faults again.
 */
function budgetBreakdown(counts: RunCounts): string {
	const causes = Object.entries(counts.trapsByCause).sort((a, b) => b[1] - a[1]);
	const traps = causes.reduce((sum, [, n]) => sum + n, 0);
	if (traps === 0) return '';
	const [key, n] = causes[0];
	const interrupt = key.startsWith('interrupt ');
	const name = causeName(Number(key.replace('interrupt ', '')), interrupt);
	const stuck =
		traps * 2 >= counts.instructions ? '; a trap handler that faults again loops like this' : '';
	return `: ${counts.instructions} instructions retired, ${traps} traps entered (most: ${n} × ${name})${stuck}`;
}

export function formatTraceEvent(e: TraceEvent): string {
	switch (e.kind) {
		case 'trap': {
			const t = e.trap;
			const from = (t.virt ? 'V' : '') + MODES[t.priv];
			return `trap #${e.instret} ${causeName(t.cause, t.interrupt)} (${t.interrupt ? 'interrupt ' : ''}${t.cause}) pc ${hex(t.pc)} tval ${hex(t.tval)}${t.htval ? ` htval ${hex(t.htval)}` : ''}${t.htinst ? ` htinst ${hex(t.htinst)}` : ''} ${from} -> ${e.target}`;
		}
		case 'tlbMiss':
			return `tlb miss ${e.access} va ${hex(e.va)}${e.virt ? ' (V=1)' : ''}`;
		case 'walk':
			return `  walk ${e.stage} level ${e.level} pte @ ${'0x' + e.pteAddr.toString(16)} = ${hex(e.pte)}`;
	}
}
