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

	it('is shown on no page today: no widget reports model cycles yet', () => {
		expect(COSTED_WIDGETS.size).toBe(0);
		expect(showsModelCosts({ blocks: [widget('sched-lab'), widget('plot')] })).toBe(false);
	});
});
