/**
 * A flattened device tree *reader* for tests (Devicetree Specification v0.4, chapter 5), written
 * from the specification and independent of src/lib/emulator/vmm/fdt.ts, so that the writer can be
 * checked against it and against blobs made by dtc. It checks what the specification requires and
 * throws an Error naming the first violation.
 */

export const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 0x1;
const FDT_END_NODE = 0x2;
const FDT_PROP = 0x3;
const FDT_NOP = 0x4;
const FDT_END = 0x9;

/** The header (§5.2), every field a 32-bit big-endian word. */
export interface FdtHeader {
	magic: number;
	totalsize: number;
	offDtStruct: number;
	offDtStrings: number;
	offMemRsvmap: number;
	version: number;
	lastCompVersion: number;
	bootCpuidPhys: number;
	sizeDtStrings: number;
	sizeDtStruct: number;
}

export interface FdtProp {
	name: string;
	value: Uint8Array;
}

export interface FdtTreeNode {
	name: string;
	props: FdtProp[];
	children: FdtTreeNode[];
}

export interface ParsedFdt {
	header: FdtHeader;
	/** Memory reservation entries (§5.3), without the terminating zero entry. */
	reservations: { address: bigint; size: bigint }[];
	root: FdtTreeNode;
}

export function readFdtHeader(blob: Uint8Array): FdtHeader {
	if (blob.length < 40)
		throw new Error(`blob of ${blob.length} bytes is shorter than the 40-byte header`);
	const dv = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
	const w = (i: number) => dv.getUint32(i * 4, false);
	return {
		magic: w(0),
		totalsize: w(1),
		offDtStruct: w(2),
		offDtStrings: w(3),
		offMemRsvmap: w(4),
		version: w(5),
		lastCompVersion: w(6),
		bootCpuidPhys: w(7),
		sizeDtStrings: w(8),
		sizeDtStruct: w(9)
	};
}

