/**
 * `virtlab bench [--outer N]`: runs the fixed compute-heavy guest (emulator/bench/bench-guest.ts, about
 * 100 million instructions of integer ALU work, loads and stores, branches, multiply and divide,
 * and one ECALL trap per 5,000 instructions) twice — with tracing off and with trap tracing on —
 * and prints million guest instructions per second of wall time for each (and per second of CPU
 * time, which is what to compare when other processes share the machine). A short untimed warm-up
 * first lets V8 collect type feedback and compile the interpreter, as any JIT benchmark must, so
 * the figures are the interpreter's sustained speed rather than V8's start-up.
 */
import type { Command } from '../main.ts';
import {
	helpText,
	parseCommandLine,
	usageError,
	wholeNumber,
	type OptionSpec
} from '../options.ts';
import { Machine, type Snapshot } from '../../lib/emulator/machine/machine.ts';
import { benchGuest } from '../../lib/emulator/bench/bench-guest.ts';
import type { MachineConfig } from '../../lib/emulator/machine/types.ts';

const DEFAULT_OUTER = 20_000;
/** 5 billion guest instructions: about half a minute at today's speed. */
const MAX_OUTER = 1_000_000;
const OPTIONS: OptionSpec[] = [
	{
		name: 'outer',
		value: 'N',
		description: `outer iterations of the guest, 1 to ${MAX_OUTER} (default ${DEFAULT_OUTER})`
	}
];
const HELP = helpText(
	'virtlab bench [options]',
	'Measures the emulator speed in million guest instructions per second (MIPS).',
	OPTIONS
);
/** Guest instructions run (untimed) in each configuration before the measured runs. */
const WARM_UP_INSNS = 1_000_000;

/**
 * Both runs use one machine, restored from a snapshot between them: V8 specializes the
 * interpreter's fast loop to the first machine's arrays (machine/execute.ts), and a program run by
 * `virtlab run` or in a lesson worker also has a single machine.
 */
function runOnce(m: Machine, start0: Snapshot, trace: MachineConfig['trace'], maxInsns = 1e12) {
	m.restore(start0);
	m.setTrace(trace);
	const before = m.instret;
	const start = process.hrtime.bigint();
	const cpu0 = process.cpuUsage();
	const stop = m.run({ maxInsns });
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const cpu = process.cpuUsage(cpu0);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	return {
		stop,
		instructions: m.instret - before,
		seconds,
		cpuSeconds,
		checksum: m.readRegister(10) >>> 0
	};
}

export const command: Command = {
	summary: 'measure the emulator speed (MIPS) on a fixed guest',
	async run(args) {
		const line = parseCommandLine(OPTIONS, args);
		if (!line.ok) return usageError('bench', line.error);
		if (line.value.options.has('help')) {
			process.stdout.write(HELP);
			return 0;
		}
		if (line.value.positionals.length > 0)
			return usageError('bench', `unexpected argument '${line.value.positionals[0]}'`);
		const outer = wholeNumber(line.value, 'outer', 1, MAX_OUTER, DEFAULT_OUTER);
		if (typeof outer !== 'number') return usageError('bench', outer.error);
		let traps = 0;
		const configs: [string, MachineConfig['trace']][] = [
			['tracing off', undefined],
			['trap tracing on', { traps: true, sink: () => void traps++ }]
		];
		const checksums = new Set<number>();
		const guest = benchGuest(outer);
		const machine = new Machine({ ramSize: 1 << 20 });
		machine.writeMemory(guest.entry, guest.bytes);
		machine.pc = guest.entry;
		const initial = machine.snapshot();
		process.stdout.write(
			`guest: ${outer} iterations of ~5,040 instructions (integer ALU, loads and stores,` +
				` branches, multiply and divide) and one ECALL trap\n` +
				'MIPS: million guest instructions per second of wall time (of CPU time in parentheses),' +
				` after an untimed warm-up of ${WARM_UP_INSNS} instructions per configuration\n`
		);
		for (const [, trace] of configs) runOnce(machine, initial, trace, WARM_UP_INSNS);
		traps = 0;
		for (const [label, trace] of configs) {
			const r = runOnce(machine, initial, trace);
			if (r.stop.kind !== 'halted' || r.stop.exitCode !== 0) {
				process.stderr.write(
					`virtlab bench: guest did not finish cleanly: ${JSON.stringify(r.stop)}\n`
				);
				return 1;
			}
			checksums.add(r.checksum);
			const mips = r.instructions / r.seconds / 1e6;
			const cpuMips = r.instructions / r.cpuSeconds / 1e6;
			process.stdout.write(
				`${label.padEnd(16)} ${r.instructions} instructions in ${r.seconds.toFixed(3)} s: ${mips.toFixed(1)} MIPS` +
					` (${cpuMips.toFixed(1)} per CPU second)\n`
			);
		}
		process.stdout.write(
			`traps traced: ${traps}; checksum 0x${[...checksums][0].toString(16)}` +
				(checksums.size === 1 ? ' in both runs\n' : '\n')
		);
		if (checksums.size !== 1) {
			process.stderr.write('virtlab bench: the two runs computed different checksums\n');
			return 1;
		}
		return 0;
	}
};
