/**
 * What each instruction of the table (src/lib/emulator/isa/table.ts) does, in one line of the
 * pseudo-code the specifications use. Notation: `M32[a]` is the 32-bit word at address a, `sext`
 * and `zext` sign- and zero-extend to 32 bits, `<s`/`<u` compare signed/unsigned, `>>s`/`>>u`
 * shift arithmetically/logically, and `offset` is the immediate an operand such as `offset(rs1)`
 * or a label gives. The unit test checks that every instruction of the table has exactly one line.
 */

export const OPERATIONS: Readonly<Record<string, string>> = {
	// RV32I (Volume I chapter 2)
	lui: 'rd = imm20 << 12',
	auipc: 'rd = pc + (imm20 << 12)',
	jal: 'rd = pc + 4; pc = pc + offset',
	jalr: 'rd = pc + 4; pc = (rs1 + offset) & ~1',
	beq: 'if (rs1 == rs2) pc = pc + offset',
	bne: 'if (rs1 != rs2) pc = pc + offset',
	blt: 'if (rs1 <s rs2) pc = pc + offset',
	bge: 'if (rs1 >=s rs2) pc = pc + offset',
	bltu: 'if (rs1 <u rs2) pc = pc + offset',
	bgeu: 'if (rs1 >=u rs2) pc = pc + offset',
	lb: 'rd = sext(M8[rs1 + offset])',
	lh: 'rd = sext(M16[rs1 + offset])',
	lw: 'rd = M32[rs1 + offset]',
	lbu: 'rd = zext(M8[rs1 + offset])',
	lhu: 'rd = zext(M16[rs1 + offset])',
	sb: 'M8[rs1 + offset] = rs2[7:0]',
	sh: 'M16[rs1 + offset] = rs2[15:0]',
	sw: 'M32[rs1 + offset] = rs2',
	addi: 'rd = rs1 + imm12',
	slti: 'rd = (rs1 <s imm12) ? 1 : 0',
	sltiu: 'rd = (rs1 <u sext(imm12)) ? 1 : 0',
	xori: 'rd = rs1 ^ imm12',
	ori: 'rd = rs1 | imm12',
	andi: 'rd = rs1 & imm12',
	slli: 'rd = rs1 << shamt',
	srli: 'rd = rs1 >>u shamt',
	srai: 'rd = rs1 >>s shamt',
	add: 'rd = rs1 + rs2',
	sub: 'rd = rs1 - rs2',
	sll: 'rd = rs1 << rs2[4:0]',
	slt: 'rd = (rs1 <s rs2) ? 1 : 0',
	sltu: 'rd = (rs1 <u rs2) ? 1 : 0',
	xor: 'rd = rs1 ^ rs2',
	srl: 'rd = rs1 >>u rs2[4:0]',
	sra: 'rd = rs1 >>s rs2[4:0]',
	or: 'rd = rs1 | rs2',
	and: 'rd = rs1 & rs2',
	fence:
		'accesses of the kinds in pred before it happen before accesses of the kinds in succ after it',
	ecall: 'raise an environment-call exception (cause 8, 9, 10 or 11: from U, HS, VS or M)',
	ebreak: 'raise a breakpoint exception (cause 3)',
	// Zifencei (Volume I chapter 3)
	'fence.i': 'later instruction fetches see the stores made before it',
	// Zicsr (Volume I chapter 9)
	csrrw: 't = CSR; CSR = rs1; rd = t',
	csrrs: 't = CSR; CSR = t | rs1; rd = t (no write when rs1 is x0)',
	csrrc: 't = CSR; CSR = t & ~rs1; rd = t (no write when rs1 is x0)',
	csrrwi: 't = CSR; CSR = uimm5; rd = t',
	csrrsi: 't = CSR; CSR = t | uimm5; rd = t (no write when uimm5 is 0)',
	csrrci: 't = CSR; CSR = t & ~uimm5; rd = t (no write when uimm5 is 0)',
	// M (Volume I chapter 7)
	mul: 'rd = (rs1 × rs2)[31:0]',
	mulh: 'rd = (sext(rs1) × sext(rs2))[63:32]',
	mulhsu: 'rd = (sext(rs1) × zext(rs2))[63:32]',
	mulhu: 'rd = (zext(rs1) × zext(rs2))[63:32]',
	div: 'rd = rs1 /s rs2, rounded towards zero (x / 0 = -1)',
	divu: 'rd = rs1 /u rs2 (x / 0 = 0xffffffff)',
	rem: 'rd = rs1 %s rs2, the sign of rs1 (x % 0 = x)',
	remu: 'rd = rs1 %u rs2 (x % 0 = x)',
	// A (Volume I chapter 8): each AMO reads, computes and writes M32[rs1] as one atomic step
	'lr.w': 'rd = M32[rs1]; reserve the address',
	'sc.w': 'if the reservation holds: M32[rs1] = rs2, rd = 0; else rd = 1 (nonzero)',
	'amoswap.w': 'rd = M32[rs1]; M32[rs1] = rs2',
	'amoadd.w': 'rd = M32[rs1]; M32[rs1] = rd + rs2',
	'amoxor.w': 'rd = M32[rs1]; M32[rs1] = rd ^ rs2',
	'amoand.w': 'rd = M32[rs1]; M32[rs1] = rd & rs2',
	'amoor.w': 'rd = M32[rs1]; M32[rs1] = rd | rs2',
	'amomin.w': 'rd = M32[rs1]; M32[rs1] = min_s(rd, rs2)',
	'amomax.w': 'rd = M32[rs1]; M32[rs1] = max_s(rd, rs2)',
	'amominu.w': 'rd = M32[rs1]; M32[rs1] = min_u(rd, rs2)',
	'amomaxu.w': 'rd = M32[rs1]; M32[rs1] = max_u(rd, rs2)',
	// Privileged (Volume II chapters 3 and 4)
	sret: 'pc = sepc; mode = sstatus.SPP (and V = hstatus.SPV from HS); SIE = SPIE',
	mret: 'pc = mepc; mode = mstatus.MPP (and V = MPV); MIE = MPIE',
	wfi: 'wait until an interrupt is pending (it may also return at once)',
	'sfence.vma':
		'order page-table writes before later translations; drop cached translations of address rs1 in address space rs2 (x0: all)',
	// Hypervisor: fences, and loads and stores as if V = 1
	'hfence.vvma':
		'drop cached VS-stage translations of guest virtual address rs1 in guest address space rs2 (x0: all), for the current VMID',
	'hfence.gvma':
		'drop cached G-stage translations of guest physical address rs1 << 2 for VMID rs2 (x0: all)',
	'hlv.b': 'rd = sext(M8[rs1]), read as VS- or VU-mode would (hstatus.SPVP), through both stages',
	'hlv.bu': 'rd = zext(M8[rs1]), read as VS- or VU-mode would, through both stages',
	'hlv.h': 'rd = sext(M16[rs1]), read as VS- or VU-mode would, through both stages',
	'hlv.hu': 'rd = zext(M16[rs1]), read as VS- or VU-mode would, through both stages',
	'hlvx.hu':
		'rd = zext(M16[rs1]), read as a guest fetch would: needs execute, not read, permission',
	'hlv.w': 'rd = M32[rs1], read as VS- or VU-mode would, through both stages',
	'hlvx.wu': 'rd = M32[rs1], read as a guest fetch would: needs execute, not read, permission',
	'hsv.b': 'M8[rs1] = rs2[7:0], written as VS- or VU-mode would, through both stages',
	'hsv.h': 'M16[rs1] = rs2[15:0], written as VS- or VU-mode would, through both stages',
	'hsv.w': 'M32[rs1] = rs2, written as VS- or VU-mode would, through both stages'
};
