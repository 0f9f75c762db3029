/**
 * Widget name -> Svelte component, with the same keys as `widgetSchemas`: its type makes
 * TypeScript (`npm run check`) refuse a schema without a component or a component without a
 * schema. Each component receives `{ id, props }`, props already validated by its schema.
 */
import type { Component } from 'svelte';
// The styles the performance-model widgets share, loaded once with the widgets.
import './widget.css';
import type { WidgetName } from './schemas.ts';
import Classify from './classify/Classify.svelte';
import ExitStepper from './exit-stepper/ExitStepper.svelte';
import Machine from './machine/Machine.svelte';
import MemoryDashboard from './memory-dashboard/MemoryDashboard.svelte';
import MemorySweep from './memory-sweep/MemorySweep.svelte';
import PageWalk from './page-walk/PageWalk.svelte';
import PlacementViz from './placement-viz/PlacementViz.svelte';
import Plot from './plot/Plot.svelte';
import Predict from './predict/Predict.svelte';
import QueueSim from './queue-sim/QueueSim.svelte';
import ResponseExplorer from './response-explorer/ResponseExplorer.svelte';
import SchedLab from './sched-lab/SchedLab.svelte';
import Slider from './slider/Slider.svelte';

export interface WidgetComponentProps {
	/** The block id, stable within a lesson (`widget-3`). */
	id: string;
	props: Record<string, unknown>;
}

export const widgetComponents: Record<WidgetName, Component<WidgetComponentProps>> = {
	slider: Slider,
	plot: Plot,
	predict: Predict,
	'queue-sim': QueueSim,
	'response-explorer': ResponseExplorer,
	'sched-lab': SchedLab,
	'memory-dashboard': MemoryDashboard,
	'placement-viz': PlacementViz,
	'exit-stepper': ExitStepper,
	classify: Classify,
	machine: Machine,
	'page-walk': PageWalk,
	'memory-sweep': MemorySweep
};
