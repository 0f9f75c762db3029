import { describe, expect, it } from 'vitest';
import { CSR_GROUPS, csrGroupOf } from '../../../../src/lib/emulator/session/csr-groups.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';

describe('CSR groups', () => {
	it('groups by the privilege in the CSR number, vs* apart from the hypervisor CSRs', () => {
		expect(csrGroupOf(Csr.mstatus)).toBe('machine');
		expect(csrGroupOf(Csr.minstret)).toBe('machine');
		expect(csrGroupOf(Csr.sepc)).toBe('supervisor');
		expect(csrGroupOf(Csr.hstatus)).toBe('hypervisor');
		expect(csrGroupOf(Csr.hgeip)).toBe('hypervisor');
		expect(csrGroupOf(Csr.vsepc)).toBe('virtual supervisor');
		expect(csrGroupOf(Csr.cycle)).toBe('user');
	});

	it('lists every named CSR exactly once', () => {
		const listed = CSR_GROUPS.flatMap((g) => g.csrs.map((c) => c.name));
		expect([...listed].sort()).toEqual(Object.keys(Csr).sort());
	});
});
