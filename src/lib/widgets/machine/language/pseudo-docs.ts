/**
 * The pseudo-instructions the assembler expands (src/lib/emulator/asm/pseudo.ts, after Volume I
 * chapter 25 "RISC-V Assembly Programmer's Handbook", Tables 25.2 and 25.3): how to write each,
 * what it does and what it becomes. Short forms of real instructions (`jal label`, `jalr rs`,
 * `fence` alone, `lw rd, symbol`) are told in SHORT_FORMS. The unit test checks that every
 * pseudo-instruction the assembler knows is here and nothing else is.
 */

export interface PseudoDoc {
	/** How it is written. */
	readonly syntax: string;
	/** What it does, in one line. */
	readonly meaning: string;
	/** The real instructions it becomes. */
	readonly expansion: string;
}

const doc = (syntax: string, meaning: string, expansion: string): PseudoDoc => ({
	syntax,
	meaning,
	expansion
});

export const PSEUDO_DOCS: Readonly<Record<string, PseudoDoc>> = {
	nop: doc('nop', 'do nothing', 'addi x0, x0, 0'),
	li: doc('li rd, imm', 'rd = imm, any 32-bit constant', 'addi, or lui (+ addi)'),
	la: doc('la rd, symbol', 'rd = the address of symbol', 'auipc rd, %pcrel_hi(symbol); addi rd, rd, %pcrel_lo(…)'),
	lla: doc('lla rd, symbol', 'rd = the address of symbol', 'auipc rd, %pcrel_hi(symbol); addi rd, rd, %pcrel_lo(…)'),
	mv: doc('mv rd, rs', 'rd = rs', 'addi rd, rs, 0'),
	not: doc('not rd, rs', "rd = ~rs (ones' complement)", 'xori rd, rs, -1'),
	neg: doc('neg rd, rs', "rd = -rs (two's complement)", 'sub rd, x0, rs'),
	seqz: doc('seqz rd, rs', 'rd = (rs == 0) ? 1 : 0', 'sltiu rd, rs, 1'),
	snez: doc('snez rd, rs', 'rd = (rs != 0) ? 1 : 0', 'sltu rd, x0, rs'),
	sltz: doc('sltz rd, rs', 'rd = (rs <s 0) ? 1 : 0', 'slt rd, rs, x0'),
	sgtz: doc('sgtz rd, rs', 'rd = (rs >s 0) ? 1 : 0', 'slt rd, x0, rs'),
	sgt: doc('sgt rd, rs, rt', 'rd = (rs >s rt) ? 1 : 0', 'slt rd, rt, rs'),
	sgtu: doc('sgtu rd, rs, rt', 'rd = (rs >u rt) ? 1 : 0', 'sltu rd, rt, rs'),
	'zext.b': doc('zext.b rd, rs', 'rd = zext(rs[7:0])', 'andi rd, rs, 255'),
	'sext.b': doc('sext.b rd, rs', 'rd = sext(rs[7:0])', 'slli rd, rs, 24; srai rd, rd, 24'),
	'sext.h': doc('sext.h rd, rs', 'rd = sext(rs[15:0])', 'slli rd, rs, 16; srai rd, rd, 16'),
	'zext.h': doc('zext.h rd, rs', 'rd = zext(rs[15:0])', 'slli rd, rs, 16; srli rd, rd, 16'),
	j: doc('j label', 'pc = label', 'jal x0, label'),
	jump: doc('jump label, rt', 'pc = label, from anywhere (rt is clobbered)', 'auipc rt, …; jalr x0, …(rt)'),
	jr: doc('jr rs', 'pc = rs', 'jalr x0, 0(rs)'),
	ret: doc('ret', 'return: pc = ra', 'jalr x0, 0(ra)'),
	call: doc('call label', 'ra = pc + 8; pc = label, from anywhere', 'auipc ra, …; jalr ra, …(ra)'),
	tail: doc('tail label', 'pc = label, from anywhere, without linking (t1 is clobbered)', 'auipc t1, …; jalr x0, …(t1)'),
	beqz: doc('beqz rs, label', 'if (rs == 0) pc = label', 'beq rs, x0, label'),
	bnez: doc('bnez rs, label', 'if (rs != 0) pc = label', 'bne rs, x0, label'),
	blez: doc('blez rs, label', 'if (rs <=s 0) pc = label', 'bge x0, rs, label'),
	bgez: doc('bgez rs, label', 'if (rs >=s 0) pc = label', 'bge rs, x0, label'),
	bltz: doc('bltz rs, label', 'if (rs <s 0) pc = label', 'blt rs, x0, label'),
	bgtz: doc('bgtz rs, label', 'if (rs >s 0) pc = label', 'blt x0, rs, label'),
	bgt: doc('bgt rs, rt, label', 'if (rs >s rt) pc = label', 'blt rt, rs, label'),
	ble: doc('ble rs, rt, label', 'if (rs <=s rt) pc = label', 'bge rt, rs, label'),
	bgtu: doc('bgtu rs, rt, label', 'if (rs >u rt) pc = label', 'bltu rt, rs, label'),
	bleu: doc('bleu rs, rt, label', 'if (rs <=u rt) pc = label', 'bgeu rt, rs, label'),
	csrr: doc('csrr rd, csr', 'rd = CSR', 'csrrs rd, csr, x0'),
	csrw: doc('csrw csr, rs', 'CSR = rs', 'csrrw x0, csr, rs'),
	csrs: doc('csrs csr, rs', 'CSR |= rs (set bits)', 'csrrs x0, csr, rs'),
	csrc: doc('csrc csr, rs', 'CSR &= ~rs (clear bits)', 'csrrc x0, csr, rs'),
	csrwi: doc('csrwi csr, uimm5', 'CSR = uimm5', 'csrrwi x0, csr, uimm5'),
	csrsi: doc('csrsi csr, uimm5', 'CSR |= uimm5 (set bits)', 'csrrsi x0, csr, uimm5'),
	csrci: doc('csrci csr, uimm5', 'CSR &= ~uimm5 (clear bits)', 'csrrci x0, csr, uimm5'),
	rdcycle: doc('rdcycle rd', 'rd = cycle[31:0]', 'csrrs rd, cycle, x0'),
	rdcycleh: doc('rdcycleh rd', 'rd = cycle[63:32]', 'csrrs rd, cycleh, x0'),
	rdtime: doc('rdtime rd', 'rd = time[31:0]', 'csrrs rd, time, x0'),
	rdtimeh: doc('rdtimeh rd', 'rd = time[63:32]', 'csrrs rd, timeh, x0'),
	rdinstret: doc('rdinstret rd', 'rd = instret[31:0]', 'csrrs rd, instret, x0'),
	rdinstreth: doc('rdinstreth rd', 'rd = instret[63:32]', 'csrrs rd, instreth, x0'),
	'fence.tso': doc('fence.tso', 'order loads and stores as total store order does', 'fence rw, rw with fm = 1000'),
	unimp: doc('unimp', 'an illegal instruction: traps with cause 2', 'csrrw x0, cycle, x0')
}; // prettier-ignore

