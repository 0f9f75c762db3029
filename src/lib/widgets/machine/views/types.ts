/**
 * The data the machine views draw besides the MachineView itself
 * (src/lib/emulator/session/machine-view.ts): the worker's memory answer (session/memory-view.ts),
 * the TLB's entries (session/tlb-view.ts) and the page walk (mmu/view-translation.ts).
 */
import type { ViewTranslation } from '../../../emulator/mmu/view-translation.ts';
import type { MemoryView as MemoryAnswer } from '../../../emulator/session/memory-view.ts';
import type { LeafFlags, TlbEntryView } from '../../../emulator/session/tlb-view.ts';

export type { LeafFlags, MemoryAnswer, TlbEntryView, ViewTranslation };

/** Which addresses the memory view reads: physical ones, or virtual ones through the page tables. */
export type AddressSpace = MemoryAnswer['space'];

/** How the register view writes a value. */
export type NumberFormat = 'hex' | 'unsigned' | 'signed';
