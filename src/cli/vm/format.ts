/**
 * Text output of `virtlab vm`: the exit report in `perf kvm stat report`'s layout, the side-by-side
 * comparison of modes, and one line per exit for `--trace exits`. Every cost is in model cycles.
 */
import { disassemble } from '../../lib/emulator/isa/disassemble.ts';
import type { ExitRecord } from '../../lib/emulator/vmm/exit-trace.ts';
import { describeOutcome, exitRows } from '../../lib/emulator/vmm/report.ts';
import type { VmRun } from '../../lib/emulator/vmm/vm.ts';

const group = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (f: number) => `${(f * 100).toFixed(2)}%`;
const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

/** A table with right-aligned columns after the first, which is left-aligned. */
function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** The report of one run, after the guest's output. */
export function formatReport(run: VmRun, title: string): string {
	const rows = exitRows(run);
	const lines = [
		`\n${title}: ${run.mode} mode, cost preset ${run.exits.costModel.id} (${run.exits.costModel.label})`
	];
	if (rows.length === 0) lines.push('no VM exits');
	else
		lines.push(
			table(
				[
					'VM-EXIT',
					'Samples',
					'Samples%',
					'Time%',
					'Min cycles',
					'Max cycles',
					'Avg cycles',
					'x86 analogue'
				],
				rows.map((r) => [
					r.reason,
					group(r.count),
					percent(r.share),
					percent(r.timeShare),
					group(r.modelCycles.min),
					group(r.modelCycles.max),
					group(r.modelCycles.avg),
					r.x86
				])
			).trimEnd()
		);
	lines.push(
		`guest instructions ${group(run.guestInstructions)}  exits ${group(run.exits.count)}` +
			(run.mode === 'native' ? `  firmware calls ${group(run.exits.firmwareCalls)}` : '') +
			`  model cycles ${group(run.modelCycles)}  wall ${run.seconds.toFixed(3)} s`,
		describeOutcome(run),
		'(cycles are model cycles from the cost preset, not measurements of this computer)'
	);
	return lines.join('\n') + '\n';
}

/** Several runs of the same guest side by side, one column per mode. */
export function formatComparison(runs: VmRun[]): string {
	const reasons = [...new Set(runs.flatMap((r) => exitRows(r).map((row) => row.reason)))];
	const count = (run: VmRun, reason: string) =>
		group(run.exits.byReason.get(reason as never)?.count ?? 0);
	const rows = [
		['guest instructions', ...runs.map((r) => group(r.guestInstructions))],
		['exits', ...runs.map((r) => group(r.exits.count))],
		...reasons.map((reason) => [`  ${reason}`, ...runs.map((r) => count(r, reason))]),
		['model cycles', ...runs.map((r) => group(r.modelCycles))],
		[
			'  per guest instruction',
			...runs.map((r) => (r.modelCycles / Math.max(1, r.guestInstructions)).toFixed(3))
		],
		['wall seconds', ...runs.map((r) => r.seconds.toFixed(3))],
		[
			'outcome',
			...runs.map((r) =>
				r.outcome.kind === 'exit' ? `exit ${r.outcome.exitCode}` : r.outcome.kind
			)
		]
	];
	return (
		table(['', ...runs.map((r) => r.mode)], rows) +
		'(model cycles from the cost preset, not measurements of this computer)\n'
	);
}

/** One line per exit: sequence, reason, guest pc and instruction, the handler's steps, cost. */
export function formatExit(e: ExitRecord, sourceAt?: (pc: number) => string | undefined): string {
	const insn = e.instruction
		? disassemble(e.instruction, e.guestPc).replace(/\t/g, ' ')
		: e.interrupt
			? '(interrupt)'
			: '';
	const steps = e.steps
		.map((s) => {
			switch (s.kind) {
				case 'firmware':
					return s.call;
				case 'installEntry':
					return `${s.table} L${s.level} ${hex(s.address)}->${hex(s.pte)}`;
				case 'device':
					return `${s.device}+${s.offset} ${s.write ? 'write' : 'read'} 0x${(s.value >>> 0).toString(16)}`;
				case 'inject':
					return `inject ${s.what}`;
				case 'writeState':
					return `${s.name}=${hex(s.after)}`;
				case 'readState':
					return `read ${s.name}`;
				case 'readGuestTable':
					return `read PTE@${hex(s.gpa)}`;
				case 'dropEntries':
					return `drop ${s.count} ${s.table} (${s.why})`;
				case 'decode':
					return 'decode';
				case 'idle':
					return `idle ${s.cycles} cycles`;
			}
		})
		.join('; ');
	const source = sourceAt?.(e.guestPc);
	return `#${e.seq} ${e.mode} ${e.reason} pc ${hex(e.guestPc)}${source ? ` (${source})` : ''} ${insn}  [${steps}]  ${group(e.modelCycles)} model cycles`;
}
