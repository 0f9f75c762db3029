/**
 * Memory overcommit over time (Waldspurger, "Memory Resource Management in VMware ESX Server",
 * OSDI 2002). Each step:
 * 1. every running VM holds its configured memory (guests touch all of it sooner or later) and
 *    actively uses its working set (`phases`);
 * 2. the page-sharing scanner covers more guest memory and merges what is sharable;
 * 3. if what the VMs hold exceeds host memory, the excess is assigned to VMs by the idle memory
 *    tax (lowest shares-per-page ratio first);
 * 4. each VM's balloon inflates toward its share of the excess at a limited speed (and deflates
 *    when pressure falls); the guest gives up its idle pages first, and pages out active ones only
 *    when the balloon is larger than its idle memory;
 * 5. what the balloons have not yet covered, the host swaps out at once, picking pages blindly
 *    (a fraction active/total of them are active);
 * 6. active pages that are swapped (by the host) or paged out (by the guest) fault back in as the
 *    VM touches them, r of them per second of the VM's progress; one swap device serves them all,
 *    one at a time (swapDevice.ts), so the host swaps in at most 1 / latency pages per second of
 *    wall-clock time and a VM that waits R for each page runs 1 + r R times slower.
 * Results are labelled "model": the latency and access rate are model choices.
 */
import { parseConfig } from '../config.ts';
import { formatLimit, MAX_MEMORY_WORK } from '../limits.ts';
import { ok, type Result } from '../result.ts';
import { memoryConfigSchema, type MemoryConfig } from './config.ts';
import { reclaimTargets, sharesPerPage } from './idleTax.ts';
import { scanRatePagesPerSecond, scanStep } from './pageSharing.ts';
import { swapDeviceLoad } from './swapDevice.ts';

export interface VmSample {
	activeMB: number;
	/** Memory of the VM resident in host RAM. */
	residentMB: number;
	sharedMB: number;
	balloonMB: number;
	/** Swapped out by the host. */
	swappedMB: number;
	/** Active pages the guest paged out to its own swap because the balloon took more than its idle memory. */
	guestPagedMB: number;
	/** Shares-per-page ratio of the idle memory tax, relative to shares/MiB. */
	rho: number;
	/** Pages the VM would fault in per second of its own progress (what it asks of the device). */
	faultsPerGuestSecond: number;
	/** Swap-ins served per second of wall-clock time (limited by the swap device). */
	swapInsPerSecond: number;
	/** Mean wait for one swap-in, queueing behind other VMs included (ms; 0 when not faulting). */
	swapWaitMs: number;
	/** Wall-clock time per unit of progress: 1 + faultsPerGuestSecond x swap wait. */
	slowdown: number;
}

export interface MemorySample {
	t: number;
	capacityMB: number;
	demandMB: number;
	usedMB: number;
	sharedMB: number;
	balloonMB: number;
	swappedMB: number;
	/** Swap-ins per second of wall-clock time, all VMs: at most swapDeviceCapacityPerSecond. */
	swapInsPerSecond: number;
	/** Fraction of time the swap device is busy. */
	swapDeviceUtilization: number;
	vms: VmSample[];
}

export interface VmSummary {
	name: string;
	memoryMB: number;
	shares: number;
	swapIns: number;
	meanSlowdown: number;
	maxSlowdown: number;
	final: VmSample;
}

export interface MemoryResult {
	pageSizeKB: number;
	/** KSM scan rate in pages and MiB per second. */
	scanPagesPerSecond: number;
	scanMBPerSecond: number;
	/** Swap-ins per second the device can serve at most, 1000 / latencyMs (null: instant device). */
	swapDeviceCapacityPerSecond: number | null;
	series: MemorySample[];
	vms: VmSummary[];
	peak: { sharedMB: number; balloonMB: number; swappedMB: number; swapInsPerSecond: number };
	totalSwapIns: number;
}

const MAX_SAMPLES = 2000;

/** The working set of the latest phase that has started (the earliest phase before any has). */
export function activePercentAt(
	phases: { atSeconds: number; activePercent: number }[],
	t: number
): number {
	let current = phases[0];
	for (const p of phases) {
		if (p.atSeconds < current.atSeconds) current = p;
	}
	for (const p of phases) {
		if (p.atSeconds <= t && p.atSeconds >= current.atSeconds) current = p;
	}
	return current.activePercent;
}

