// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/content/types.ts';

declare global {
	namespace App {
		interface PageData {
			/** The language of the page's content. */
			lang?: Lang;
			/** This page's path (without the base path) in each language it exists in. */
			alternates?: Partial<Record<Lang, string>>;
		}
	}
}

export {};
