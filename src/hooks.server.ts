import type { Handle } from '@sveltejs/kit';

/** Prerendered pages carry the language of their content: `/zh/...` pages are Chinese. */
export const handle: Handle = async ({ event, resolve }) => {
	const lang =
		event.url.pathname.includes('/zh/') || event.url.pathname.endsWith('/zh') ? 'zh-Hans' : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
