/**
 * The CSRs a machine view shows, grouped as the privileged specification lists them (Volume II
 * §2.2, Tables 2.2–2.6). A CSR's number says its group: bits 9:8 are the lowest privilege that may
 * access it (§2.1), and among the hypervisor-level numbers 0x2xx are the virtual-supervisor CSRs
 * (§9.2.11). The numbered families (pmpcfg, pmpaddr, the hpm counters) are left out: the machine
 * implements them as plain storage (src/lib/emulator/README.md, "Limits"), and 150 zeros would
 * hide the CSRs that matter.
 */
import { Csr } from '../isa/csr.ts';

export type CsrGroupName = 'machine' | 'supervisor' | 'hypervisor' | 'virtual supervisor' | 'user';

export interface CsrGroup {
	group: CsrGroupName;
	csrs: { name: string; number: number }[];
}

export function csrGroupOf(csr: number): CsrGroupName {
	const level = (csr >>> 8) & 3;
	if (level === 3) return 'machine';
	if (level === 1) return 'supervisor';
	if (level === 2) return (csr >>> 8) % 16 === 2 ? 'virtual supervisor' : 'hypervisor';
	return 'user';
}

const ORDER: CsrGroupName[] = ['machine', 'supervisor', 'hypervisor', 'virtual supervisor', 'user'];

/** Every named CSR (isa/csr.ts `Csr`), by group, in the order of the specification's tables. */
export const CSR_GROUPS: readonly CsrGroup[] = ORDER.map((group) => ({
	group,
	csrs: Object.entries(Csr)
		.filter(([, n]) => csrGroupOf(n) === group)
		.map(([name, number]) => ({ name, number }))
}));
