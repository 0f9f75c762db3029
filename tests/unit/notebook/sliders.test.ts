import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/content/types.ts';
import {
	clampToSlider,
	sliderDefaults,
	sliderDefinitions
} from '../../../src/lib/notebook/sliders.ts';

const blocks: Block[] = [
	{ kind: 'html', html: '<p>x</p>' },
	{
		kind: 'widget',
		id: 'widget-1',
		name: 'slider',
		line: 3,
		props: { var: 'N', min: 1, max: 100, step: 1, default: 40, label: 'Servers' }
	},
	{ kind: 'cell', id: 'cell-1', source: 'N * 2', line: 5 },
	{
		kind: 'widget',
		id: 'widget-2',
		name: 'plot',
		line: 9,
		props: { x: 'N', from: 1, to: 100, y: ['N'] }
	}
];

describe('slider definitions', () => {
	it('collects the sliders of a lesson with their defaults', () => {
		const sliders = sliderDefinitions(blocks);
		expect(sliders.map((s) => s.var)).toEqual(['N']);
		expect(sliderDefaults(sliders)).toEqual({ N: 40 });
	});

	it('clamps a value into the range and onto the step grid', () => {
		const slider = {
			min: 0.05,
			max: 0.95,
			step: 0.05,
			default: 0.15,
			var: 'u',
			label: 'u'
		} as const;
		const props = { ...slider, display: 'percent' as const };
		expect(clampToSlider(props, 2)).toBe(0.95);
		expect(clampToSlider(props, -1)).toBe(0.05);
		expect(clampToSlider(props, 0.33)).toBe(0.35);
		expect(clampToSlider(props, 0.1 + 0.2)).toBe(0.3);
	});
});
