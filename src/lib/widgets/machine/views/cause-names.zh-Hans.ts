/**
 * The trap causes in Simplified Chinese, keyed by code as src/lib/emulator/machine/cause-names.ts
 * keys them in English: exception codes when mcause's Interrupt bit is 0, interrupt codes (also the
 * bit numbers in mip and mie) when it is 1 (RISC-V privileged spec, Table 3.6, with the hypervisor
 * extension's additions). The engine stays English for the CLI; the views translate here. Mode
 * names (U, VU, HS, VS, M) and "AMO" stay as the specification writes them, as the lessons do.
 */

/** Exception codes when mcause's Interrupt bit is 0. */
export const EXCEPTION_NAMES_ZH: Readonly<Record<number, string>> = {
	0: '指令地址未对齐',
	1: '取指访问错误',
	2: '非法指令',
	3: '断点',
	4: '加载地址未对齐',
	5: '加载访问错误',
	6: '存储/AMO 地址未对齐',
	7: '存储/AMO 访问错误',
	8: '来自 U 模式或 VU 模式的环境调用',
	9: '来自 HS 模式的环境调用',
	10: '来自 VS 模式的环境调用',
	11: '来自 M 模式的环境调用',
	12: '取指页错误',
	13: '加载页错误',
	15: '存储/AMO 页错误',
	20: '取指客户机页错误',
	21: '加载客户机页错误',
	22: '虚拟指令',
	23: '存储/AMO 客户机页错误'
};

/** Interrupt codes (mcause's Interrupt bit 1), which are also the bit numbers in mip and mie. */
export const INTERRUPT_NAMES_ZH: Readonly<Record<number, string>> = {
	1: 'S 模式软件中断',
	2: 'VS 模式软件中断',
	3: 'M 模式软件中断',
	5: 'S 模式定时器中断',
	6: 'VS 模式定时器中断',
	7: 'M 模式定时器中断',
	9: 'S 模式外部中断',
	10: 'VS 模式外部中断',
	11: 'M 模式外部中断',
	12: 'S 模式客户机外部中断'
};

/** The name of the trap an mcause, scause or vscause value reports, in Chinese. */
export function trapCauseNameZh(cause: number): string {
	// The Interrupt bit is mcause's bit 31 on RV32 (§3.1.15).
	const interrupt = cause >>> 31 === 1;
	const code = cause & 0x7fffffff;
	const name = interrupt ? INTERRUPT_NAMES_ZH[code] : EXCEPTION_NAMES_ZH[code];
	return name ?? `${interrupt ? '中断' : '异常'} ${code}（未定义）`;
}
