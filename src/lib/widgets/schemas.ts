/**
 * The prop schema of every widget a lesson may name. This file is pure (no Svelte) because the
 * build-time pipeline validates directives against it in Node; `components.ts` maps the same names
 * to Svelte components for the browser. A widget is added by giving it an entry in both.
 *
 * Directive attributes arrive as strings (`::slider{var=N min=1 max=100}`); schemas coerce them
 * (z.coerce.number(), enums, …) and use `.strict()` so an unknown prop is an error.
 */
import { z } from 'zod';
import { classifySchema } from './classify/schema.ts';
import { exitStepperSchema } from './exit-stepper/schema.ts';
import { machineSchema } from './machine/schema.ts';
import { memoryDashboardSchema } from './memory-dashboard/schema.ts';
import { memorySweepSchema } from './memory-sweep/schema.ts';
import { pageWalkSchema } from './page-walk/schema.ts';
import { placementVizSchema } from './placement-viz/schema.ts';
import { plotSchema } from './plot/schema.ts';
import { predictSchema } from './predict/schema.ts';
import { queueSimSchema } from './queue-sim/schema.ts';
import { responseExplorerSchema } from './response-explorer/schema.ts';
import { schedLabSchema } from './sched-lab/schema.ts';
import { sliderSchema } from './slider/schema.ts';

export const widgetSchemas = {
	slider: sliderSchema,
	plot: plotSchema,
	predict: predictSchema,
	'queue-sim': queueSimSchema,
	'response-explorer': responseExplorerSchema,
	'sched-lab': schedLabSchema,
	'memory-dashboard': memoryDashboardSchema,
	'placement-viz': placementVizSchema,
	'exit-stepper': exitStepperSchema,
	classify: classifySchema,
	machine: machineSchema,
	'page-walk': pageWalkSchema,
	'memory-sweep': memorySweepSchema
} satisfies Record<string, z.ZodType>;

export type WidgetName = keyof typeof widgetSchemas;
