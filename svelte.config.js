import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Every page is prerendered to plain files so the course runs from any static host.
 * BASE_PATH (e.g. "/virtlab") hosts it under a sub-path; it must start with "/" and not end with one.
 */
const base = process.env.BASE_PATH ?? '';

/**
 * Where the site and SvelteKit's working files go. The browser tests build their copy, under a
 * sub-path, elsewhere (e2eSite in scripts/site.js) so that it never touches build/.
 */
const out = process.env.VIRTLAB_BUILD_DIR ?? 'build';
const kitDir = process.env.VIRTLAB_KIT_DIR ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		outDir: kitDir,
		// Root-relative links and assets: a static host serves 404.html at any depth, where relative
		// paths would miss the assets.
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'] }
	}
};

export default config;
