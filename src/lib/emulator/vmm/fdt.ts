/**
 * A flattened device tree writer (Devicetree Specification v0.4, chapter 5): the blob a kernel
 * booted like Linux on QEMU `virt` finds at a1 and reads to learn its memory, CPU and devices.
 */

/** A property value: a string, a list of strings, 32-bit cells, or nothing (a flag property). */
export type FdtValue = string | string[] | number[] | null;

export interface FdtNode {
	name: string;
	props?: Record<string, FdtValue>;
	children?: FdtNode[];
}

const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_END = 9;
const HEADER_SIZE = 40;
const VERSION = 17;
const LAST_COMPATIBLE_VERSION = 16;

const utf8 = new TextEncoder();

/** Bytes of a property value: strings NUL-terminated, cells big-endian (§2.2.4). */
function valueBytes(value: FdtValue): Uint8Array {
	if (value === null) return new Uint8Array(0);
	if (typeof value === 'string') return utf8.encode(value + '\0');
	if (value.length > 0 && typeof value[0] === 'string')
		return utf8.encode((value as string[]).map((s) => s + '\0').join(''));
	const cells = value as number[];
	const out = new Uint8Array(cells.length * 4);
	const view = new DataView(out.buffer);
	cells.forEach((c, i) => view.setUint32(i * 4, c >>> 0));
	return out;
}

/** Serialises a tree rooted at `root` (whose name is ignored: the root's name is empty). */
export function fdtBlob(root: FdtNode, bootCpu = 0): Uint8Array {
	const struct: number[] = [];
	const strings: number[] = [];
	const stringOffsets = new Map<string, number>();
	const word = (w: number) =>
		struct.push((w >>> 24) & 255, (w >>> 16) & 255, (w >>> 8) & 255, w & 255);
	const bytes = (b: Uint8Array) => {
		for (const x of b) struct.push(x);
		while (struct.length % 4) struct.push(0);
	};
	const nameOffset = (name: string) => {
		let off = stringOffsets.get(name);
		if (off === undefined) {
			off = strings.length;
			stringOffsets.set(name, off);
			for (const b of utf8.encode(name + '\0')) strings.push(b);
		}
		return off;
	};
	const node = (n: FdtNode, isRoot: boolean) => {
		word(FDT_BEGIN_NODE);
		bytes(utf8.encode((isRoot ? '' : n.name) + '\0'));
		for (const [name, value] of Object.entries(n.props ?? {})) {
			const v = valueBytes(value);
			word(FDT_PROP);
			word(v.length);
			word(nameOffset(name));
			bytes(v);
		}
		for (const child of n.children ?? []) node(child, false);
		word(FDT_END_NODE);
	};
	node(root, true);
	word(FDT_END);

	const reserveOffset = HEADER_SIZE; // one empty reservation entry: 16 bytes of zeros
	const structOffset = reserveOffset + 16;
	const stringsOffset = structOffset + struct.length;
	const total = stringsOffset + strings.length;
	const out = new Uint8Array((total + 7) & ~7);
	const view = new DataView(out.buffer);
	const header = [
		FDT_MAGIC,
		out.length,
		structOffset,
		stringsOffset,
		reserveOffset,
		VERSION,
		LAST_COMPATIBLE_VERSION,
		bootCpu,
		strings.length,
		struct.length
	];
	header.forEach((v, i) => view.setUint32(i * 4, v >>> 0));
	out.set(struct, structOffset);
	out.set(strings, stringsOffset);
	return out;
}
