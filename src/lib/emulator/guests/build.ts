/**
 * The course's guest: a small teaching kernel (kernel/*.s) and the workloads it runs
 * (workloads/*.s), assembled together into one image for `runVm`. The kernel boots in S-mode (or
 * VS-mode), pages with Sv32, runs two or three user processes round robin on the SBI timer,
 * serves system calls, pages on demand, and reports every process's checksum at the end before
 * shutting down through SBI SRST. Start reading at kernel/kernel.s.
 *
 * The sources are embedded as strings (sources.generated.ts, see embed.ts), so the same build runs
 * in the browser, in vitest and in the CLI.
 */
import { assemble } from '../asm/index.ts';
import type { AsmImage, Diagnostic, SourceMapEntry } from '../asm/index.ts';
import { GUEST_SOURCES } from './sources.generated.ts';

export type WorkloadName =
	| 'syscall'
	| 'pagetouch'
	| 'ptemod'
	| 'pingpong'
	| 'compute'
	| 'console'
	| 'spawn'
	| 'wset'
	| 'ptrate';

/** A workload's `.equ` constant that `buildGuest`'s `params` may set, e.g. WSET. */
export interface WorkloadParameter {
	/** The constant's name in the workload's source (upper case). */
	name: string;
	default: number;
	min: number;
	max: number;
	description: string;
}

/** The workloads, each with what it exercises (counts at scale 1) and its parameters. */
export const WORKLOADS: readonly {
	name: WorkloadName;
	description: string;
	parameters?: readonly WorkloadParameter[];
}[] = [
	{
		name: 'syscall',
		description: 'one process calls getpid() 5,000 times: the cost of a system call'
	},
	{ name: 'pagetouch', description: 'one process touches 200 fresh heap pages: demand paging' },
	{
		name: 'ptemod',
		description: 'one process maps and unmaps a page 500 times: page-table updates'
	},
	{
		name: 'pingpong',
		description: 'two processes yield to each other 1,000 times each: context switches'
	},
	{
		name: 'compute',
		description: 'three processes do arithmetic without system calls: only the timer preempts them'
	},
	{ name: 'console', description: 'one process writes 40 lines through write(): an emulated UART' },
	{
		name: 'spawn',
		description:
			'a parent spawns 8 children one at a time and waits for each: address spaces built and torn down'
	},
	{
		name: 'wset',
		description:
			'one process touches WSET (128) heap pages round robin, 200 rounds: TLB misses once WSET exceeds the TLB',
		parameters: [
			{ name: 'WSET', default: 128, min: 1, max: 1024, description: 'pages in the working set' },
			{ name: 'ROUNDS', default: 200, min: 1, max: 100_000, description: 'passes over them' }
		]
	},
	{
		name: 'ptrate',
		description:
			'one process reads 128 heap pages 4 times over, then maps and unmaps a page RATE (1) times; 100 such blocks: the page-table update rate',
		parameters: [
			{
				name: 'RATE',
				default: 1,
				min: 0,
				max: 10_000,
				description: 'map/unmap pairs per block'
			},
			{ name: 'WSET', default: 128, min: 1, max: 1024, description: 'pages read per block' },
			{ name: 'PASSES', default: 4, min: 1, max: 1000, description: 'reads of them per block' },
			{ name: 'BLOCKS', default: 100, min: 1, max: 100_000, description: 'blocks' }
		]
	}
];

export interface GuestOptions {
	/** Assemble the paravirtual kernel (priv.s with PV defined: hypercalls instead of privileged instructions). */
	pv?: boolean;
	/**
	 * The paravirtual kernel queues page-table updates and sends them in one pv_mmu_update (Xen's
	 * lazy MMU mode; default true). False sends each update in its own hypercall
	 * (kernel/pv.s, PV_QUEUE_MAX = 1). Only the pv kernel batches: without `pv` it changes nothing.
	 */
	batching?: boolean;
	/** Multiplies each workload's iteration count (a whole number from 1 to 10,000; default 1). */
	scale?: number;
	/** Ticks of the time CSR per time slice (default 2000: 200,000 instructions at 100 per tick). */
	timeSlice?: number;
	/**
	 * Values of the workload's parameters by name (`{ WSET: 256 }`): each must be one the workload
	 * lists in WORKLOADS, a whole number in its range. `.equ` lines ahead of the workload's
	 * `.ifndef` defaults.
	 */
	params?: Record<string, number>;
	/**
	 * Kernel source files replaced by these texts, by name (`{ 'kernel/pv-queue.s': text }`): a
	 * lab's student writes one file of the kernel and the rest is the course's. Only files the
	 * kernel has may be replaced.
	 */
	sources?: Record<string, string>;
}

