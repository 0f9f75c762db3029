import { loadWidgets, widgetNames } from '$lib/widgets/components.ts';
import type { PageLoad } from './$types';

/** The lesson, and the components of the widgets it uses: those, and no others, load with it. */
export const load: PageLoad = async ({ data }) => ({
	...data,
	widgets: await loadWidgets(widgetNames(data.lesson.blocks))
});
