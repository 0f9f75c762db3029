/** Widgets find their lesson's notebook through Svelte context, set by LessonBody. */
import { getContext, setContext } from 'svelte';
import type { Lang } from '../content/types.ts';
import type { Notebook } from './notebook.svelte.ts';

const notebookKey = Symbol('notebook');
const langKey = Symbol('lang');

export function provideNotebook(notebook: Notebook, lang: Lang): void {
	setContext(notebookKey, notebook);
	setContext(langKey, lang);
}

export function useNotebook(): Notebook {
	const notebook = getContext<Notebook | undefined>(notebookKey);
	if (!notebook) throw new Error('A notebook widget must be placed inside LessonBody');
	return notebook;
}

export function useLang(): Lang {
	return getContext<Lang | undefined>(langKey) ?? 'en';
}
