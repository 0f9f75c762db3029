/**
 * Loads Monaco, once per page, with only the parts the playground uses (monaco-bundle.ts). Called
 * from the editor's onMount through a dynamic import: a static import would run Monaco's
 * browser-only code while pages are prerendered, and put its ~900 KB (gzip) on every page that
 * shows a lesson.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Lang } from '../../../i18n/index.ts';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;

/**
 * Monaco's namespace, loaded on the first call; later calls share it. A failed load (offline, a
 * missing chunk) is forgotten so that the next editor tries again.
 *
 * On a Chinese page the first load brings Monaco's own Simplified Chinese strings (context menu,
 * find widget): they must be in place before Monaco's modules run, because many of its labels
 * are read when a module first runs. Monaco then stays in that language for the rest of the visit.
 */
export function loadMonaco(lang: Lang): Promise<MonacoApi> {
	loading ??= load(lang).catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

async function load(lang: Lang): Promise<MonacoApi> {
	if (lang === 'zh') await import('monaco-editor/nls/lang/zh-cn');
	const { EditorWorker, ...monaco } = await import('./monaco-bundle.ts');
	// Monaco computes some things (links, word ranges) in a worker; the editor worker is enough
	// for a language without a language service of its own.
	self.MonacoEnvironment ??= { getWorker: () => new EditorWorker() };
	return monaco;
}
