/**
 * `::page-walk{workload=pagetouch by=user mode=hw}` follows one guest virtual address of the
 * course's guest kernel through the three translations of the memory-virtualization lesson: the
 * native Sv32 walk, the shadow table of trap-and-emulate (with the monitor's fill on a hidden page
 * fault) and the two-stage walk of the H extension, reference by reference
 * (src/lib/emulator/vmm/page-walk-scenario.ts, run in a Web Worker).
 *
 * The workload names are written out rather than imported from the guest builder, so that
 * validating a lesson does not pull the assembler into the page; a unit test checks that they agree
 * with guests/build.ts.
 */
import { z } from 'zod';

export const PAGE_WALK_WORKLOADS = [
	'syscall',
	'pagetouch',
	'ptemod',
	'pingpong',
	'compute',
	'console',
	'spawn'
] as const;
export const PAGE_WALK_MODES = ['native', 'trap', 'hw'] as const;
export type PageWalkMode = (typeof PAGE_WALK_MODES)[number];

/** `0x00800000` or a decimal number: a 32-bit guest virtual address. */
const address = z
	.string()
	.trim()
	.regex(/^(0x[0-9a-fA-F]{1,8}|[0-9]{1,10})$/, 'must be an address: 0x… (hex) or decimal')
	.transform((text) => Number(text))
	.refine((n) => n <= 0xffffffff, 'must fit in 32 bits');

export const pageWalkSchema = z
	.object({
		/** The workload the guest kernel runs; its first data access is followed unless `va` says. */
		workload: z
			.enum(PAGE_WALK_WORKLOADS, {
				message: `workload must be one of ${PAGE_WALK_WORKLOADS.join(', ')}`
			})
			.default('pagetouch'),
		/** Whose access: a user process's or the guest kernel's. */
		by: z.enum(['user', 'kernel'], { message: 'by must be user or kernel' }).default('user'),
		/** The guest virtual address to follow (any access to its page counts). */
		va: address.optional(),
		/** The translation shown first. */
		mode: z
			.enum(PAGE_WALK_MODES, { message: `mode must be one of ${PAGE_WALK_MODES.join(', ')}` })
			.default('hw')
	})
	.strict();

export type PageWalkProps = z.output<typeof pageWalkSchema>;
