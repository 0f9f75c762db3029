import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/content/types.ts';
import { widgetFile, widgetNames } from '../../../src/lib/widgets/components.ts';
import { widgetSchemas, type WidgetName } from '../../../src/lib/widgets/schemas.ts';

function widget(name: string): Block {
	return { kind: 'widget', id: `widget-${name}`, name, props: {}, line: 1 };
}

describe('widget modules', () => {
	it("every widget's component is at <name>/<Name>.svelte, where the build looks for it", () => {
		expect(widgetFile('queue-sim')).toBe('src/lib/widgets/queue-sim/QueueSim.svelte');
		for (const name of Object.keys(widgetSchemas) as WidgetName[]) {
			expect(existsSync(widgetFile(name)), widgetFile(name)).toBe(true);
		}
	});

	it('a lesson loads each widget it uses once, those inside predictions too', () => {
		const blocks: Block[] = [
			{ kind: 'html', html: '<p>text</p>' },
			widget('slider'),
			{
				kind: 'predict',
				id: 'predict-1',
				props: {},
				line: 3,
				blocks: [widget('plot'), widget('slider')]
			},
			widget('queue-sim'),
			widget('not-a-widget')
		];
		expect(widgetNames(blocks)).toEqual(['slider', 'plot', 'queue-sim']);
		expect(widgetNames([{ kind: 'html', html: '' }])).toEqual([]);
	});
});
