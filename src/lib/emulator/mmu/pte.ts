/** Sv32 page-table entry bits (Privileged spec §4.3.1, Figure 4.18). */
export const PTE_V = 1 << 0;
export const PTE_R = 1 << 1;
export const PTE_W = 1 << 2;
export const PTE_X = 1 << 3;
export const PTE_U = 1 << 4;
export const PTE_G = 1 << 5;
export const PTE_A = 1 << 6;
export const PTE_D = 1 << 7;

export const ACCESS_FETCH = 0;
export const ACCESS_LOAD = 1;
export const ACCESS_STORE = 2;
export const ACCESS_NAMES = ['fetch', 'load', 'store'] as const;

/**
 * VS-stage or single-stage permission check for a leaf (§4.3.1, §4.3.2 step 6): U pages are for
 * U-mode, and S-mode may read/write them only with SUM and never execute them; MXR makes
 * executable pages readable; HLVX needs execute permission instead of read (§9.3).
 */
export function leafAllows(
	flags: number,
	access: number,
	priv: number,
	sum: boolean,
	mxr: boolean,
	hlvx: boolean
): boolean {
	const user = (flags & PTE_U) !== 0;
	if (priv === 0) {
		if (!user) return false;
	} else if (user && (access === ACCESS_FETCH || !sum)) return false;
	if (access === ACCESS_FETCH) return (flags & PTE_X) !== 0;
	if (access === ACCESS_STORE) return (flags & PTE_W) !== 0;
	if (hlvx) return (flags & PTE_X) !== 0;
	return (flags & PTE_R) !== 0 || (mxr && (flags & PTE_X) !== 0);
}

/** G-stage check (§9.5.1): every access counts as U-mode, so the leaf must have U set. */
export function gLeafAllows(flags: number, access: number, mxr: boolean, hlvx: boolean): boolean {
	if ((flags & PTE_U) === 0) return false;
	return leafAllows(flags, access, 0, false, mxr, hlvx);
}
