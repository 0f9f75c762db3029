/**
 * The page walk of `virtlab debug`'s `mem ADDR virtual`, as lines of text: the playground's walk
 * (src/lib/widgets/machine/views/walk.ts, which decodes the steps) written for a terminal. Each
 * page-table entry the hart would read, in order (Volume II §4.3.2 for Sv32; §9.5 for the VS-stage
 * and the G-stage at V = 1), then where the address lands or the exception the access would raise.
 */
import type { ViewTranslation } from '../../lib/emulator/mmu/view-translation.ts';
import { modeView } from '../../lib/emulator/session/debug-session.ts';
import { hex } from '../../lib/widgets/machine/views/format.ts';
import { walkView, type WalkLine } from '../../lib/widgets/machine/views/walk.ts';

/** Why a G-stage step translates its guest physical address (WalkStep's `purpose`). */
const PURPOSE: Record<NonNullable<WalkLine['purpose']>, string> = {
	'vs-pte': "a VS-stage PTE's address",
	'vs-pte-write': 'the VS-stage PTE again, to write its A/D bits',
	data: "the access's own address"
};

function kindText(line: WalkLine): string {
	switch (line.kind) {
		case 'invalid':
			return 'invalid: the walk stops here';
		case 'pointer':
			return `points to the next table at ${line.nextHex}`;
		case 'leaf':
			return `leaf: the page is at ${line.nextHex}`;
	}
}

/** A step as two lines: which PTE is read and why, then what it holds. */
function stepLines(line: WalkLine, number: number): string[] {
	const where = line.ptePaHex ? `${line.pteAddrHex} (physical ${line.ptePaHex})` : line.pteAddrHex;
	const why =
		line.gpaHex && line.purpose
			? `, translating guest physical ${line.gpaHex}: ${PURPOSE[line.purpose]}`
			: '';
	return [
		`  ${number}. ${line.stage}-stage level ${line.level}: PTE at ${where}${why}`,
		`     PTE ${line.rawHex}  flags ${line.flags}  ${kindText(line)}`
	];
}

/** The walk of `t` as lines, without newlines. */
export function walkLines(t: ViewTranslation): string[] {
	const walk = walkView('en', t);
	const mode = modeView(t.priv, t.virt).name;
	const lines = [`page walk of ${hex(t.va)} for a ${t.access} in ${mode}-mode:`];
	if (walk.stages.length === 0)
		lines.push('  no translation is on (Bare): the address is physical as it is');
	else {
		lines.push(`  stages: ${walk.stages.join(' + ')}`);
		walk.lines.forEach((line, i) => lines.push(...stepLines(line, i + 1)));
	}
	const r = walk.result;
	if (r.ok) {
		const page = r.pageSize === 2 ** 22 ? ' (in a 4 MiB megapage)' : '';
		const gpa = r.gpaHex ? `guest physical address ${r.gpaHex}, ` : '';
		lines.push(`  result: ${gpa}physical address ${r.paHex}${page}`);
	} else {
		const gpa = r.gpaHex ? `, at guest physical address ${r.gpaHex}` : '';
		lines.push(`  result: exception ${r.cause}, ${r.causeName}${gpa}`);
	}
	return lines;
}
