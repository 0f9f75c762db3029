/**
 * The high halves of 32×32-bit products (MULH, MULHSU, MULHU; Volume I §7.1) without BigInt:
 * split into 16-bit limbs so every partial product is exact in a double.
 */
export function mulhu(a: number, b: number): number {
	const al = a & 0xffff;
	const ah = a >>> 16;
	const bl = b & 0xffff;
	const bh = b >>> 16;
	const lh = al * bh;
	const hl = ah * bl;
	const mid = ((al * bl) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
	return (ah * bh + Math.floor(lh / 65536) + Math.floor(hl / 65536) + Math.floor(mid / 65536)) | 0;
}

/** Signed × signed: correct the unsigned product's high word for negative operands. */
export function mulh(a: number, b: number): number {
	let hi = mulhu(a, b);
	if (a < 0) hi = (hi - b) | 0;
	if (b < 0) hi = (hi - a) | 0;
	return hi;
}

/** Signed × unsigned. */
export function mulhsu(a: number, b: number): number {
	let hi = mulhu(a, b);
	if (a < 0) hi = (hi - b) | 0;
	return hi;
}
