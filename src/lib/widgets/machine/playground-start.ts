/**
 * Which program the playground opens with: the one a link carries (`#v1=…`), else the one saved in
 * this browser, else the first example. A damaged link does not cost the student their saved
 * work: the saved program opens, and the page says what was wrong with the link.
 */
import { decodeShare, type ShareError } from './share.ts';
import type { SavedProgram } from './saved.ts';

export interface StartingProgram {
	source: string;
	breakpoints: number[];
	example?: string;
	/** Boot behind the SBI firmware (the guest kernel example); absent for a bare-metal program. */
	firmware?: boolean;
	from: 'link' | 'saved' | 'example';
	/** When it comes from the browser's storage: when it was saved. */
	savedAt?: number;
	/** A link was there but could not be read. */
	linkError?: Exclude<ShareError, 'absent'>;
}

export function startingProgram(
	hash: string,
	saved: SavedProgram | null,
	fallback: { source: string; example: string }
): StartingProgram {
	const shared = decodeShare(hash);
	if (shared.ok) return { ...shared.state, from: 'link' };
	const linkError = shared.error === 'absent' ? undefined : shared.error;
	const rest = linkError ? { linkError } : {};
	if (saved)
		return {
			source: saved.source,
			breakpoints: saved.breakpoints,
			...(saved.firmware ? { firmware: true } : {}),
			from: 'saved',
			savedAt: saved.savedAt,
			...rest
		};
	return {
		source: fallback.source,
		breakpoints: [],
		example: fallback.example,
		from: 'example',
		...rest
	};
}
