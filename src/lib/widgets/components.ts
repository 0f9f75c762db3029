/**
 * Widget name -> its Svelte component's module, with the same keys as `widgetSchemas`: the type
 * makes TypeScript (`npm run check`) refuse a schema without a component or a component without a
 * schema. Each component receives `{ id, props }`, props already validated by its schema.
 */
import type { Component } from 'svelte';
// The styles the performance-model widgets share, loaded once with the widgets.
import './widget.css';
import { allBlocks, type Block } from '../content/types.ts';
import type { WidgetName } from './schemas.ts';

export interface WidgetComponentProps {
	/** The block id, stable within a lesson (`widget-3`). */
	id: string;
	props: Record<string, unknown>;
}

type WidgetComponent = Component<WidgetComponentProps>;

/**
 * Each widget's component, as a module of its own: a lesson page loads the widgets it uses and
 * none of the others (the lesson route's universal load awaits them, so they are there before the
 * page renders or hydrates), where one module with every widget would make each lesson carry every
 * model. Each is `<name>/<Name>.svelte` (widgetFile), which the build names in the page's head for
 * the browser to fetch early ($lib/server/preloads.ts).
 */
export const widgetLoaders: Record<WidgetName, () => Promise<{ default: WidgetComponent }>> = {
	slider: () => import('./slider/Slider.svelte'),
	plot: () => import('./plot/Plot.svelte'),
	predict: () => import('./predict/Predict.svelte'),
	'queue-sim': () => import('./queue-sim/QueueSim.svelte'),
	'response-explorer': () => import('./response-explorer/ResponseExplorer.svelte'),
	'sched-lab': () => import('./sched-lab/SchedLab.svelte'),
	'memory-dashboard': () => import('./memory-dashboard/MemoryDashboard.svelte'),
	'placement-viz': () => import('./placement-viz/PlacementViz.svelte'),
	'exit-stepper': () => import('./exit-stepper/ExitStepper.svelte'),
	classify: () => import('./classify/Classify.svelte'),
	machine: () => import('./machine/Machine.svelte'),
	'page-walk': () => import('./page-walk/PageWalk.svelte'),
	'memory-sweep': () => import('./memory-sweep/MemorySweep.svelte')
};

/** The components of some widgets, by name. */
export type WidgetComponents = Partial<Record<WidgetName, WidgetComponent>>;

/** A widget's component file, from the project's root: `src/lib/widgets/queue-sim/QueueSim.svelte`. */
export function widgetFile(name: WidgetName): string {
	const component = name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
	return `src/lib/widgets/${name}/${component}.svelte`;
}

function isWidgetName(name: string): name is WidgetName {
	return Object.hasOwn(widgetLoaders, name);
}

/** The widgets a lesson's blocks use, each once, predictions' hidden blocks included. */
export function widgetNames(blocks: Block[]): WidgetName[] {
	const names = allBlocks(blocks).flatMap((block) => (block.kind === 'widget' ? [block.name] : []));
	return [...new Set(names)].filter(isWidgetName);
}

/** Loads the named widgets' components. */
export async function loadWidgets(names: WidgetName[]): Promise<WidgetComponents> {
	const modules = await Promise.all(names.map((name) => widgetLoaders[name]()));
	return Object.fromEntries(names.map((name, i) => [name, modules[i].default]));
}
