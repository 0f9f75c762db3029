/**
 * Which names a statement reads and writes, and from that, which statements have to run again.
 *
 * Two things re-run part of a lesson rather than all of it:
 * - a slider move (notebook.svelte.ts): only the statements that depend on the moved slider
 *   (`rerunPlan`); a slow cell that does not read the slider is not evaluated again;
 * - a plot (sweep.ts), once per sample of its x variable: only the statements that both depend on x
 *   and feed the plot (`sweepSlice`).
 * Both start from a complete run's scope and re-evaluate the chosen statements in it. When that
 * shortcut could differ from a full re-run (a name assigned twice, a slider variable assigned, a name
 * read before the statement that assigns it, an error in the base run) they return null, and the
 * caller re-runs everything instead.
 */
import type { MathNode } from 'mathjs';
import { math } from './math.ts';
import type { CompiledCell } from './program.ts';

/** `a` for `a`, `a.b` and `a[1]`: the variable an assignment target belongs to. */
export function rootName(node: MathNode): string {
	if (math.isSymbolNode(node)) return node.name;
	if (math.isAccessorNode(node) || math.isIndexNode(node)) {
		return rootName((node as unknown as { object: MathNode }).object);
	}
	return node.toString();
}

function symbols(node: MathNode): string[] {
	return node
		.filter((n) => math.isSymbolNode(n))
		.map((n) => (n as unknown as { name: string }).name);
}

/**
 * The names a statement reads. For `f(x) = body` that is the body's names: mathjs looks them up when
 * f is called, so a change to any of them changes what f computes. Being generous (a parameter name
 * also counts as read) only makes a sweep re-run a statement it could have skipped.
 */
export function namesRead(node: MathNode): string[] {
	if (math.isAssignmentNode(node)) {
		const reads = symbols(node.value);
		// `a.b = 1` and `a[2] = 1` keep the rest of `a`, so they read `a` as well as writing it.
		if (!math.isSymbolNode(node.object) || node.index) {
			reads.push(...symbols(node.object));
			if (node.index) reads.push(...symbols(node.index));
		}
		return [...new Set(reads)];
	}
	if (math.isFunctionAssignmentNode(node)) return [...new Set(symbols(node.expr))];
	return [...new Set(symbols(node))];
}

/** A statement's place: cell index and statement index within the cell. */
export interface StatementRef {
	cell: number;
	statement: number;
}

interface FlatStatement extends StatementRef {
	reads: string[];
	writes?: string;
}

/**
 * The program's statements in order, or null when re-running part of it could differ from running
 * all of it: a cell that does not compile, a name assigned twice (its value in a complete run's scope
 * is the last one, not the one a statement in between saw), one of `fixed` assigned by a cell, or a
 * name read before (or by) the statement that assigns it (the complete scope already holds it).
 */
function flatten(program: CompiledCell[], fixed: Set<string>): FlatStatement[] | null {
	const all: FlatStatement[] = [];
	const written = new Set<string>();
	const assignedLater = new Set<string>();
	for (const cell of program) {
		if ('error' in cell) return null;
		for (const st of cell.statements) if (st.assigns !== undefined) assignedLater.add(st.assigns);
	}
	for (const [c, cell] of program.entries()) {
		if ('error' in cell) return null;
		for (const [s, st] of cell.statements.entries()) {
			if (st.reads.some((name) => assignedLater.has(name) && !written.has(name))) return null;
			if (st.assigns !== undefined) {
				if (written.has(st.assigns) || fixed.has(st.assigns)) return null;
				written.add(st.assigns);
			}
			all.push({ cell: c, statement: s, reads: st.reads, writes: st.assigns });
		}
	}
	return all;
}

/** Indexes of the statements whose value can change when the names in `changed` change. */
function dependents(all: FlatStatement[], changed: Iterable<string>): Set<number> {
	const names = new Set(changed);
	const dependent = new Set<number>();
	all.forEach((st, i) => {
		if (st.reads.some((name) => names.has(name))) {
			dependent.add(i);
			if (st.writes !== undefined) names.add(st.writes);
		}
	});
	return dependent;
}

/**
 * Plans already made, per program: a slider move asks for the same plan at every step, and every
 * plot for the same slice at every sweep. A program is never changed once compiled (an edit makes a
 * new one), so what was computed for it stays right; callers must not change what they get.
 */
const plans = new WeakMap<CompiledCell[], Map<string, StatementRef[] | null>>();

function remembered(
	program: CompiledCell[],
	key: string,
	compute: () => StatementRef[] | null
): StatementRef[] | null {
	let known = plans.get(program);
	if (!known) plans.set(program, (known = new Map()));
	if (!known.has(key)) known.set(key, compute());
	return known.get(key)!;
}

/**
 * The statements to re-evaluate, in program order, after the variables in `changed` (sliders)
 * took new values; null when only a full re-run is certain to be right.
 */
export function rerunPlan(program: CompiledCell[], changed: string[]): StatementRef[] | null {
	const key = JSON.stringify(['rerun', [...changed].sort()]);
	return remembered(program, key, () => planRerun(program, changed));
}

function planRerun(program: CompiledCell[], changed: string[]): StatementRef[] | null {
	const all = flatten(program, new Set(changed));
	if (all === null) return null;
	const dependent = dependents(all, changed);
	return all.filter((_, i) => dependent.has(i)).map(({ cell, statement }) => ({ cell, statement }));
}

/**
 * The statements to re-evaluate per sample, in program order, or null when only a full re-run is
 * certain to be right. `wanted` holds the names the plotted expressions read.
 */
export function sweepSlice(
	program: CompiledCell[],
	x: string,
	wanted: Iterable<string>,
	baseHasErrors: boolean
): StatementRef[] | null {
	if (baseHasErrors) return null;
	const names = [...new Set(wanted)].sort();
	const key = JSON.stringify(['sweep', x, names]);
	return remembered(program, key, () => planSweep(program, x, names));
}

function planSweep(program: CompiledCell[], x: string, wanted: string[]): StatementRef[] | null {
	const all = flatten(program, new Set([x]));
	if (all === null) return null;
	const dependent = dependents(all, [x]);

	// Backward: what the plotted expressions need. A dependent statement is also needed when a later
	// statement of its cell writes something needed: if it fails at some sample, the rest of its cell
	// does not run, and the plot must see that.
	const needed = new Set(wanted);
	const keep = new Set<number>();
	const laterInCellNeeded = (i: number) =>
		all.some(
			(other, j) =>
				j > i &&
				other.cell === all[i].cell &&
				other.writes !== undefined &&
				needed.has(other.writes)
		);
	for (let i = all.length - 1; i >= 0; i--) {
		const st = all[i];
		if (!dependent.has(i)) continue;
		const writesNeeded = st.writes !== undefined && needed.has(st.writes);
		if (!writesNeeded && !laterInCellNeeded(i)) continue;
		keep.add(i);
		for (const name of st.reads) needed.add(name);
	}
	return all.filter((_, i) => keep.has(i)).map(({ cell, statement }) => ({ cell, statement }));
}
