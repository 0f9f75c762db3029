import { describe, expect, it } from 'vitest';
import { widgetScripts, type Manifest } from '../../../src/lib/server/preloads.ts';

/** A client manifest as Vite writes it: source modules and shared chunks, by key. */
const manifest: Manifest = {
	'src/lib/widgets/plot/Plot.svelte': {
		file: '_app/immutable/chunks/Plot.js',
		imports: ['_shared.js', '_chart.js']
	},
	'src/lib/widgets/queue-sim/QueueSim.svelte': {
		file: '_app/immutable/chunks/QueueSim.js',
		imports: ['_chart.js', 'src/lib/sim/des/queueSim.ts']
	},
	'src/lib/sim/des/queueSim.ts': { file: '_app/immutable/chunks/queueSim.js' },
	'_chart.js': { file: '_app/immutable/chunks/chart.js', imports: ['_shared.js'] },
	'_shared.js': { file: '_app/immutable/chunks/shared.js' }
};

describe('the scripts a lesson page preloads for its widgets', () => {
	it('are each widget chunk and what it imports, each once', () => {
		expect(widgetScripts(['plot', 'queue-sim'], manifest)).toEqual([
			'_app/immutable/chunks/Plot.js',
			'_app/immutable/chunks/shared.js',
			'_app/immutable/chunks/chart.js',
			'_app/immutable/chunks/QueueSim.js',
			'_app/immutable/chunks/queueSim.js'
		]);
	});

	it('are none for a lesson without widgets, or without a client build (vite dev)', () => {
		expect(widgetScripts([], manifest)).toEqual([]);
		expect(widgetScripts(['plot'], null)).toEqual([]);
	});

	it('stop the build when a widget is not where the manifest has it', () => {
		expect(() => widgetScripts(['slider'], manifest)).toThrow(
			'src/lib/widgets/slider/Slider.svelte is not in the client build'
		);
	});
});
