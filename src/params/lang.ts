import type { ParamMatcher } from '@sveltejs/kit';
import { isLangParam } from '$lib/i18n/index.ts';

/** `[[lang=lang]]`: the optional language prefix of a page (`/zh/…`); English has none. */
export const match = ((param: string): param is 'zh' => isLangParam(param)) satisfies ParamMatcher;
