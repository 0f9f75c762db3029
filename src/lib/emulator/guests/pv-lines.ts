/**
 * The price of paravirtualization in source lines: how much of the course's kernel only the
 * paravirtual build assembles, how much only the native one, and how much both share. The kernel
 * keeps its two versions in one set of files with `.ifdef PV … .else … .endif` (GNU as manual §7)
 * around every difference (kernel/priv.s, vm.s, console.s) and includes kernel/pv.s only in the PV
 * build; lesson 04 quotes these counts, and a test keeps the lesson true.
 *
 * A line counts when it holds an instruction, a label or a directive: blank lines, comment lines
 * and the conditional directives that choose a build are left out.
 */
import { GUEST_SOURCES } from './sources.generated.ts';

export interface KernelLineCounts {
	/** Lines both builds assemble. */
	shared: number;
	/** Lines only the paravirtual build assembles (PV branches and every line of pv.s). */
	pvOnly: number;
	/** Lines only the native build assembles (the `.else` side of the PV branches). */
	nativeOnly: number;
}

type Build = 'shared' | 'pvOnly' | 'nativeOnly';

/** One open conditional: whether it tests PV, and which side of it we are in. */
interface Open {
	testsPv: boolean;
	side: 'if' | 'else';
	/** `.ifndef PV` is the native side first. */
	negated: boolean;
}

const CONDITIONAL = /^\.(if\w*)\s*(\S*)/;

/** Which build the current line belongs to, from the conditionals around it. */
function buildOf(open: readonly Open[]): Build {
	for (const o of open) {
		if (!o.testsPv) continue;
		const pvSide = (o.side === 'if') !== o.negated;
		return pvSide ? 'pvOnly' : 'nativeOnly';
	}
	return 'shared';
}

/** Counts one file's lines into `counts`, starting in build `outer` (where it was included). */
function countFile(
	text: string,
	outer: Build,
	counts: KernelLineCounts,
	includedFrom: Map<string, Build>
): void {
	const open: Open[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*$/, '').trim();
		if (line === '') continue;
		const conditional = CONDITIONAL.exec(line);
		if (conditional) {
			const negated = conditional[1] === 'ifndef' || conditional[1] === 'ifnotdef';
			open.unshift({ testsPv: conditional[2] === 'PV', side: 'if', negated });
			continue;
		}
		if (line === '.else') {
			if (open[0]) open[0].side = 'else';
			continue;
		}
		if (line === '.endif') {
			open.shift();
			continue;
		}
		const build = outer === 'shared' ? buildOf(open) : outer;
		const include = /^\.include\s+"([^"]+)"/.exec(line);
		if (include) includedFrom.set(include[1], build);
		counts[build]++;
	}
}

/** The kernel's lines by build (the workloads are the same in both and are left out). */
export function kernelLinesByBuild(
	sources: Record<string, string> = GUEST_SOURCES
): KernelLineCounts {
	const counts: KernelLineCounts = { shared: 0, pvOnly: 0, nativeOnly: 0 };
	const includedFrom = new Map<string, Build>();
	// kernel.s includes the others, so it goes first; then each file in the build it was included in.
	const files = Object.keys(sources)
		.filter((name) => name.startsWith('kernel/'))
		.sort((a, b) => Number(b === 'kernel/kernel.s') - Number(a === 'kernel/kernel.s'));
	for (const name of files)
		countFile(sources[name], includedFrom.get(name) ?? 'shared', counts, includedFrom);
	return counts;
}
