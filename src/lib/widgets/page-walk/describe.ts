/**
 * The words for what the student steps through, in the page's language: each event of the access
 * (a walk, an exit) for the list, and each stop (a reference, a fault, a line of an exit's handler)
 * for the detail and the live region. Exit reasons and handler lines are the exit stepper's.
 */
import type { Lang } from '../../i18n/index.ts';
import type { NumberedWalk, WalkReference } from '../../emulator/mmu/numbered-walk.ts';
import type { ScenarioEvent } from '../../emulator/vmm/page-walk-scenario.ts';
import { hex } from '../exit-stepper/messages.ts';
import { say as sayExit, sayText } from '../exit-stepper/say.ts';
import { trapCauseNameIn } from '../machine/views/localize.ts';
import { say } from './say.ts';
import type { WalkStop } from './stops.ts';

/** "load page fault (cause 13)" in the language of the page. */
function faultText(lang: Lang, walk: NumberedWalk): string {
	if (walk.outcome.ok) return '';
	const { cause } = walk.outcome;
	return say(lang, 'pageWalk.outcome.fault', { cause: trapCauseNameIn(lang, cause), code: cause });
}

/** An exit reason's short name ("hidden page fault"). */
export function reasonText(lang: Lang, reason: string): string {
	return sayExit(lang, `exitStepper.reason.${reason}.short` as Parameters<typeof sayExit>[1]);
}

export function eventText(lang: Lang, event: ScenarioEvent): string {
	if (event.kind === 'exit') {
		const { seq, reason, modelCycles } = event.exit;
		return say(lang, 'pageWalk.event.exit', {
			seq,
			reason: reasonText(lang, reason),
			cycles: modelCycles
		});
	}
	const { walk } = event;
	const outcome = walk.outcome.ok
		? say(lang, 'pageWalk.outcome.data', { pa: hex(walk.outcome.pa) })
		: faultText(lang, walk);
	return say(lang, 'pageWalk.event.walk', {
		at: event.guestInstructions,
		refs: walk.references.filter((r) => r.kind !== 'data').length,
		outcome
	});
}

/** "3. VS level 1 PTE at 0x80006008 (physical 0x80806008)". */
export function referenceText(lang: Lang, r: WalkReference): string {
	if (r.kind === 'data')
		return say(lang, 'pageWalk.ref.data', { n: r.number, physical: hex(r.physical) });
	const params = {
		n: r.number,
		stage: r.stage ?? '',
		level: r.level ?? 0,
		address: hex(r.address),
		physical: hex(r.physical)
	};
	return say(
		lang,
		r.physical === r.address ? 'pageWalk.ref.pte' : 'pageWalk.ref.ptePhysical',
		params
	);
}

/** Which part of which address chose the entry: "indexed by VPN[1] = 0x2 of the virtual address". */
export function indexText(lang: Lang, r: WalkReference): string {
	const { field, address, value } = r.indexedBy;
	const fieldValue = hex(field.value).replace(/^0x0+(?=.)/, '0x');
	if (r.kind === 'data') return say(lang, 'pageWalk.ref.offsetVa', { value: fieldValue });
	if (address === 'va')
		return say(lang, 'pageWalk.ref.indexedVa', { field: field.name, value: fieldValue });
	return say(lang, 'pageWalk.ref.indexedGpa', {
		field: field.name,
		value: fieldValue,
		gpa: hex(value)
	});
}

/** The stop in one line: what the detail is headed with and what a screen reader hears. */
export function stopText(lang: Lang, stop: WalkStop): string {
	if (stop.kind === 'reference') return referenceText(lang, stop.reference);
	if (stop.kind === 'fault') {
		const { outcome } = stop.walk;
		const cause = outcome.ok ? 0 : outcome.cause;
		return say(lang, 'pageWalk.ref.fault', { cause: trapCauseNameIn(lang, cause), code: cause });
	}
	const { exit, line, lines } = stop;
	const text = sayText(lang, line.text);
	return say(lang, 'pageWalk.exitStep', {
		seq: exit.seq,
		line: line.number + 1,
		lines,
		text,
		cycles: line.cycles
	});
}
