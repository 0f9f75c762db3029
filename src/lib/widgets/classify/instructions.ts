/**
 * The instructions a student classifies in `::classify`, with the right answers and one sentence
 * per language saying why. Pure data: the widget, its checker and the tests read it.
 *
 * The terms are Popek and Goldberg's (CACM 17(7), 1974). An instruction is **privileged** if it
 * traps in user mode and does not trap in supervisor mode. It is **sensitive** if, without
 * trapping, it can change the processor's mode or the memory map (control-sensitive) or behaves
 * differently depending on them (behaviour-sensitive). An instruction that traps in every mode is
 * neither: whatever it does happens through the trap, which the monitor receives.
 *
 * RISC-V answers are those of the course's machine, an RV32 hart with M, S and U modes (Privileged
 * spec 20211203): a CSR's address bits 9:8 give the lowest mode that may access it (§2.1), SRET
 * and SFENCE.VMA are illegal in U-mode (§3.3.2, §4.2.1), and WFI is illegal in U-mode when S-mode
 * exists (§3.1.6.5). The load is LW: RV32I has no LD, which belongs to RV64I (Unprivileged spec
 * §5.3), and the course's assembler rejects it. A unit test runs each RISC-V instruction on the
 * machine in U-mode and in S-mode and checks that `privileged` says what it does.
 *
 * x86 answers are for a processor before UMIP (which later let an OS make SGDT trap in user mode):
 * POPF and SGDT are two of the sensitive but unprivileged instructions Robin and Irvine listed
 * (USENIX Security 2000), the reason x86 could not be virtualized by trap-and-emulate alone.
 */
import type { Lang } from '../../content/types.ts';

export const INSTRUCTION_SETS = ['riscv', 'x86'] as const;
export type InstructionSet = (typeof INSTRUCTION_SETS)[number];

export interface ClassifiedInstruction {
	/** Stable id: what the student's answers are saved under. */
	id: string;
	set: InstructionSet;
	/** The instruction as an assembler writes it (RISC-V: GNU as; x86: Intel syntax). */
	code: string;
	sensitive: boolean;
	privileged: boolean;
	/** One sentence: why the answers are what they are. */
	why: Record<Lang, string>;
}