/** Shorter ways to write some real instructions, which the assembler also accepts. */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
	jal: '`jal label` is `jal ra, label`',
	jalr: '`jalr rs` is `jalr ra, 0(rs)`',
	fence: '`fence` alone is `fence iorw, iorw`',
	'sfence.vma': '`sfence.vma` and `sfence.vma rs1` leave out x0 operands',
	'hfence.vvma': '`hfence.vvma` and `hfence.vvma rs1` leave out x0 operands',
	'hfence.gvma': '`hfence.gvma` and `hfence.gvma rs1` leave out x0 operands',
	lb: '`lb rd, symbol` loads from an address (auipc + lb)',
	lh: '`lh rd, symbol` loads from an address (auipc + lh)',
	lw: '`lw rd, symbol` loads from an address (auipc + lw)',
	lbu: '`lbu rd, symbol` loads from an address (auipc + lbu)',
	lhu: '`lhu rd, symbol` loads from an address (auipc + lhu)',
	sb: '`sb rs, symbol, rt` stores to an address, rt holding its upper part (auipc rt + sb)',
	sh: '`sh rs, symbol, rt` stores to an address, rt holding its upper part (auipc rt + sh)',
	sw: '`sw rs, symbol, rt` stores to an address, rt holding its upper part (auipc rt + sw)',
	csrrw: 'with an immediate third operand it is `csrrwi`',
	csrrs: 'with an immediate third operand it is `csrrsi`',
	csrrc: 'with an immediate third operand it is `csrrci`'
};
