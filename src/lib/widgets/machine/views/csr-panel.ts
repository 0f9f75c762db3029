/**
 * The CSR panel's contents: the CSRs by group (Volume II §2.2; the worker sends them grouped),
 * empty groups left out, each CSR with its value, whether the last command changed it, its fields
 * decoded (csr-fields.ts, its words in the page's language: localize.ts) and who may access it,
 * read from its number (§2.1).
 */
import type { CsrGroupName } from '../../../emulator/session/csr-groups.ts';
import type { Lang } from '../../../i18n/index.ts';
import { csrAccess, type CsrAccess, type DecodedField } from '../csr-fields.ts';
import { hex, hexShort } from './format.ts';
import { decodeCsrIn } from './localize.ts';

export interface CsrRow {
	name: string;
	number: number;
	/** The CSR's number, 0x300. */
	numberHex: string;
	value: number;
	valueHex: string;
	changed: boolean;
	/** Its fields, most significant first; [] for a CSR without a field table (a counter, a scratch). */
	fields: DecodedField[];
	access: CsrAccess;
}

export interface CsrGroupView {
	group: CsrGroupName;
	rows: CsrRow[];
	/** How many of its CSRs the last command changed. */
	changedCount: number;
}

interface CsrGroupInput {
	group: CsrGroupName;
	csrs: readonly { name: string; number: number; value: number }[];
}

/**
 * The groups that have CSRs, in the order given, fields described in `lang`; `changed` names the
 * CSRs the last command changed.
 */
export function csrGroupViews(
	lang: Lang,
	groups: readonly CsrGroupInput[],
	changed: readonly string[] = []
): CsrGroupView[] {
	const moved = new Set(changed);
	return groups
		.filter((g) => g.csrs.length > 0)
		.map((g) => {
			const rows = g.csrs.map((c) => ({
				name: c.name,
				number: c.number,
				numberHex: hexShort(c.number),
				value: c.value >>> 0,
				valueHex: hex(c.value >>> 0),
				changed: moved.has(c.name),
				fields: decodeCsrIn(lang, c.name, c.value),
				access: csrAccess(c.number)
			}));
			return { group: g.group, rows, changedCount: rows.filter((r) => r.changed).length };
		});
}

/**
 * Whether a group starts open: the machine group (where a bare-metal program lives) and any group
 * the last command changed, so that a highlight is never hidden in a closed group.
 */
export function openByDefault(group: CsrGroupView): boolean {
	return group.group === 'machine' || group.changedCount > 0;
}
