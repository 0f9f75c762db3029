/**
 * The trap log's rows: the session position, the cause (number and name: Volume II Table 3.6 and
 * the hypervisor's causes), tval, the pc it was raised at, and the modes before and after
 * (delegation decides the mode after: §3.1.8, §9.4.2). Cause names are in the page's language.
 */
import type { Lang } from '../../../i18n/index.ts';
import type { TrapRecord } from '../../../emulator/session/types.ts';
import { hex } from './format.ts';
import { trapCauseNameIn } from './localize.ts';

export type TrapOrder = 'newest' | 'oldest';

export interface TrapRow {
	position: number;
	cause: number;
	interrupt: boolean;
	causeName: string;
	tvalHex: string;
	pcHex: string;
	from: string;
	to: string;
	/** What the session's SBI firmware did with a trap to M-mode (`sbi_set_timer`, `timer`, …). */
	firmware?: string;
}

/** The rows in the order asked, causes named in `lang`; the session lists the traps oldest first. */
export function trapRows(lang: Lang, traps: readonly TrapRecord[], order: TrapOrder): TrapRow[] {
	const rows = traps.map((t) => ({
		position: t.position,
		cause: t.cause,
		interrupt: t.interrupt,
		// mcause's Interrupt bit is bit 31 (§3.1.15).
		causeName: trapCauseNameIn(lang, ((t.interrupt ? 0x80000000 : 0) | t.cause) >>> 0),
		tvalHex: hex(t.tval),
		pcHex: hex(t.pc),
		from: t.from.name,
		to: t.to,
		...(t.firmware !== undefined ? { firmware: t.firmware } : {})
	}));
	return order === 'newest' ? rows.reverse() : rows;
}
