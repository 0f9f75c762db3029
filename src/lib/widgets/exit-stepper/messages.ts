/**
 * The exit stepper's strings as data: every line the engine produces is a `Text`, a dictionary key
 * and its parameters, so that the Svelte layer translates it (say.ts). The templates live in the
 * stepper's dictionaries (strings.en.ts, strings.zh-Hans.ts); `english(text)` renders one in
 * English for tests and the CLI.
 *
 * Parameters stay numbers where they are quantities (the page formats them for the language);
 * addresses and register values are hex strings already, the same in every language.
 */
import { applyPlurals } from '../../i18n/plural.ts';
import { exitStepperEn, type ExitStepperKey } from './strings.en.ts';

export type { ExitStepperKey };

/** The stepper's English templates (strings.en.ts). */
export const EXIT_STEPPER_EN: Record<ExitStepperKey, string> = exitStepperEn;

/** A string to show: its dictionary key and what fills its placeholders. Plain data (clonable). */
export interface Text {
	key: ExitStepperKey;
	params: Record<string, string | number>;
}

export function text(key: ExitStepperKey, params: Record<string, string | number> = {}): Text {
	return { key, params };
}

/** The English rendering, as `sayText('en', …)` gives it on the page (without number formatting). */
export function english(message: Text): string {
	const params = message.params;
	return applyPlurals('en', EXIT_STEPPER_EN[message.key], params).replace(
		/\{(\w+)\}/g,
		(whole, name: string) => (name in params ? String(params[name]) : whole)
	);
}

/** A 32-bit value as the stepper writes it: 0x8000_0000 → "0x80000000"; wider ones in full; ∞ for never. */
export function hex(v: number): string {
	// A timer compare register starts "never" (vmm keeps it as Infinity): no hex for that.
	if (v === Infinity) return '∞';
	if (!Number.isFinite(v)) return String(v);
	if (v >= 0 && v <= 0xffff_ffff) return `0x${v.toString(16).padStart(8, '0')}`;
	return v < 0 ? `0x${(v >>> 0).toString(16).padStart(8, '0')}` : `0x${v.toString(16)}`;
}
