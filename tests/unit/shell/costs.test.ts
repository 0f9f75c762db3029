import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/content/types.ts';
import { COSTED_WIDGETS, showsModelCosts } from '../../../src/lib/shell/costs.ts';

const widget = (name: string): Block => ({
	kind: 'widget',
	id: 'widget-1',
	name,
	props: {},
	line: 1
});
const html: Block = { kind: 'html', html: '<p>model cycles</p>' };

describe('the footer note on model cycles', () => {
	it('is shown only for a lesson with a widget that reports model costs', () => {
		const costed = new Set(['emulator']);
		expect(showsModelCosts({ blocks: [html, widget('emulator')] }, costed)).toBe(true);
		expect(showsModelCosts({ blocks: [html, widget('queue-sim')] }, costed)).toBe(false);
		expect(showsModelCosts({ blocks: [] }, costed)).toBe(false);
	});

	it('counts a costed widget inside a prediction', () => {
		const costed = new Set(['emulator']);
		const predict: Block = {
			kind: 'predict',
			id: 'widget-2',
			props: {},
			line: 3,
			blocks: [html, widget('emulator')]
		};
		expect(showsModelCosts({ blocks: [html, predict] }, costed)).toBe(true);
	});

	it('is shown for the exit stepper, which prices VM exits in model cycles, and not for the queueing models', () => {
		expect(COSTED_WIDGETS.has('exit-stepper')).toBe(true);
		expect(showsModelCosts({ blocks: [widget('exit-stepper')] })).toBe(true);
		expect(showsModelCosts({ blocks: [widget('sched-lab'), widget('plot')] })).toBe(false);
	});
});
