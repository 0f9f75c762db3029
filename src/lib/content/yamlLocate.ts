/**
 * Where a value sits in a YAML document, for positioned errors: the front matter of a lesson or a
 * lab, and a lab's YAML blocks, report a schema issue at the value (or, for an unknown key, at the
 * key) that caused it.
 */
import { isMap, isScalar, type Document } from 'yaml';

/** Offset in the YAML text of the value (or, for an unknown key, the key) at `path`. */
export function locate(
	doc: Document,
	path: readonly PropertyKey[],
	wantKey: boolean
): number | undefined {
	const keys = path as (string | number)[];
	if (wantKey) {
		const parent = keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
		if (isMap(parent)) {
			const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keys.at(-1));
			if (isScalar(pair?.key)) return pair.key.range?.[0];
		}
		return undefined;
	}
	const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
	if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range))
		return node.range[0] as number;
	return undefined;
}
