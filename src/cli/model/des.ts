/**
 * Simulated queues of `virtlab model` (des-mm1, des-mmc, des-queue) and `virtlab model bench`: the
 * model specs, their parameters and help text. The runs and their output are in desOutput.ts, the
 * timed runs in desRun.ts and the benchmark in desBench.ts. Wall-clock timing lives in the CLI,
 * never in the engine.
 */
import { DISTRIBUTION_SYNTAX } from '../../lib/sim/distributionSpec.ts';
import { formatLimit, MAX_CUSTOMERS, MAX_SEED, MAX_SERVERS } from '../../lib/sim/limits.ts';
import { MIN_BATCHES } from '../../lib/sim/des/batchMeans.ts';
import { runBench } from './desBench.ts';
import { simulate, simulateGeneral } from './desOutput.ts';
import { toInput } from './desRun.ts';
import type { ModelSpec } from './spec.ts';

export { intervalRows } from './desOutput.ts';

const servers = {
	name: 'c',
	description: `number of servers, at most ${formatLimit(MAX_SERVERS)}`,
	kind: 'integer'
} as const;

const common = [
	{ name: 'lambda', description: 'arrival rate', kind: 'number' },
	{ name: 'mu', description: 'service rate of one server', kind: 'number' },
	{
		name: 'customers',
		description: `customers to simulate, at most ${formatLimit(MAX_CUSTOMERS)}`,
		kind: 'integer',
		default: 1_000_000
	},
	{
		name: 'seed',
		description: `random seed, an integer in 0..${formatLimit(MAX_SEED)}`,
		kind: 'integer',
		default: 1
	},
	{
		name: 'warmup',
		description: 'customers deleted at the start',
		kind: 'integer',
		optional: true,
		defaultText: '10% of customers'
	},
	{
		name: 'batches',
		description:
			`batches for the confidence interval, ${MIN_BATCHES} to 1,000 ` +
			`(below ${MIN_BATCHES} complete batches no interval is given)`,
		kind: 'integer',
		optional: true,
		defaultText:
			'batch size chosen from the run: doubled until a lag-1 test finds the batch means ' +
			'uncorrelated, with a warning if none does'
	}
] as const;

export const desModels: ModelSpec[] = [
	{
		name: 'des-mm1',
		summary: 'M/M/1 by discrete-event simulation, with a batch-means confidence interval',
		params: [...common],
		async run(v) {
			return simulate('M/M/1', toInput(v, 1));
		}
	},
	{
		name: 'des-mmc',
		summary: 'M/M/c by discrete-event simulation, with a batch-means confidence interval',
		params: [...common, { ...servers }],
		async run(v) {
			return simulate(`M/M/${v.c}`, toInput(v, v.c as number));
		}
	},
	{
		name: 'des-queue',
		summary: 'G/G/c(/K) by discrete-event simulation: any interarrival and service distributions',
		params: [
			{
				name: 'arrival',
				description: `interarrival distribution (${DISTRIBUTION_SYNTAX})`,
				kind: 'string'
			},
			{ name: 'service', description: 'service distribution (same syntax)', kind: 'string' },
			{ ...servers, default: 1 },
			{
				name: 'k',
				description: 'capacity of the system, counting those in service',
				kind: 'integer',
				optional: true
			},
			...common.slice(2)
		],
		async run(v) {
			return simulateGeneral(v);
		}
	},
	{
		name: 'bench',
		summary:
			'events per second of the discrete-event engine (M/M/1 and M/M/8 at rho 0.9), ' +
			'also per CPU second (not distorted by other processes), and the cost of redrawing analytic curves',
		params: [
			{
				name: 'customers',
				description: `customers per run, at most ${formatLimit(MAX_CUSTOMERS)}`,
				kind: 'integer',
				default: 1_000_000
			}
		],
		async run(v) {
			return runBench(v.customers as number);
		}
	}
];
