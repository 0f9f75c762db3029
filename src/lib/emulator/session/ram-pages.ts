/**
 * RAM in a checkpoint, stored page by page so that checkpoints share the pages that did not change.
 * Most programs touch a few pages between two checkpoints, so N checkpoints of a 4 MiB machine cost
 * about one copy of RAM plus the pages written, not N copies.
 */
export const PAGE_SIZE = 4096;

function samePage(a: Uint8Array, b: Uint8Array): boolean {
	// Compare a word at a time: pages are 4096-byte aligned in their own buffers or in RAM's.
	const wa = new Int32Array(a.buffer, a.byteOffset, PAGE_SIZE / 4);
	const wb = new Int32Array(b.buffer, b.byteOffset, PAGE_SIZE / 4);
	for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return false;
	return true;
}

/** RAM as pages, reusing each page of `previous` that holds the same bytes. */
export function toPages(ram: Uint8Array, previous?: readonly Uint8Array[]): Uint8Array[] {
	const pages: Uint8Array[] = [];
	for (let offset = 0, i = 0; offset < ram.length; offset += PAGE_SIZE, i++) {
		const page = ram.subarray(offset, offset + PAGE_SIZE);
		const old = previous?.[i];
		pages.push(old && samePage(old, page) ? old : page.slice());
	}
	return pages;
}

/** The RAM the pages describe, as one array again. */
export function fromPages(pages: readonly Uint8Array[]): Uint8Array {
	const ram = new Uint8Array(pages.length * PAGE_SIZE);
	pages.forEach((page, i) => ram.set(page, i * PAGE_SIZE));
	return ram;
}
