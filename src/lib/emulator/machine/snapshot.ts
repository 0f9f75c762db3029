/**
 * Snapshots: a structured-clone-able copy of the complete machine state (hart, CSRs, RAM, TLB,
 * devices), for reverse stepping and replay (docs/architecture.md, "Boundaries, and why").
 * Restoring a snapshot forgets the pre-decoded instructions and the host-side TLB, which are caches
 * derived from the state.
 */
import type { Hart } from './hart.ts';
import { flushHostTlb } from '../mmu/host-tlb.ts';
import { forgetDecoded } from './store-notify.ts';

/** Fields that are caches, configuration, host hooks or statistics rather than machine state. */
const NOT_STATE = new Set([
	'ram8',
	'ram16',
	'ramU16',
	'ram32',
	'decodePool',
	'decodePoolUsed',
	'pageSlot',
	'fetchTag',
	'fetchOff',
	'fetchSlot',
	'slow',
	'slowArg',
	'slowOnly',
	// Scratch: the word the slow path is executing, written before every use.
	'insn',
	'fastLoop',
	'pageFlags',
	'readTag',
	'readDelta',
	'writeTag',
	'writeDelta',
	'uart',
	'tlb',
	'trace',
	'traceTraps',
	'traceMmu',
	'breakpoints',
	'pendingHostTrap',
	'trapLoop',
	'stoppedAtBreakpoint',
	'trapCounts',
	'trapEntries',
	'interruptCounts',
	'tlbLookups',
	'tlbMisses',
	'walkRefsS',
	'walkRefsVS',
	'walkRefsG',
	'tlbTags',
	'walkCache',
	'hostTrapsHS',
	'hostTrapsM',
	'ramSize',
	'timeDivisor'
]);

export type Snapshot = Record<string, unknown>;

function copyOf(v: unknown): unknown {
	if (ArrayBuffer.isView(v)) return (v as Int32Array).slice();
	return v;
}

/**
 * The hart's state, copied. `ram: false` leaves RAM out: a debugging session's checkpoints keep RAM
 * as pages shared between checkpoints (session/ram-pages.ts), and copying all of it first, only to
 * keep the few pages that changed, was most of what a checkpoint cost.
 */
export function snapshot(h: Hart, { ram = true } = {}): Snapshot {
	const s: Snapshot = {};
	for (const [key, value] of Object.entries(h)) {
		if (NOT_STATE.has(key) || typeof value === 'function') continue;
		if (key === 'ram' && !ram) continue;
		s[key] = copyOf(value);
	}
	const t = h.tlb;
	s.tlb = {
		vpn: t.vpn.slice(),
		ctx: t.ctx.slice(),
		global: t.global.slice(),
		flags1: t.flags1.slice(),
		flags2: t.flags2.slice(),
		ppn: t.ppn.slice(),
		gppn: t.gppn.slice()
	};
	s.uart = { regs: h.uart.regs.slice(), rx: [...h.uart.rx] };
	s.ramSize = h.ramSize;
	return s;
}

/** Restores a snapshot taken from a machine with the same RAM size and TLB size. */
export function restore(h: Hart, s: Snapshot): string | undefined {
	if (s.ramSize !== h.ramSize) return `snapshot RAM size ${s.ramSize} differs from ${h.ramSize}`;
	const tlb = s.tlb as Record<string, ArrayLike<number>>;
	if (!tlb || tlb.vpn.length !== h.tlb.size) return 'snapshot TLB size differs from this machine';
	h.stoppedAtBreakpoint = -1; // a restored machine did not stop at a breakpoint
	const target = h as unknown as Record<string, unknown>;
	for (const [key, value] of Object.entries(s)) {
		if (key === 'tlb' || key === 'uart' || key === 'ramSize' || NOT_STATE.has(key)) continue;
		const current = target[key];
		if (ArrayBuffer.isView(current)) (current as Int32Array).set(value as Int32Array);
		else target[key] = value;
	}
	for (const k of ['vpn', 'ctx', 'global', 'flags1', 'flags2', 'ppn', 'gppn'] as const)
		(h.tlb[k] as Int32Array).set(tlb[k]);
	const uart = s.uart as { regs: Uint8Array; rx: number[] };
	h.uart.regs.set(uart.regs);
	h.uart.rx = [...uart.rx];
	forgetDecoded(h);
	flushHostTlb(h);
	h.walkCache.flush(); // a cache, not state: refilled by later walks
	return undefined;
}
