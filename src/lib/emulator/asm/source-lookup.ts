/**
 * From an address back to the source line that produced it, over an image's source map
 * (`AsmImage.sourceMap`): for an exit trace, a debugger, a code view with the line highlighted.
 */
import type { SourceMapEntry } from './types.ts';

export interface SourcePlace {
	file: string;
	line: number;
}

/** A lookup from an address to its source place (binary search over the map, in any order). */
export function sourceLocator(
	sourceMap: readonly SourceMapEntry[]
): (address: number) => SourcePlace | undefined {
	const map = [...sourceMap].sort((a, b) => a.address - b.address);
	return (address) => {
		const a = address >>> 0;
		let lo = 0;
		let hi = map.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const e = map[mid];
			if (a < e.address) hi = mid - 1;
			else if (a >= e.address + e.size) lo = mid + 1;
			else return { file: e.file, line: e.line };
		}
		return undefined;
	};
}
