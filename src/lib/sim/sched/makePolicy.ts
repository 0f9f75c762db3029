/**
 * Builds the policy a configuration names, with its parameters converted from the configuration's
 * milliseconds to the simulator's microseconds.
 */
import { DEFAULT_SLICE_MS } from './caps.ts';
import type { PolicyConfig } from './config.ts';
import { CfsScheduler } from './policies/cfs.ts';
import { RelaxedCoscheduler, StrictCoscheduler } from './policies/coscheduling.ts';
import { CreditScheduler } from './policies/credit.ts';
import { Credit2Scheduler } from './policies/credit2.ts';
import { RoundRobin } from './policies/roundRobin.ts';
import type { SchedPolicy, SchedWorld } from './world.ts';

/** Milliseconds to whole microseconds, at least 1. */
const us = (ms: number): number => Math.max(1, Math.round(ms * 1000));

export function makePolicy(world: SchedWorld, p: PolicyConfig): SchedPolicy {
	const slice = us(p.sliceMs ?? DEFAULT_SLICE_MS);
	switch (p.name) {
		case 'rr':
			return new RoundRobin(world, slice);
		case 'credit':
			return new CreditScheduler(world, {
				sliceUs: slice,
				tickUs: us(p.tickMs),
				accountingUs: us(p.accountingMs)
			});
		case 'credit2':
			return new Credit2Scheduler(world, {
				creditInitUs: us(p.creditInitMs),
				minSliceUs: us(p.minSliceMs),
				maxSliceUs: us(p.maxSliceMs),
				ratelimitUs: Math.round(p.ratelimitMs * 1000)
			});
		case 'cfs':
			return new CfsScheduler(world, {
				latencyUs: p.latencyMs * 1000,
				minGranularityUs: p.minGranularityMs * 1000,
				wakeupGranularityUs: p.wakeupGranularityMs * 1000,
				cgroups: p.cgroups
			});
		case 'cosched-strict':
			return new StrictCoscheduler(world, slice);
		case 'cosched-relaxed':
			return new RelaxedCoscheduler(world, slice, us(p.skewThresholdMs));
	}
}
