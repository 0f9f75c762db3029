/**
 * Which names a statement reads and writes, and from that, which statements a plot has to re-run.
 *
 * A plot re-runs the lesson once per sample of its x variable (sweep.ts). Most statements do not
 * depend on x (a constant, a unit conversion in another section), and a plot needs only those its
 * expressions read. So a sweep runs the whole lesson once, then, per sample, re-evaluates only the
 * statements that both depend on x and feed the plot. When that shortcut could differ from a full
 * re-run (a name assigned twice, x itself assigned, an error in the base run) the sweep re-runs
 * everything instead.
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
	const all: (StatementRef & { reads: string[]; writes?: string })[] = [];
	const written = new Set<string>();
	for (const [c, cell] of program.entries()) {
		if ('error' in cell) return null;
		for (const [s, st] of cell.statements.entries()) {
			if (st.assigns !== undefined) {
				if (written.has(st.assigns) || st.assigns === x) return null;
				written.add(st.assigns);
			}
			all.push({ cell: c, statement: s, reads: st.reads, writes: st.assigns });
		}
	}

	// Forward: what changes when x changes.
	const changed = new Set([x]);
	const dependent = new Set<number>();
	all.forEach((st, i) => {
		if (st.reads.some((name) => changed.has(name))) {
			dependent.add(i);
			if (st.writes !== undefined) changed.add(st.writes);
		}
	});

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
