import { describe, expect, it } from 'vitest';
import { widgetSchemas } from '../../../../src/lib/widgets/schemas.ts';

const { classify } = widgetSchemas;

describe('classify props', () => {
	it('lists the sets to show, in the order written, both by default', () => {
		expect(classify.parse({ set: 'x86; riscv' })).toEqual({ set: ['x86', 'riscv'] });
		expect(classify.parse({})).toEqual({ set: ['riscv', 'x86'] });
	});

	it('rejects an unknown set, a set named twice, an empty list and unknown props', () => {
		expect(classify.safeParse({ set: 'riscv; arm' }).error?.issues[0].message).toBe(
			'each set must be one of riscv, x86'
		);
		expect(classify.safeParse({ set: 'x86; x86' }).error?.issues[0].message).toBe(
			'names a set twice'
		);
		expect(classify.safeParse({ set: ' ; ' }).success).toBe(false);
		expect(classify.safeParse({ set: 'x86', answers: 'yes' }).success).toBe(false);
	});
});
