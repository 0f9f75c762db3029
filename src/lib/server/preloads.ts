/**
 * The scripts a lesson page's widgets need, for the page to name in its head as
 * `<link rel="modulepreload">`. The widgets are dynamic imports (widgets/components.ts), which
 * SvelteKit does not preload: without the links the browser would ask for them only once the app
 * had started, a round trip later, and scripts/weight.js, which counts the scripts a page's HTML
 * names, would leave them out.
 *
 * Vite's client manifest maps each source module to its chunk and to the chunks that chunk imports
 * statically. The client build writes it before the pages are prerendered; `vite dev` has none,
 * and serves each module when it is asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dev } from '$app/environment';
import { widgetFile } from '$lib/widgets/components.ts';
import type { WidgetName } from '$lib/widgets/schemas.ts';

/** An entry of Vite's client manifest (`.vite/manifest.json`), keyed by source module. */
export interface ManifestChunk {
	file: string;
	imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** SvelteKit's working folder, as svelte.config.js sets it. */
const kitDir = process.env.VIRTLAB_KIT_DIR ?? '.svelte-kit';

let built: Manifest | null | undefined;

/** The client build's manifest; null under `vite dev` (an older build's would name stale files). */
function clientManifest(): Manifest | null {
	if (built === undefined) {
		const file = resolve(kitDir, 'output/client/.vite/manifest.json');
		built = !dev && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
	}
	return built;
}

/**
 * The chunks of the named widgets and of everything they import statically, as paths from the
 * site's root (`_app/immutable/chunks/….js`); none without a client build.
 */
export function widgetScripts(
	names: WidgetName[],
	manifest: Manifest | null = clientManifest()
): string[] {
	if (!manifest) return [];
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk) throw new Error(`${key} is not in the client build's manifest`);
		if (files.has(chunk.file)) return;
		files.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	for (const name of names) visit(widgetFile(name));
	return [...files];
}
