/**
 * The playground's examples menu: each example's id, title and one-line description in both
 * languages, and where its program comes from.
 *
 * Six are single files in this folder (embedded as strings in sources.generated.ts, see embed.ts):
 * they start in M-mode at `_start` with no firmware, print through the UART and end by writing
 * to the test finisher, exit code 0. The seventh is the course's guest kernel itself, built by
 * src/lib/emulator/guests/build.ts from its own sources (no copy here); it boots in S-mode behind
 * SBI firmware: the playground runs it with the debugging session's firmware
 * (src/lib/emulator/session/firmware.ts), the hypervisor with runVm (src/lib/emulator/vmm/vm.ts).
 */
import type { Lang } from '../../../content/types.ts';
import { buildGuest, GUEST_MAIN, type WorkloadName } from '../../../emulator/guests/build.ts';
import { inlineIncludes } from './inline-includes.ts';
import { EXAMPLE_SOURCES } from './sources.generated.ts';

export type ExampleSource =
	/** One assembly file of this folder, run on a bare Machine from its entry in M-mode. */
	| { kind: 'file'; file: string }
	/** The guest kernel with one of its workloads, built by buildGuest and run by runVm. */
	| { kind: 'guest'; workload: WorkloadName };

export interface Example {
	id: string;
	title: Record<Lang, string>;
	description: Record<Lang, string>;
	source: ExampleSource;
}

export const EXAMPLES: readonly Example[] = [
	{
		id: 'hello',
		title: { en: 'Hello, UART', zh: '你好，UART' },
		description: {
			en: 'Prints a line by storing bytes to the memory-mapped UART, then powers off.',
			zh: '把字节逐个写入内存映射的 UART 来打印一行文字，然后关机。'
		},
		source: { kind: 'file', file: 'hello.s' }
	},
	{
		id: 'loops',
		title: { en: 'Loops and calls', zh: '循环与函数调用' },
		description: {
			en: 'A counting loop, a recursive factorial with stack frames, and decimal printing.',
			zh: '计数循环、使用栈帧的递归阶乘，以及十进制数的打印。'
		},
		source: { kind: 'file', file: 'loops.s' }
	},
	{
		id: 'traps',
		title: { en: 'Traps and delegation', zh: '陷入与委托' },
		description: {
			en: 'U-mode system calls go to an S-mode kernel through medeleg; the kernel asks M-mode to power off.',
			zh: 'U 模式的系统调用经 medeleg 委托给 S 模式内核处理；内核再请求 M 模式关机。'
		},
		source: { kind: 'file', file: 'traps.s' }
	},
	{
		id: 'timer',
		title: { en: 'Timer interrupt', zh: '定时器中断' },
		description: {
			en: 'Sets the CLINT’s mtimecmp, watches mip.MTIP, then takes three timer interrupts.',
			zh: '设置 CLINT 的 mtimecmp，观察 mip.MTIP 置位，然后响应三次定时器中断。'
		},
		source: { kind: 'file', file: 'timer.s' }
	},
	{
		id: 'paging',
		title: { en: 'Sv32 paging', zh: 'Sv32 分页' },
		description: {
			en: 'Builds a two-level page table, turns on satp, and maps a page when a store faults.',
			zh: '构建两级页表并开启 satp，在存储缺页时按需映射该页。'
		},
		source: { kind: 'file', file: 'paging.s' }
	},
	{
		id: 'two-stage',
		title: { en: 'VS-mode and two-stage translation', zh: 'VS 模式与两级地址转换' },
		description: {
			en: 'A hypervisor enters a guest with hgatp and vsatp, and backs its memory on a guest-page fault.',
			zh: '虚拟机监控器设置 hgatp 与 vsatp 后进入客户机，并在客户机页错误时为其分配内存。'
		},
		source: { kind: 'file', file: 'two-stage.s' }
	},
	{
		id: 'guest-kernel',
		title: { en: 'The course’s guest kernel', zh: '课程的客户机内核' },
		description: {
			en: 'The teaching kernel the hypervisor runs: Sv32 processes, system calls, a timer; here with the console workload.',
			zh: '虚拟机监控器所运行的教学内核：Sv32 进程、系统调用与定时器；此处搭配 console 负载。'
		},
		source: { kind: 'guest', workload: 'console' }
	}
];

export function findExample(id: string): Example | undefined {
	return EXAMPLES.find((e) => e.id === id);
}

/** An example's sources as the editor shows them: every file by name, and the one to open. */
export interface ExampleFiles {
	main: string;
	files: Record<string, string>;
}

/**
 * The example's source files. For the guest kernel these are the files buildGuest reads (its
 * generated top file, the kernel and the workload), so what the editor shows is what is built.
 */
export function exampleFiles(example: Example): ExampleFiles {
	const source = example.source;
	if (source.kind === 'file')
		return { main: source.file, files: { [source.file]: EXAMPLE_SOURCES[source.file] ?? '' } };
	return { main: GUEST_MAIN, files: buildGuest(source.workload).files };
}

/** What the playground's editor opens for an example, and whether it boots behind firmware. */
export interface ExampleProgram {
	source: string;
	/** Boot behind SBI firmware in S-mode (the debugging session's `firmware` option). */
	firmware: boolean;
}

/**
 * The example as one editable text. The guest kernel's files are inlined into one (the editor
 * shows one file; inline-includes.ts), in the order the assembler reads them: guest.s, then the
 * kernel, the workload and the end marker, each between comment lines naming its file. It
 * assembles to the same image as buildGuest, so a student's edit anywhere takes effect.
 */
export function exampleProgram(example: Example): ExampleProgram {
	const { main, files } = exampleFiles(example);
	if (example.source.kind === 'file') return { source: files[main], firmware: false };
	return { source: inlineIncludes(files, main), firmware: true };
}