/** Parses a whole blob into a tree. */
export function parseFdt(blob: Uint8Array): ParsedFdt {
	const header = readFdtHeader(blob);
	if (header.magic !== FDT_MAGIC)
		throw new Error(`magic 0x${header.magic.toString(16)} is not 0xd00dfeed`);
	if (header.totalsize > blob.length)
		throw new Error(`totalsize ${header.totalsize} exceeds the blob (${blob.length})`);
	const dv = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
	const u32 = (o: number) => dv.getUint32(o, false);

	// §5.3: the reservation block, 8-byte aligned, pairs of 64-bit values ending with a zero pair.
	if (header.offMemRsvmap % 8 !== 0)
		throw new Error('memory reservation block is not 8-byte aligned');
	const reservations: ParsedFdt['reservations'] = [];
	for (let o = header.offMemRsvmap; ; o += 16) {
		if (o + 16 > header.totalsize)
			throw new Error('memory reservation block has no terminating entry');
		const address = dv.getBigUint64(o, false);
		const size = dv.getBigUint64(o + 8, false);
		if (address === 0n && size === 0n) break;
		reservations.push({ address, size });
	}

	// §5.5: the strings block, NUL-terminated strings, no alignment.
	const strStart = header.offDtStrings;
	const strEnd = strStart + header.sizeDtStrings;
	if (strEnd > header.totalsize) throw new Error('strings block extends past totalsize');
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const stringAt = (off: number): string => {
		if (off >= header.sizeDtStrings)
			throw new Error(`property name offset ${off} is outside the strings block`);
		let end = strStart + off;
		while (end < strEnd && blob[end] !== 0) end++;
		if (end >= strEnd)
			throw new Error(`property name at ${off} is not NUL-terminated inside the strings block`);
		return decoder.decode(blob.subarray(strStart + off, end));
	};

	// §5.4: the structure block, 4-byte aligned tokens.
	if (header.offDtStruct % 4 !== 0) throw new Error('structure block is not 4-byte aligned');
	const structEnd = header.offDtStruct + header.sizeDtStruct;
	if (structEnd > header.totalsize) throw new Error('structure block extends past totalsize');
	let p = header.offDtStruct;
	const align4 = (v: number) => (v + 3) & ~3;
	const token = (): number => {
		if (p + 4 > structEnd) throw new Error(`structure block ends inside a token at ${p}`);
		const t = u32(p);
		p += 4;
		return t;
	};
	const stack: FdtTreeNode[] = [];
	let root: FdtTreeNode | undefined;
	for (;;) {
		const t = token();
		if (t === FDT_NOP) continue;
		if (t === FDT_BEGIN_NODE) {
			let end = p;
			while (end < structEnd && blob[end] !== 0) end++;
			if (end >= structEnd) throw new Error('node name is not NUL-terminated');
			const node: FdtTreeNode = {
				name: decoder.decode(blob.subarray(p, end)),
				props: [],
				children: []
			};
			p = align4(end + 1);
			if (stack.length === 0) {
				if (root) throw new Error('a second root node');
				if (node.name !== '') throw new Error(`the root node is named "${node.name}"`);
				root = node;
			} else {
				const parent = stack[stack.length - 1];
				parent.children.push(node);
			}
			stack.push(node);
		} else if (t === FDT_PROP) {
			if (stack.length === 0) throw new Error('FDT_PROP outside a node');
			const node = stack[stack.length - 1];
			if (node.children.length > 0)
				throw new Error(`property after a child node in "${node.name}"`);
			const len = token();
			const nameoff = token();
			if (p + len > structEnd) throw new Error('property value extends past the structure block');
			node.props.push({ name: stringAt(nameoff), value: blob.slice(p, p + len) });
			p = align4(p + len);
		} else if (t === FDT_END_NODE) {
			if (stack.length === 0) throw new Error('FDT_END_NODE without a node');
			stack.pop();
		} else if (t === FDT_END) {
			if (stack.length !== 0) throw new Error(`FDT_END with ${stack.length} node(s) still open`);
			if (p !== structEnd)
				throw new Error(`FDT_END at ${p - 4}, but size_dt_struct ends the block at ${structEnd}`);
			break;
		} else {
			throw new Error(`unknown token 0x${t.toString(16)} at ${p - 4}`);
		}
	}
	if (!root) throw new Error('no root node');
	return { header, reservations, root };
}

/** Finds a node by its full path ("/soc/serial@10000000"), or undefined. */
export function nodeAt(root: FdtTreeNode, path: string): FdtTreeNode | undefined {
	let node: FdtTreeNode | undefined = root;
	for (const part of path.split('/').filter((s) => s !== '')) {
		node = node.children.find((c) => c.name === part);
		if (!node) return undefined;
	}
	return node;
}

export function prop(node: FdtTreeNode, name: string): Uint8Array | undefined {
	return node.props.find((p) => p.name === name)?.value;
}

/** A property value as big-endian 32-bit cells. */
export function cells(value: Uint8Array): number[] {
	if (value.length % 4 !== 0)
		throw new Error(`a value of ${value.length} bytes is not a list of cells`);
	const dv = new DataView(value.buffer, value.byteOffset, value.byteLength);
	return Array.from({ length: value.length / 4 }, (_, i) => dv.getUint32(i * 4, false));
}

/** A property value as a list of NUL-terminated strings. */
export function strings(value: Uint8Array): string[] {
	if (value.length === 0 || value[value.length - 1] !== 0)
		throw new Error('not a NUL-terminated string list');
	return new TextDecoder().decode(value.subarray(0, value.length - 1)).split('\0');
}

/** A plain object for toEqual comparisons and readable diffs: values as hex strings. */
export function treeShape(node: FdtTreeNode): unknown {
	return {
		name: node.name,
		props: node.props.map((p) => [p.name, Buffer.from(p.value).toString('hex')]),
		children: node.children.map(treeShape)
	};
}
