/**
 * What the bits of the CSRs mean, in Simplified Chinese: the same field tables as
 * ../csr-fields.ts (The RISC-V Instruction Set Manual, Volume II, 20211203, RV32), keyed by CSR name
 * and field name, each with a description (`doc`) and the meaning of a value (`meaning`).
 *
 * Why keyed by CSR and field, not by the English text: many meanings are computed from the value
 * ("root table at 0x80001000", the misa letters, the cause's name, "5 (reserved)"), so no fixed
 * English string could find them; and one field name means different things in different CSRs
 * (MODE in satp, hgatp and mtvec; GVA in mstatush and hstatus), which the CSR in the key tells
 * apart. A unit test walks CSR_FIELDS so that a field added in English and not here fails.
 *
 * RISC-V names stay as the specification writes them: CSRs, fields, instructions, modes (U, S,
 * HS, VS, VU, M), the translation schemes (Bare, Sv32) and the extension states (Off … Dirty).
 */
import type { CsrField } from '../csr-fields.ts';
import { EXCEPTION_NAMES_ZH, INTERRUPT_NAMES_ZH, trapCauseNameZh } from './cause-names.zh-Hans.ts';

/** A field's description and the meaning of each value, in Chinese. */
export interface CsrFieldZh {
	readonly doc: string;
	/** The meaning of a value of the field; `csr` is the whole register, for fields read together. */
	readonly meaning: CsrField['meaning'];
}

type FieldTable = Readonly<Record<string, CsrFieldZh>>;

const hex = (n: number) => '0x' + n.toString(16).padStart(8, '0');

const field = (doc: string, meaning: CsrField['meaning'] = (v) => String(v)): CsrFieldZh => ({
	doc,
	meaning
});

/** A one-bit field, with what 1 and 0 mean. */
const flag = (doc: string, on: string, off: string) => field(doc, (v) => (v ? on : off));

/** A field whose values each have a name. */
const named = (doc: string, names: readonly string[]) =>
	field(doc, (v) => names[v] ?? `${v}（保留）`);

/** The fields of `table` named, in that order (sstatus is a view of mstatus). */
function pick(table: FieldTable, names: readonly string[]): FieldTable {
	return Object.fromEntries(names.map((n) => [n, table[n]]));
}

const PRIVILEGE = ['U', 'S', '2（保留）', 'M'];
const EXTENSION_STATE = ['Off（关闭）', 'Initial（初始）', 'Clean（干净）', 'Dirty（已修改）'];
const BIG_ENDIAN = ['小端', '大端'] as const;
const endianness = (doc: string) => flag(doc, BIG_ENDIAN[1], BIG_ENDIAN[0]);

// mstatus (§3.1.6); sstatus shows some of its fields (§4.1.1), vsstatus has sstatus's layout.
const MSTATUS: FieldTable = {
	SD: flag('FS、VS 或 XS 为 Dirty', '有状态已修改', '没有状态被修改'),
	TSR: flag('S 模式下执行 SRET 是非法指令', 'SRET 陷入', '允许'),
	TW: flag('M 模式以下执行 WFI 是非法指令', 'WFI 陷入', '允许'),
	TVM: flag('S 模式下访问 satp 和执行 SFENCE.VMA 会陷入', '会陷入', '允许'),
	MXR: flag('加载可以读取可执行的页', 'X 页也可读', '只有 R 页可读'),
	SUM: flag('S 模式可以访问 U 页', 'S 可访问 U 页', 'S 不可访问 U 页'),
	MPRV: flag('加载和存储按 MPP 中的特权级进行', '按 MPP', '按 M'),
	XS: named('其他扩展的状态', EXTENSION_STATE),
	FS: named('浮点状态（这里没有 F 扩展：Off）', EXTENSION_STATE),
	MPP: named('上一次陷入 M 之前的特权级；MRET 返回到它', PRIVILEGE),
	VS: named('向量状态（这里没有 V 扩展：Off）', EXTENSION_STATE),
	SPP: named('上一次陷入 S 之前的特权级；SRET 返回到它', PRIVILEGE),
	MPIE: flag('上一次陷入 M 之前的 MIE', '原为使能', '原为禁用'),
	UBE: endianness('U 模式的数据为大端序'),
	SPIE: flag('上一次陷入 S 之前的 SIE', '原为使能', '原为禁用'),
	MIE: flag('M 模式中断使能', '使能', '禁用'),
	SIE: flag('S 模式中断使能', '使能', '禁用')
};

