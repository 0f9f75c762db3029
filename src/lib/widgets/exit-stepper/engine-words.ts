/**
 * The few parameters of the engine's lines that are English words rather than names or numbers:
 * what a monitor injects, why it drops shadow entries, which table it writes, and the state it reads
 * or writes when that is not a register or CSR (vmm writes them
 * in its traces, the CLI prints them as they are). On the page each becomes its own dictionary
 * line, so that a Chinese page says them in Chinese; a phrase not listed here stays as the engine
 * wrote it (and a unit test lists the phrases the hypervisor's sources contain).
 */
import type { Text } from './messages.ts';
import type { ExitStepperKey } from './strings.en.ts';

type Phrase = { pattern: RegExp; key: ExitStepperKey; names: string[] };

/** `what` of an `inject` step. The causes are numbers (scause), the same in every language. */
export const INJECTED: readonly Phrase[] = [
	{
		pattern: /^interrupt (\d+) into the guest kernel \(shared page\)$/,
		key: 'exitStepper.what.interruptShared',
		names: ['cause']
	},
	{
		pattern: /^exception (\d+) into the guest kernel \(shared page\)$/,
		key: 'exitStepper.what.exceptionShared',
		names: ['cause']
	},
	{
		pattern: /^exception (\d+) into the guest kernel$/,
		key: 'exitStepper.what.exceptionKernel',
		names: ['cause']
	},
	{
		pattern: /^exception (\d+) into the guest$/,
		key: 'exitStepper.what.exception',
		names: ['cause']
	},
	{
		pattern: /^virtual supervisor interrupt (\d+)$/,
		key: 'exitStepper.what.virtualInterrupt',
		names: ['irq']
	},
	{
		pattern: /^virtual supervisor timer interrupt \(hvip\.VSTIP\)$/,
		key: 'exitStepper.what.vstip',
		names: []
	}
];

/** `why` of a `dropEntries` step. */
export const DROPPED: readonly Phrase[] = [
	{ pattern: /^guest PTE written$/, key: 'exitStepper.why.pteWritten', names: [] },
	{
		pattern: /^write flooding: the page is no longer shadowed$/,
		key: 'exitStepper.why.flooding',
		names: []
	},
	{ pattern: /^SFENCE\.VMA: hardware TLB flushed$/, key: 'exitStepper.why.sfence', names: [] },
	{
		pattern: /^guest table (0x[0-9a-f]+) out of sync: writable until SFENCE\.VMA$/,
		key: 'exitStepper.why.unsync',
		names: ['table']
	},
	{
		pattern: /^guest table (0x[0-9a-f]+) resynchronised and write-protected again$/,
		key: 'exitStepper.why.resync',
		names: ['table']
	},
	{
		pattern: /^SFENCE\.VMA (0x[0-9a-f]+): entry of out-of-sync guest table (0x[0-9a-f]+) re-read$/,
		key: 'exitStepper.why.syncAddress',
		names: ['va', 'table']
	}
];

/**
 * `name` of a `readState` or `writeState` step that is not only a register or CSR (those are names,
 * the same in every language): a guest PTE the monitor wrote for the guest, a paravirtual frame
 * number, a CSR of trap mode's virtual supervisor or of pv mode's shared page.
 */
export const STATE_NAMES: readonly Phrase[] = [
	{ pattern: /^guest PTE @(0x[0-9a-f]+)$/, key: 'exitStepper.state.guestPte', names: ['address'] },
	{ pattern: /^frame$/, key: 'exitStepper.state.frame', names: [] },
	{ pattern: /^virtual ([a-z]+)$/, key: 'exitStepper.state.virtual', names: ['csr'] },
	{ pattern: /^shared ([a-z]+)$/, key: 'exitStepper.state.shared', names: ['csr'] }
];

/** Table names of `installEntry` and `dropEntries`. */
export const TABLES: Readonly<Record<string, ExitStepperKey>> = {
	shadow: 'exitStepper.table.shadow',
	'G-stage': 'exitStepper.table.gStage',
	guest: 'exitStepper.table.guest'
};

/** A phrase as a dictionary line: its key and the values its pattern captured. */
export function phraseText(
	phrases: readonly Phrase[],
	value: string
): { key: ExitStepperKey; params: Record<string, string> } | undefined {
	for (const p of phrases) {
		const m = p.pattern.exec(value);
		if (!m) continue;
		const params: Record<string, string> = {};
		p.names.forEach((name, i) => (params[name] = m[i + 1]));
		return { key: p.key, params };
	}
	return undefined;
}

/**
 * The line with its English-word parameters replaced by `translate(key, params)`: the page passes
 * its `say` for the language.
 */
export function localize(
	line: Text,
	translate: (key: ExitStepperKey, params: Record<string, string>) => string
): Text {
	const params = { ...line.params };
	const swap = (name: string, phrases: readonly Phrase[]) => {
		const value = params[name];
		if (typeof value !== 'string') return;
		const found = phraseText(phrases, value);
		if (found) params[name] = translate(found.key, found.params);
	};
	if (line.key === 'exitStep.inject') swap('what', INJECTED);
	if (line.key === 'exitStep.dropEntries') swap('why', DROPPED);
	if (line.key === 'exitStep.readState' || line.key === 'exitStep.writeState')
		swap('name', STATE_NAMES);
	const table = params.table;
	if (typeof table === 'string' && TABLES[table]) params.table = translate(TABLES[table], {});
	return { key: line.key, params };
}
