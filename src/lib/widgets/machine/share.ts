/**
 * Sharing a program by link: the editor's text, its breakpoint lines, the example it came from and
 * whether it boots behind the SBI firmware (the guest kernel), compressed into the URL's fragment
 * (`#v1=…`). A fragment never reaches the server, so a shared program stays between the people
 * who pass the link around, and the static site needs nothing.
 *
 * lz-string's `compressToEncodedURIComponent` writes only characters that are safe in a URL, so
 * the link needs no further escaping. The version prefix lets a later format read old links.
 * A link can be cut short by a mail program or edited by hand: everything read back is checked
 * (zod), and what is wrong is returned as data; `describeShareError` words it.
 */
import LZString from 'lz-string';
import * as z from 'zod/mini';
import type { Lang } from '../../i18n/index.ts';
import { say } from './say.ts';
import { MAX_SOURCE_BYTES, utf8Size } from './source-file.ts';

export interface ShareState {
	source: string;
	/** Lines of the source with a breakpoint. */
	breakpoints: number[];
	/** The id of the example the program started from, if any. */
	example?: string;
	/**
	 * Boot behind the SBI firmware, in S-mode (the guest kernel example). Absent means false: the
	 * field is written only when true, so links made before it existed still open, unchanged.
	 */
	firmware?: boolean;
}

export const SHARE_PREFIX = '#v1=';
/**
 * A compressed program of MAX_SOURCE_BYTES takes at most about this many characters; a longer
 * fragment is refused before it is decompressed (a crafted one could otherwise expand hugely).
 */
const MAX_ENCODED_LENGTH = 4 * MAX_SOURCE_BYTES;

/** 'absent': the fragment holds no shared program (nothing to say); the others: the link is bad. */
export type ShareError = 'absent' | 'unknownVersion' | 'damaged' | 'tooLarge';

export type ShareDecoded = { ok: true; state: ShareState } | { ok: false; error: ShareError };
export type ShareEncoded = { ok: true; hash: string } | { ok: false; error: 'tooLarge' };

const shareSchema = z.object({
	source: z.string(),
	breakpoints: z.array(z.number().check(z.int(), z.minimum(1))).check(z.maxLength(10_000)),
	example: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
	firmware: z.optional(z.boolean())
});

/** The fragment for `state`, with its `#`; too large a program is refused, not cut. */
export function encodeShare(state: ShareState): ShareEncoded {
	if (utf8Size(state.source) > MAX_SOURCE_BYTES) return { ok: false, error: 'tooLarge' };
	const data: ShareState = {
		source: state.source,
		breakpoints: [...new Set(state.breakpoints)].sort((a, b) => a - b),
		...(state.example ? { example: state.example } : {}),
		...(state.firmware ? { firmware: true } : {})
	};
	return {
		ok: true,
		hash: SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(data))
	};
}

/** Reads a fragment (`location.hash`, with or without its `#`). */
export function decodeShare(hash: string): ShareDecoded {
	const fragment = hash.startsWith('#') ? hash : `#${hash}`;
	if (!fragment.startsWith(SHARE_PREFIX))
		return { ok: false, error: /^#v\d+=/.test(fragment) ? 'unknownVersion' : 'absent' };
	const encoded = fragment.slice(SHARE_PREFIX.length);
	if (encoded.length > MAX_ENCODED_LENGTH) return { ok: false, error: 'tooLarge' };
	let json: string | null;
	try {
		json = LZString.decompressFromEncodedURIComponent(encoded);
	} catch {
		json = null;
	}
	// A cut or altered link decompresses to nothing or to garbage: JSON.parse and zod catch both.
	if (!json) return { ok: false, error: 'damaged' };
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return { ok: false, error: 'damaged' };
	}
	const parsed = shareSchema.safeParse(value);
	if (!parsed.success) return { ok: false, error: 'damaged' };
	if (utf8Size(parsed.data.source) > MAX_SOURCE_BYTES) return { ok: false, error: 'tooLarge' };
	const { source, breakpoints, example, firmware } = parsed.data;
	return {
		ok: true,
		state: {
			source,
			breakpoints,
			...(example ? { example } : {}),
			...(firmware ? { firmware: true } : {})
		}
	};
}

/** Why a link cannot be read, as a phrase for `workbench.shareFailed`'s `({error})`. */
export function describeShareError(lang: Lang, error: Exclude<ShareError, 'absent'>): string {
	return say(lang, `client.share.${error}`, { limit: MAX_SOURCE_BYTES });
}