const SSTATUS: FieldTable = pick(MSTATUS, [
	'SD',
	'MXR',
	'SUM',
	'XS',
	'FS',
	'VS',
	'SPP',
	'UBE',
	'SPIE',
	'SIE'
]);

const MSTATUSH: FieldTable = {
	MPV: flag('上一次陷入 M 之前的 V；MRET 返回到它', 'V=1', 'V=0'),
	GVA: flag('mtval 中是客户机虚拟地址', '客户机虚拟地址', '不是客户机虚拟地址'),
	MBE: endianness('M 模式的数据为大端序'),
	SBE: endianness('S 模式的数据为大端序')
};

const HSTATUS: FieldTable = {
	VTSR: flag('VS 模式下执行 SRET 会陷入（虚拟指令）', 'SRET 陷入', '允许'),
	VTW: flag('VS 模式下执行 WFI 会陷入（虚拟指令）', 'WFI 陷入', '允许'),
	VTVM: flag('VS 模式下访问 satp 和执行 SFENCE.VMA 会陷入', '会陷入', '允许'),
	VGEIN: field('VSEIP 所反映的客户机外部中断'),
	HU: flag('U 模式下可以执行 Hypervisor 指令', 'U 模式可用', 'U 模式不可用'),
	SPVP: named('HLV/HSV 按哪种特权级访问：VU 或 VS', ['VU', 'VS']),
	SPV: flag('上一次陷入 HS 之前的 V；SRET 返回到它', 'V=1', 'V=0'),
	GVA: flag('stval 中是客户机虚拟地址', '客户机虚拟地址', '不是客户机虚拟地址'),
	VSBE: endianness('VS 模式的数据为大端序')
};

/** Root page table address: a PPN times the 4 KiB page size, up to 34 bits. */
const rootTable = (ppn: number) => `根页表位于 0x${(ppn * 4096).toString(16)}`;

const SATP: FieldTable = {
	MODE: named('地址转换方案', ['Bare（不转换）', 'Sv32']),
	ASID: field('地址空间标识符'),
	PPN: field('根页表的物理页号', rootTable)
};

const HGATP: FieldTable = {
	MODE: named('G 阶段地址转换方案', ['Bare（不转换）', 'Sv32x4']),
	VMID: field('虚拟机标识符'),
	PPN: field('G 阶段根页表（16 KiB，所以 PPN 是 4 的倍数）', rootTable)
};

const TVEC: FieldTable = {
	BASE: field('陷入处理程序的地址除以 4', (v) => `处理程序位于 ${hex(v * 4)}`),
	MODE: named('Direct：所有陷入都进入 BASE；Vectored：中断进入 BASE + 4×原因号', [
		'Direct（直接）',
		'Vectored（向量）'
	])
};

const CAUSE: FieldTable = {
	Interrupt: flag('这次陷入是中断', '中断', '异常'),
	Code: field('异常码或中断码', (_v, csr) => trapCauseNameZh(csr))
};

/** The interrupts by their short names and bit numbers in mip/mie (§3.1.9) and hip/hie. */
const M_INTERRUPTS = {
	SGEI: 12,
	MEI: 11,
	VSEI: 10,
	SEI: 9,
	MTI: 7,
	VSTI: 6,
	STI: 5,
	MSI: 3,
	VSSI: 2,
	SSI: 1
} as const;
type InterruptName = keyof typeof M_INTERRUPTS;

const S_INTERRUPTS: readonly InterruptName[] = ['SEI', 'STI', 'SSI'];
const H_INTERRUPTS: readonly InterruptName[] = ['SGEI', 'VSEI', 'VSTI', 'VSSI'];
const HVIP_INTERRUPTS: readonly InterruptName[] = ['VSEI', 'VSTI', 'VSSI'];

