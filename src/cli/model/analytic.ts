/** The analytic queueing models of `virtlab model`: mm1, mmc, mmck, mg1, md1, jackson, mva. */
import { formatLimit, MAX_CAPACITY, MAX_POPULATION, MAX_SERVERS } from '../../lib/sim/limits.ts';
import { jackson } from '../../lib/sim/queueing/jackson.ts';
import { md1 } from '../../lib/sim/queueing/md1.ts';
import { mg1 } from '../../lib/sim/queueing/mg1.ts';
import { mm1 } from '../../lib/sim/queueing/mm1.ts';
import { mmc } from '../../lib/sim/queueing/mmc.ts';
import { mmck } from '../../lib/sim/queueing/mmck.ts';
import { mva } from '../../lib/sim/queueing/mva.ts';
import { fail, ok, type Result } from '../../lib/sim/result.ts';
import { formatGrid, formatTable } from './format.ts';
import type { ModelOutput, ModelSpec } from './spec.ts';

const lambda = { name: 'lambda', description: 'arrival rate', kind: 'number' } as const;
const mu = { name: 'mu', description: 'service rate of one server', kind: 'number' } as const;
const servers = {
	name: 'c',
	description: `number of servers, at most ${formatLimit(MAX_SERVERS)}`,
	kind: 'integer'
} as const;

const LABELS: Record<string, string> = {
	rho: 'rho (utilization)',
	a: 'a (offered load, Erlangs)',
	C: 'C (probability of waiting)',
	utilization: 'utilization (carried)',
	scv: 'scv (service variability)',
	L: 'L (mean number in system)',
	Lq: 'Lq (mean number waiting)',
	W: 'W (mean response time)',
	Wq: 'Wq (mean waiting time)',
	p0: 'p0 (empty)',
	pK: 'pK (full: arrivals lost)',
	lambdaEff: 'lambdaEff (admitted rate)'
};

function asOutput(title: string, metrics: object): Result<ModelOutput> {
	const rows: [string, unknown][] = Object.entries(metrics).map(([k, v]) => [LABELS[k] ?? k, v]);
	return ok({ json: metrics, text: `${title}\n${formatTable(rows)}` });
}

function wrap<T extends object>(title: string, r: Result<T>): Result<ModelOutput> {
	return r.ok ? asOutput(title, r.value) : r;
}

/** `0,0.5;0,0` -> [[0, 0.5], [0, 0]]: rows separated by semicolons. */
function parseMatrix(param: string, text: string): Result<number[][]> {
	const rows = text
		.split(';')
		.map((row) => row.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x))));
	if (rows.some((row) => row.some((x) => !Number.isFinite(x)))) {
		return fail(
			param,
			`--${param} must be rows of comma-separated numbers separated by ';' (got '${text}')`
		);
	}
	return ok(rows);
}

export const analyticModels: ModelSpec[] = [
	{
		name: 'mm1',
		summary: 'M/M/1 queue (one exponential server)',
		params: [lambda, mu],
		async run(v) {
			return wrap('M/M/1', mm1({ lambda: v.lambda as number, mu: v.mu as number }));
		}
	},
	{
		name: 'mmc',
		summary: 'M/M/c queue (Erlang C)',
		params: [lambda, mu, servers],
		async run(v) {
			const r = mmc({ lambda: v.lambda as number, mu: v.mu as number, c: v.c as number });
			return wrap(`M/M/${v.c}`, r);
		}
	},
	{
		name: 'mmck',
		summary: 'M/M/c/K queue (finite capacity K, counting those in service)',
		params: [
			lambda,
			mu,
			servers,
			{
				name: 'k',
				description: `capacity of the system, at most ${formatLimit(MAX_CAPACITY)}`,
				kind: 'integer'
			}
		],
		async run(v) {
			const r = mmck({
				lambda: v.lambda as number,
				mu: v.mu as number,
				c: v.c as number,
				k: v.k as number
			});
			return wrap(`M/M/${v.c}/${v.k}`, r);
		}
	},
	{
		name: 'mg1',
		summary: 'M/G/1 queue (Pollaczek–Khinchine)',
		params: [
			lambda,
			{ name: 'es', description: 'mean service time E[S]', kind: 'number' },
			{ name: 'es2', description: 'second moment of the service time E[S^2]', kind: 'number' }
		],
		async run(v) {
			const r = mg1({ lambda: v.lambda as number, es: v.es as number, es2: v.es2 as number });
			return wrap('M/G/1', r);
		}
	},
	{
		name: 'md1',
		summary: 'M/D/1 queue (constant service time 1/mu)',
		params: [lambda, mu],
		async run(v) {
			return wrap('M/D/1', md1({ lambda: v.lambda as number, mu: v.mu as number }));
		}
	},
	{
		name: 'jackson',
		summary: 'open Jackson network of M/M/c stations',
		params: [
			{
				name: 'gamma',
				description: 'external arrival rate into each station, e.g. 1,0',
				kind: 'list'
			},
			{ name: 'mu', description: 'service rate of each station', kind: 'list' },
			{
				name: 'c',
				description: 'servers at each station (default 1 each)',
				kind: 'list',
				optional: true
			},
			{
				name: 'routing',
				description: "routing probabilities, rows separated by ';', e.g. '0,0.5;0.2,0'",
				kind: 'string'
			}
		],
		async run(v) {
			const routing = parseMatrix('routing', v.routing as string);
			if (!routing.ok) return routing;
			const r = jackson({
				gamma: v.gamma as number[],
				mu: v.mu as number[],
				c: v.c as number[] | undefined,
				routing: routing.value
			});
			if (!r.ok) return r;
			const rows = r.value.stations.map((st, i) => [
				i,
				r.value.lambda[i],
				r.value.visits[i],
				st.rho,
				st.L,
				st.W
			]);
			const text =
				'open Jackson network\n' +
				formatGrid(['station', 'lambda', 'visits', 'rho', 'L', 'W per visit'], rows) +
				formatTable([
					['L (jobs in the network)', r.value.L],
					['W (time in the network)', r.value.W]
				]);
			return ok({ json: r.value, text });
		}
	},
	{
		name: 'mva',
		summary: 'exact Mean Value Analysis of a closed network with think time',
		params: [
			{
				name: 'demands',
				description: 'service demand of each station, e.g. 0.2,0.1',
				kind: 'list'
			},
			{ name: 'think', description: 'think time Z', kind: 'number', default: 0 },
			{
				name: 'n',
				description: `population N, at most ${formatLimit(MAX_POPULATION)}`,
				kind: 'integer'
			}
		],
		async run(v) {
			const r = mva({ demands: v.demands as number[], think: v.think as number, n: v.n as number });
			if (!r.ok) return r;
			const { X, R } = r.value;
			const rows = X.slice(1).map((x, i) => [i + 1, x, R[i + 1]]);
			const text =
				`exact MVA: demands ${(v.demands as number[]).join(', ')}, think time ${v.think}\n` +
				formatGrid(['n', 'X (throughput)', 'R (response time)'], rows);
			return ok({ json: r.value, text });
		}
	}
];
