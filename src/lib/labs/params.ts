/**
 * Per-student variants (as OSTEP's homework generators do with `-s SEED`): every parameter of a lab
 * is drawn from a generator seeded by the lab id and the student id, so one student always gets
 * the same numbers and two students almost always get different ones.
 */
import { Random } from '../sim/random.ts';
import type { Lab, LabParams, ParamSpec } from './types.ts';

/**
 * Student ids are compared trimmed and in lower case: `S1234` typed on the page and `s1234 ` in a
 * gradebook are the same student.
 */
export function normalizeStudentId(studentId: string): string {
	return studentId.trim().toLowerCase();
}

/** FNV-1a, 32 bits (Fowler, Noll, Vo): a small, well-spread string hash; UTF-16 code units. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** The seed of one student's variant of one lab. The NUL keeps `ab`+`c` apart from `a`+`bc`. */
export function variantSeed(labId: string, studentId: string): number {
	return hashString(`${labId}\u0000${normalizeStudentId(studentId)}`);
}

function draw(spec: ParamSpec, random: Random): number | string {
	if ('int' in spec) {
		const [low, high] = spec.int;
		return low + random.integer(high - low + 1);
	}
	return spec.choice[random.integer(spec.choice.length)];
}

/**
 * One student's parameters, drawn in the order the lab lists them (reordering or adding a parameter
 * in the middle changes every student's variant: add new ones at the end).
 */
export function labParams(lab: Pick<Lab, 'id' | 'params'>, studentId: string): LabParams {
	const random = new Random(variantSeed(lab.id, studentId));
	const params: LabParams = {};
	for (const [name, spec] of Object.entries(lab.params)) params[name] = draw(spec, random);
	return params;
}

/**
 * The `.equ` lines that give an assembly program its parameters: one per numeric parameter, in
 * the lab's order. A choice of words (`mode: [trap, hw]`) has no number and is left out.
 */
export function equLines(params: LabParams): string {
	return Object.entries(params)
		.filter(([, value]) => typeof value === 'number')
		.map(([name, value]) => `\t.equ ${name}, ${value}\n`)
		.join('');
}
