/**
 * CSR names GNU objdump 2.40 prints that VirtLab's machine does not implement (floating point,
 * vector, entropy source, Smstateen, AIA, Sstc, debug and trigger registers; Privileged
 * Architecture 20211203 Tables 2.2–2.6 and the extension specifications). The disassembler uses them
 * to print what objdump prints, and the assembler accepts them as CSR numbers; the machine
 * implements only the CSRs of csr.ts.
 * Checked against objdump for all 4096 numbers by tests/unit/emulator/isa/disassemble.test.ts.
 */
const names: Record<number, string> = {
	0x001: 'fflags',
	0x002: 'frm',
	0x003: 'fcsr',
	0x008: 'vstart',
	0x009: 'vxsat',
	0x00a: 'vxrm',
	0x00f: 'vcsr',
	0x015: 'seed',
	0x114: 'sieh',
	0x14d: 'stimecmp',
	0x150: 'siselect',
	0x151: 'sireg',
	0x154: 'siph',
	0x15c: 'stopei',
	0x15d: 'stimecmph',
	0x214: 'vsieh',
	0x24d: 'vstimecmp',
	0x250: 'vsiselect',
	0x251: 'vsireg',
	0x254: 'vsiph',
	0x25c: 'vstopei',
	0x25d: 'vstimecmph',
	0x308: 'mvien',
	0x309: 'mvip',
	0x313: 'midelegh',
	0x314: 'mieh',
	0x318: 'mvienh',
	0x319: 'mviph',
	0x350: 'miselect',
	0x351: 'mireg',
	0x354: 'miph',
	0x35c: 'mtopei',
	0x5a8: 'scontext',
	0x608: 'hvien',
	0x609: 'hvictl',
	0x613: 'hidelegh',
	0x618: 'hvienh',
	0x646: 'hviprio1',
	0x647: 'hviprio2',
	0x655: 'hviph',
	0x656: 'hviprio1h',
	0x657: 'hviprio2h',
	0x6a8: 'hcontext',
	0x747: 'mseccfg',
	0x757: 'mseccfgh',
	0x7a0: 'tselect',
	0x7a1: 'tdata1',
	0x7a2: 'tdata2',
	0x7a3: 'tdata3',
	0x7a4: 'tinfo',
	0x7a5: 'tcontrol',
	0x7a8: 'mcontext',
	0x7aa: 'mscontext',
	0x7b0: 'dcsr',
	0x7b1: 'dpc',
	0x7b2: 'dscratch0',
	0x7b3: 'dscratch1',
	0xc20: 'vl',
	0xc21: 'vtype',
	0xc22: 'vlenb',
	0xda0: 'scountovf',
	0xdb0: 'stopi',
	0xeb0: 'vstopi',
	0xfb0: 'mtopi'
};
// State-enable registers sstateen0–3 (0x10c), mstateen0–3 (0x30c) and their high halves (0x31c),
// hstateen0–3 (0x60c, high 0x61c); mhpmevent3h–31h (0x723–0x73f, Sscofpmf).
for (let i = 0; i < 4; i++) {
	names[0x10c + i] = `sstateen${i}`;
	names[0x30c + i] = `mstateen${i}`;
	names[0x31c + i] = `mstateen${i}h`;
	names[0x60c + i] = `hstateen${i}`;
	names[0x61c + i] = `hstateen${i}h`;
}
for (let i = 3; i < 32; i++) names[0x720 + i] = `mhpmevent${i}h`;

export const objdumpOnlyCsrName: ReadonlyMap<number, string> = new Map(
	Object.entries(names).map(([n, name]) => [Number(n), name])
);

/** The same names, to numbers: the assembler accepts them so that disassembly reassembles. */
export const objdumpOnlyCsrNumber: ReadonlyMap<string, number> = new Map(
	[...objdumpOnlyCsrName].map(([n, name]) => [name, n])
);
