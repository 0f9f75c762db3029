/**
 * Waldspurger's idle memory tax (OSDI 2002, §5.2; docs/sources.md): a VM's claim on memory is its
 * shares-per-page ratio, with idle pages charged more than active ones:
 *   rho = S / (P (f + k (1 - f))),  k = 1 / (1 - tau)
 * S shares, P pages allocated, f the fraction of them in active use, tau the tax rate (default
 * 0.75, so an idle page costs k = 4 active ones). When memory must be reclaimed, it is taken
 * from the VM with the lowest rho first. tau = 0 is pure proportional sharing by shares.
 */

export function idleCostFactor(tau: number): number {
	return 1 / (1 - tau);
}

export function sharesPerPage(
	shares: number,
	pages: number,
	activeFraction: number,
	tau: number
): number {
	if (pages <= 0) return Infinity;
	const f = Math.min(1, Math.max(0, activeFraction));
	return shares / (pages * (f + idleCostFactor(tau) * (1 - f)));
}

export interface TaxedVm {
	shares: number;
	/** Memory it would hold with no reclamation (MiB). */
	demandMB: number;
	/** Memory it actively uses (MiB). */
	activeMB: number;
}

/**
 * How much to reclaim from each VM so that `excessMB` is freed: repeatedly take a small chunk
 * from the VM with the lowest shares-per-page ratio (Waldspurger's min-funding revocation).
 */
export function reclaimTargets(vms: TaxedVm[], excessMB: number, tau: number): number[] {
	const reclaim = new Array<number>(vms.length).fill(0);
	if (excessMB <= 0) return reclaim;
	const total = vms.reduce((s, v) => s + v.demandMB, 0);
	let left = Math.min(excessMB, total);
	const chunk = Math.max(left / 400, 1e-6);
	while (left > 1e-9) {
		let victim = -1;
		let lowest = Infinity;
		for (let i = 0; i < vms.length; i++) {
			const pages = vms[i].demandMB - reclaim[i];
			if (pages <= 1e-9) continue;
			const rho = sharesPerPage(vms[i].shares, pages, vms[i].activeMB / pages, tau);
			if (rho < lowest) {
				lowest = rho;
				victim = i;
			}
		}
		if (victim < 0) break;
		const take = Math.min(chunk, left, vms[victim].demandMB - reclaim[victim]);
		reclaim[victim] += take;
		left -= take;
	}
	return reclaim;
}
