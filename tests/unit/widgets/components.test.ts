import { describe, expect, it } from 'vitest';
import { widgetComponents } from '../../../src/lib/widgets/components.ts';
import { widgetSchemas } from '../../../src/lib/widgets/schemas.ts';

describe('widget registry', () => {
	it('has a component for every schema and a schema for every component', () => {
		expect(Object.keys(widgetComponents).sort()).toEqual(Object.keys(widgetSchemas).sort());
	});
});
