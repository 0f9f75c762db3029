/** The Chinese field tables: exactly the CSRs and fields of the English ones, with Chinese words. */
import { describe, expect, it } from 'vitest';
import { CSR_FIELDS } from '../../../../../src/lib/widgets/machine/csr-fields.ts';
import { CSR_FIELDS_ZH } from '../../../../../src/lib/widgets/machine/views/csr-fields.zh-Hans.ts';

describe('CSR_FIELDS_ZH', () => {
	it('has a table for every CSR the English tables decode, and no other', () => {
		expect(Object.keys(CSR_FIELDS_ZH).sort()).toEqual(Object.keys(CSR_FIELDS).sort());
	});

	it.each(Object.keys(CSR_FIELDS))('has every field of %s, and no other', (csr) => {
		const english = CSR_FIELDS[csr].map((f) => f.name).sort();
		expect(Object.keys(CSR_FIELDS_ZH[csr]).sort()).toEqual(english);
	});

	it('tells apart fields of one name in different CSRs', () => {
		expect(CSR_FIELDS_ZH.mstatush.GVA.doc).toContain('mtval');
		expect(CSR_FIELDS_ZH.hstatus.GVA.doc).toContain('stval');
		expect(CSR_FIELDS_ZH.satp.MODE.meaning(1, 0x80000000)).toBe('Sv32');
		expect(CSR_FIELDS_ZH.hgatp.MODE.meaning(1, 0x80000000)).toBe('Sv32x4');
		expect(CSR_FIELDS_ZH.mtvec.MODE.meaning(1, 1)).toBe('Vectored（向量）');
	});
});