export interface GuestBuild {
	/** Present exactly when there is no error. */
	image?: AsmImage;
	diagnostics: Diagnostic[];
	/** Address → file and line, files named as in `files` (empty without an image). */
	sourceMap: SourceMapEntry[];
	/** Every source of the build by name: the generated top file `guest.s` and each included one. */
	files: Record<string, string>;
}

/** The top file's name; it includes the kernel, the workload and the kernel's end marker. */
export const GUEST_MAIN = 'guest.s';
export const MAX_SCALE = 10_000;

/** Assembles the kernel with one of the course's workloads. Never throws. */
export function buildGuest(workload: WorkloadName, options: GuestOptions = {}): GuestBuild {
	const known = WORKLOADS.find((w) => w.name === workload);
	if (!known)
		return failed(
			`unknown workload '${workload}' (known: ${WORKLOADS.map((w) => w.name).join(', ')})`
		);
	for (const [name, value] of Object.entries(options.params ?? {})) {
		const p = known.parameters?.find((q) => q.name === name);
		if (!p)
			return failed(
				`workload '${workload}' has no parameter ${name}` +
					(known.parameters ? ` (it has ${known.parameters.map((q) => q.name).join(', ')})` : '')
			);
		if (!Number.isInteger(value) || value < p.min || value > p.max)
			return failed(`${name} ${value} must be a whole number from ${p.min} to ${p.max}`);
	}
	return assembleGuest(`workloads/${workload}.s`, {}, options);
}

/**
 * Assembles the kernel with a workload of one's own (the playground): `source` plays the part of
 * a workloads/*.s file and must define `programs`, `boot_programs` and `workload_name` as they do.
 * It may `.include "workloads/user.s"`.
 */
export function buildGuestWithWorkload(source: string, options: GuestOptions = {}): GuestBuild {
	return assembleGuest('workloads/custom.s', { 'workloads/custom.s': source }, options);
}

function assembleGuest(
	workloadFile: string,
	extra: Record<string, string>,
	options: GuestOptions
): GuestBuild {
	for (const name of Object.keys(options.sources ?? {}))
		if (!name.startsWith('kernel/') || GUEST_SOURCES[name] === undefined)
			return failed(`there is no kernel file '${name}' to replace`);
	const scale = options.scale ?? 1;
	if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE)
		return failed(`scale ${scale} must be a whole number from 1 to ${MAX_SCALE}`);
	const timeSlice = options.timeSlice;
	if (
		timeSlice !== undefined &&
		(!Number.isInteger(timeSlice) || timeSlice < 1 || timeSlice >= 2 ** 31)
	)
		return failed(`time slice ${timeSlice} must be a whole number of ticks from 1 to 2^31 − 1`);
	const main = [
		`# ${GUEST_MAIN}: the guest kernel with ${workloadFile}`,
		options.pv ? '.equ PV, 1                        # the paravirtual kernel (kernel/priv.s)' : '',
		options.pv && options.batching === false
			? '.equ PV_QUEUE_MAX, 1                # no batching: one pv_mmu_update per PTE (kernel/pv.s)'
			: '',
		scale !== 1 ? `.equ SCALE, ${scale}` : '',
		timeSlice !== undefined ? `.equ TIME_SLICE, ${timeSlice}` : '',
		...Object.entries(options.params ?? {}).map(([name, value]) => `.equ ${name}, ${value}`),
		'.include "kernel/kernel.s"',
		`.include "${workloadFile}"`,
		'.include "kernel/end.s"'
	]
		.filter((line) => line !== '')
		.map((line) => line + '\n')
		.join('');
	const files: Record<string, string> = { [GUEST_MAIN]: main };
	const result = assemble(files[GUEST_MAIN], {
		file: GUEST_MAIN,
		include: (name) => {
			const text = extra[name] ?? options.sources?.[name] ?? GUEST_SOURCES[name];
			if (text !== undefined) files[name] = text;
			return text;
		}
	});
	return {
		image: result.image,
		diagnostics: result.diagnostics,
		sourceMap: result.image?.sourceMap ?? [],
		files
	};
}

function failed(message: string): GuestBuild {
	return {
		diagnostics: [
			{ line: 1, column: 1, endColumn: 2, message, severity: 'error', file: GUEST_MAIN }
		],
		sourceMap: [],
		files: {}
	};
}