/** Interrupt bits of mip (suffix P, pending) or mie (suffix E, enabled): SEIP, MTIE … */
function interruptBits(names: readonly InterruptName[], suffix: 'P' | 'E'): FieldTable {
	const [on, off] = suffix === 'P' ? ['待处理', '未待处理'] : ['使能', '禁用'];
	return Object.fromEntries(
		names.map((name) => [`${name}${suffix}`, flag(INTERRUPT_NAMES_ZH[M_INTERRUPTS[name]], on, off)])
	);
}

/**
 * vsip/vsie: what VS-mode sees as sip/sie. The VS interrupts (bits 10, 6, 2 of hip/hie) appear one
 * bit lower, where sip/sie have the S ones, so a guest kernel runs unchanged.
 */
function vsInterruptBits(suffix: 'P' | 'E'): FieldTable {
	const [on, off] = suffix === 'P' ? ['待处理', '未待处理'] : ['使能', '禁用'];
	return Object.fromEntries(
		S_INTERRUPTS.map((name) => {
			const vsBit = M_INTERRUPTS[name] + 1;
			const doc = `${INTERRUPT_NAMES_ZH[vsBit]}（即 hip/hie 中的 VS${name.slice(1)}${suffix}）`;
			return [`${name}${suffix}`, flag(doc, on, off)];
		})
	);
}

/** Delegation bits, one per interrupt (mideleg, hideleg), named by the interrupt's short name. */
const delegateInterrupts = (names: readonly InterruptName[], to: string): FieldTable =>
	Object.fromEntries(
		names.map((name) => [name, flag(INTERRUPT_NAMES_ZH[M_INTERRUPTS[name]], to, '不委托')])
	);

/** Delegation bits, one per exception (medeleg, hedeleg), named E and the exception code. */
const delegateExceptions = (codes: readonly number[], to: string): FieldTable =>
	Object.fromEntries(
		codes.map((code) => [`E${code}`, flag(EXCEPTION_NAMES_ZH[code], to, '不委托')])
	);

/** medeleg may delegate all but ECALL from M (§3.1.8); hedeleg keeps the hypervisor's own causes. */
const MEDELEG_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 20, 21, 22, 23];
const HEDELEG_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 15];

/** misa's Extensions field: bit i is letter 'A' + i. */
const extensionLetters = (bits: number) =>
	[...Array(26).keys()]
		.filter((i) => (bits >>> i) & 1)
		.map((i) => String.fromCharCode(65 + i))
		.join('') || '无';

const MISA: FieldTable = {
	MXL: named('本机寄存器宽度', ['0（未给出）', 'RV32', 'RV64', 'RV128']),
	Extensions: field('每个字母一位，A 在第 0 位', extensionLetters)
};

/** The Chinese field tables, by CSR name and then field name. */
export const CSR_FIELDS_ZH: Readonly<Record<string, FieldTable>> = {
	mstatus: MSTATUS,
	mstatush: MSTATUSH,
	misa: MISA,
	mtvec: TVEC,
	medeleg: delegateExceptions(MEDELEG_CODES, '委托给 HS/S'),
	mideleg: delegateInterrupts(['SGEI', 'VSEI', 'SEI', 'VSTI', 'STI', 'VSSI', 'SSI'], '委托给 HS/S'),
	mip: interruptBits(Object.keys(M_INTERRUPTS) as InterruptName[], 'P'),
	mie: interruptBits(Object.keys(M_INTERRUPTS) as InterruptName[], 'E'),
	mcause: CAUSE,
	sstatus: SSTATUS,
	stvec: TVEC,
	sip: interruptBits(S_INTERRUPTS, 'P'),
	sie: interruptBits(S_INTERRUPTS, 'E'),
	scause: CAUSE,
	satp: SATP,
	hstatus: HSTATUS,
	hedeleg: delegateExceptions(HEDELEG_CODES, '委托给 VS'),
	hideleg: delegateInterrupts(['VSEI', 'VSTI', 'VSSI'], '委托给 VS'),
	hvip: interruptBits(HVIP_INTERRUPTS, 'P'),
	hip: interruptBits(H_INTERRUPTS, 'P'),
	hie: interruptBits(H_INTERRUPTS, 'E'),
	hgatp: HGATP,
	vsstatus: SSTATUS,
	vstvec: TVEC,
	vsip: vsInterruptBits('P'),
	vsie: vsInterruptBits('E'),
	vscause: CAUSE,
	vsatp: SATP
};