/** Validates a configuration (any JSON value) and runs it. */
export function runMemory(input: unknown): Result<MemoryResult> {
	const parsed = parseConfig(memoryConfigSchema, input);
	if (!parsed.ok) return parsed;
	const c = parsed.value;
	if (c.host.reservedMB >= c.host.memoryMB) {
		return {
			ok: false,
			error: {
				param: 'host.reservedMB',
				message: 'host.reservedMB: must be less than host.memoryMB'
			}
		};
	}
	const steps = Math.round(c.durationSeconds / c.stepSeconds);
	if (steps < 1) {
		return {
			ok: false,
			error: { param: 'stepSeconds', message: 'stepSeconds: longer than durationSeconds' }
		};
	}
	// Every step runs the reclamation over every VM.
	if ((steps + 1) * c.vms.length > MAX_MEMORY_WORK) {
		return {
			ok: false,
			error: {
				param: 'stepSeconds',
				message:
					`stepSeconds: ${formatLimit(steps + 1)} steps x ${c.vms.length} VMs is too much work ` +
					`(at most ${formatLimit(MAX_MEMORY_WORK)}; shorten durationSeconds or raise stepSeconds)`
			}
		};
	}
	return ok(simulateMemory(c));
}

export function simulateMemory(c: MemoryConfig): MemoryResult {
	const dt = c.stepSeconds;
	const steps = Math.round(c.durationSeconds / dt);
	const pagesPerMB = 1024 / c.pageSizeKB;
	const n = c.vms.length;
	const capacity = c.host.memoryMB - c.host.reservedMB;
	const scanPages = c.ksm.enabled ? scanRatePagesPerSecond(c.ksm.pagesToScan, c.ksm.sleepMs) : 0;
	const scannedMB = new Float64Array(n);
	const balloon = new Float64Array(n);
	const swapInsTotal = new Float64Array(n);
	const slowdownSum = new Float64Array(n);
	const slowdownMax = new Float64Array(n).fill(1);
	const series: MemorySample[] = [];
	const every = Math.max(1, Math.ceil((steps + 1) / MAX_SAMPLES));
	const peak = { sharedMB: 0, balloonMB: 0, swappedMB: 0, swapInsPerSecond: 0 };
	let last: MemorySample | null = null;

	for (let s = 0; s <= steps; s++) {
		const t = s * dt;
		const running = c.vms.map((vm) => t >= vm.startSeconds);
		const held = c.vms.map((vm, i) => (running[i] ? vm.memoryMB : 0));
		const active = c.vms.map((vm, i) =>
			running[i] ? (vm.memoryMB * activePercentAt(vm.phases, t)) / 100 : 0
		);
		// Page sharing: the scanner covers more memory, spread evenly over unscanned VMs.
		if (s > 0 && scanPages > 0) scanStep(scannedMB, held, (scanPages * dt) / pagesPerMB);
		const shared = c.vms.map((vm, i) =>
			running[i] ? (vm.sharablePercent / 100) * Math.min(scannedMB[i], held[i]) : 0
		);
		const demand = held.map((h, i) => h - shared[i]);
		const totalDemand = demand.reduce((a, b) => a + b, 0);
		const excess = totalDemand - capacity;
		const reclaim = reclaimTargets(
			c.vms.map((vm, i) => ({ shares: vm.shares, demandMB: demand[i], activeMB: active[i] })),
			excess,
			c.idleTax.tau
		);
		// Balloons move toward their share of the excess, at most rateMBps x dt per step.
		for (let i = 0; i < n; i++) {
			if (!running[i]) {
				balloon[i] = 0;
				continue;
			}
			const limit = c.balloon.enabled ? (c.vms[i].memoryMB * c.balloon.maxPercent) / 100 : 0;
			const target = Math.min(reclaim[i], limit);
			const stepMB = c.balloon.rateMBps * dt;
			if (s > 0) {
				balloon[i] =
					balloon[i] < target
						? Math.min(target, balloon[i] + stepMB)
						: Math.max(target, balloon[i] - stepMB);
			}
		}
		// The host swaps whatever excess the balloons do not cover yet, from the VMs whose
		// targets are not covered, in proportion to what is missing.
		let ballooned = 0;
		let uncovered = 0;
		for (let i = 0; i < n; i++) {
			ballooned += balloon[i];
			uncovered += Math.max(0, reclaim[i] - balloon[i]);
		}
		const toSwap = Math.max(0, excess - ballooned);
		const swappedOf: number[] = [];
		const guestPagedOf: number[] = [];
		const faults: number[] = [];
		for (let i = 0; i < n; i++) {
			const swapped =
				uncovered > 0 ? (toSwap * Math.max(0, reclaim[i] - balloon[i])) / uncovered : 0;
			// The guest gives the balloon its idle pages first; beyond them it pages out active ones.
			const idleMB = Math.max(0, held[i] - active[i]);
			const guestPaged = Math.min(active[i], Math.max(0, balloon[i] - idleMB));
			// Host swapping cannot tell active pages from idle ones.
			const memoryLeft = Math.max(1e-9, demand[i] - balloon[i]);
			const activeLeft = Math.max(0, active[i] - guestPaged);
			const activeSwapped = swapped * Math.min(1, activeLeft / memoryLeft);
			swappedOf.push(swapped);
			guestPagedOf.push(guestPaged);
			// The VM touches accessRatePerSecond of its missing active pages per second of its own
			// progress: a demand on the device, not yet what the device can serve.
			faults.push(
				running[i] ? (activeSwapped + guestPaged) * pagesPerMB * c.swap.accessRatePerSecond : 0
			);
		}
		const device = swapDeviceLoad(faults, c.swap.latencyMs / 1000);
		const vmSamples: VmSample[] = [];
		let swapInsAll = 0;
		for (let i = 0; i < n; i++) {
			const vm = c.vms[i];
			const swapped = swappedOf[i];
			const guestPaged = guestPagedOf[i];
			const swapInsPerSecond = device.swapInsPerSecond[i];
			const slowdown = device.slowdown[i];
			const resident = Math.max(0, demand[i] - balloon[i] - swapped);
			const pages = demand[i] - reclaim[i];
			vmSamples.push({
				activeMB: active[i],
				residentMB: resident,
				sharedMB: shared[i],
				balloonMB: balloon[i],
				swappedMB: swapped,
				guestPagedMB: guestPaged,
				rho: running[i]
					? sharesPerPage(vm.shares, pages, active[i] / Math.max(pages, 1e-9), c.idleTax.tau)
					: 0,
				faultsPerGuestSecond: faults[i],
				swapInsPerSecond,
				swapWaitMs: device.waitSeconds[i] * 1000,
				slowdown
			});
			if (running[i] && s > 0) {
				swapInsTotal[i] += swapInsPerSecond * dt;
				slowdownSum[i] += slowdown;
				slowdownMax[i] = Math.max(slowdownMax[i], slowdown);
			}
			swapInsAll += swapInsPerSecond;
		}
		const sum = (f: (v: VmSample) => number): number => vmSamples.reduce((a, v) => a + f(v), 0);
		const sample: MemorySample = {
			t,
			capacityMB: capacity,
			demandMB: totalDemand,
			usedMB: sum((v) => v.residentMB),
			sharedMB: sum((v) => v.sharedMB),
			balloonMB: sum((v) => v.balloonMB),
			swappedMB: sum((v) => v.swappedMB),
			swapInsPerSecond: swapInsAll,
			swapDeviceUtilization: device.utilization,
			vms: vmSamples
		};
		peak.sharedMB = Math.max(peak.sharedMB, sample.sharedMB);
		peak.balloonMB = Math.max(peak.balloonMB, sample.balloonMB);
		peak.swappedMB = Math.max(peak.swappedMB, sample.swappedMB);
		peak.swapInsPerSecond = Math.max(peak.swapInsPerSecond, sample.swapInsPerSecond);
		if (s % every === 0 || s === steps) series.push(sample);
		last = sample;
	}
	const runningSteps = c.vms.map((vm) => Math.max(1, steps - Math.ceil(vm.startSeconds / dt)));
	return {
		pageSizeKB: c.pageSizeKB,
		scanPagesPerSecond: scanPages,
		scanMBPerSecond: scanPages / pagesPerMB,
		swapDeviceCapacityPerSecond: c.swap.latencyMs > 0 ? 1000 / c.swap.latencyMs : null,
		series,
		vms: c.vms.map((vm, i) => ({
			name: vm.name ?? `vm${i}`,
			memoryMB: vm.memoryMB,
			shares: vm.shares,
			swapIns: swapInsTotal[i],
			meanSlowdown: slowdownSum[i] > 0 ? slowdownSum[i] / runningSteps[i] : 1,
			maxSlowdown: slowdownMax[i],
			final: last!.vms[i]
		})),
		peak,
		totalSwapIns: swapInsTotal.reduce((a, b) => a + b, 0)
	};
}