export const INSTRUCTIONS: readonly ClassifiedInstruction[] = [
	{
		id: 'csrr-sstatus',
		set: 'riscv',
		code: 'csrr a0, sstatus',
		sensitive: true,
		privileged: true,
		why: {
			en: 'sstatus holds the interrupt enable and the mode the last trap came from, so its value depends on privileged state; its address (0x100) marks it as a supervisor CSR, and reading it in U-mode raises an illegal-instruction exception.',
			zh: 'sstatus 保存着中断使能位和上一次陷入来自哪个模式，读到的值取决于特权状态，所以它是敏感的；它的地址（0x100）表明这是一个 S 模式 CSR，在 U 模式下读取会引发非法指令异常，所以它是特权的。'
		}
	},
	{
		id: 'sret',
		set: 'riscv',
		code: 'sret',
		sensitive: true,
		privileged: true,
		why: {
			en: 'SRET changes the mode (it returns to the mode saved in sstatus.SPP) and re-enables interrupts, so it is sensitive; in U-mode it raises an illegal-instruction exception, so it is privileged.',
			zh: 'SRET 会改变处理器模式（返回到 sstatus.SPP 保存的模式）并重新打开中断，所以它是敏感的；在 U 模式下执行会引发非法指令异常，所以它是特权的。'
		}
	},
	{
		id: 'sfence-vma',
		set: 'riscv',
		code: 'sfence.vma',
		sensitive: true,
		privileged: true,
		why: {
			en: 'SFENCE.VMA decides when page-table changes reach the address translation, which is the memory map, so it is sensitive; in U-mode it raises an illegal-instruction exception, so it is privileged.',
			zh: 'SFENCE.VMA 决定页表的修改何时对地址转换生效，也就是影响内存映射，所以它是敏感的；在 U 模式下执行会引发非法指令异常，所以它是特权的。'
		}
	},
	{
		id: 'wfi',
		set: 'riscv',
		code: 'wfi',
		sensitive: true,
		privileged: true,
		why: {
			en: 'WFI can stop the real processor until an interrupt arrives, taking a real resource that the monitor must keep control of, so it is sensitive; on a machine with S-mode it raises an illegal-instruction exception in U-mode, so it is privileged.',
			zh: 'WFI 可以让真实的处理器停下来等待中断，占用了本应由虚拟机监控器掌控的真实资源，所以它是敏感的；在有 S 模式的机器上，U 模式执行它会引发非法指令异常，所以它是特权的。'
		}
	},
	{
		id: 'ecall',
		set: 'riscv',
		code: 'ecall',
		sensitive: false,
		privileged: false,
		why: {
			en: 'ECALL traps in every mode, user mode included, so it is not privileged (it does not trap only in user mode); and since it changes the mode only by trapping, the monitor always gets control: it is not sensitive either.',
			zh: 'ECALL 在任何模式下都会陷入，包括用户模式，所以它不是特权指令（它并非只在用户模式下陷入）；它只通过陷入来改变模式，虚拟机监控器总能获得控制权，所以它也不是敏感指令。'
		}
	},
	{
		id: 'add',
		set: 'riscv',
		code: 'add a0, a1, a2',
		sensitive: false,
		privileged: false,
		why: {
			en: 'ADD only reads and writes ordinary registers: it does the same in every mode and never traps, so it is neither sensitive nor privileged and can run directly on the processor.',
			zh: 'ADD 只读写普通寄存器：在任何模式下效果都相同，也从不陷入，所以它既不敏感也不特权，可以直接在处理器上运行。'
		}
	},
	{
		id: 'lw',
		set: 'riscv',
		code: 'lw a0, 0(a1)',
		sensitive: false,
		privileged: false,
		why: {
			en: 'LW (the 32-bit load; the course’s RV32 machine has no LD, which is RV64) goes through the page tables the monitor controls and does not depend on the mode, so it is neither sensitive nor privileged.',
			zh: 'LW（32 位加载；本课程的 RV32 机器没有 LD，那是 RV64 的指令）经过虚拟机监控器掌控的页表完成访问，效果与模式无关，所以它既不敏感也不特权。'
		}
	},
	{
		id: 'popf',
		set: 'x86',
		code: 'popf',
		sensitive: true,
		privileged: false,
		why: {
			en: 'POPF sets the interrupt flag in ring 0, but in a less privileged ring it silently leaves the flag unchanged instead of trapping: it is sensitive but not privileged, so the monitor never learns that a deprivileged guest kernel wanted interrupts off.',
			zh: 'POPF 在 0 环中会修改中断标志，在特权更低的环中却悄悄保持该标志不变，而不是陷入：它是敏感的但不是特权的，所以被降权运行的客户机内核想要关中断时，虚拟机监控器根本无从得知。'
		}
	},
	{
		id: 'sgdt',
		set: 'x86',
		code: 'sgdt [mem]',
		sensitive: true,
		privileged: false,
		why: {
			en: 'SGDT stores the real descriptor-table register, where the monitor keeps its own table, and it runs in user mode without trapping: it is sensitive but not privileged, and the guest sees the host’s value instead of its own.',
			zh: 'SGDT 会存出真实的描述符表寄存器（其中是虚拟机监控器自己的表的位置），而且在用户模式下执行也不陷入：它是敏感的但不是特权的，客户机看到的是宿主机的值而不是它自己的。'
		}
	},
	{
		id: 'mov-cr3',
		set: 'x86',
		code: 'mov cr3, eax',
		sensitive: true,
		privileged: true,
		why: {
			en: 'MOV to CR3 switches the page-table root, the memory map itself, so it is sensitive; outside ring 0 it raises a general-protection fault, so it is privileged.',
			zh: '写 CR3 会切换页表根，即内存映射本身，所以它是敏感的；在 0 环以外执行会引发一般保护异常，所以它是特权的。'
		}
	}
];

/** The instructions of the given sets, in the sets' order, each set in the table's order. */
export function instructionsOf(sets: readonly InstructionSet[]): ClassifiedInstruction[] {
	return sets.flatMap((set) => INSTRUCTIONS.filter((i) => i.set === set));
}
