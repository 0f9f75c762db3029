/**
 * Upper bounds on the sizes that drive the models' loops. Every one of them is far beyond any
 * system a lesson or a capacity plan describes; they exist so that a mistyped value (an extra
 * zero, `1e9` instead of `1e3`) is answered at once with an error naming the parameter instead
 * of a computation that runs for minutes or exhausts memory.
 *
 * Each comment gives the cost at the bound, measured on one core of a shared build machine.
 * The engines check the bounds and return a ParamError; the CLI prints that error. They are
 * listed in examples/models/README.md.
 */

/**
 * Servers c of M/M/c, M/M/c/K, a Jackson station and the simulated G/G/c queue. Erlang's
 * recurrence takes one step per server (about 5 ms at the bound) and the simulation keeps a few
 * numbers per server. The largest cloud regions run about this many hosts.
 */
export const MAX_SERVERS = 100_000;

/** Capacity K of M/M/c/K: three passes over K + 1 probabilities, about 0.1 s and 8 MB at the bound. */
export const MAX_CAPACITY = 1_000_000;

/**
 * Population N of Mean Value Analysis. The result holds a throughput and a response time per
 * population, one row each in the text output: at the bound the CLI prints 100,000 rows in about
 * a second. Throughput stops growing near N* = (D + Z) / Dmax, which is rarely above a few hundred.
 */
export const MAX_POPULATION = 100_000;

/** Population N times stations K of Mean Value Analysis: the number of inner steps (about 0.3 s). */
export const MAX_MVA_STEPS = 10_000_000;

/** Stations of a Jackson network: Gaussian elimination takes n^3 steps (about 0.25 s at 300). */
export const MAX_STATIONS = 300;

/**
 * Customers of a discrete-event simulation, warm-up included: about two events each, at about
 * 10 million events per second, so about 20 s at the bound. A run of a million customers
 * already gives a confidence interval well under 1% of W at moderate load.
 */
export const MAX_CUSTOMERS = 100_000_000;

/** Seeds are 32-bit (random.ts keeps `seed >>> 0`): larger ones would silently repeat smaller ones. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Levels of nested arrays and objects in a JSON configuration. The deepest real configuration
 * has five (`{ "vms": [ { "phases": [ { … } ] } ] }`); validation walks the tree recursively, so
 * a file of 100,000 nested `[` would otherwise overflow the call stack.
 */
export const MAX_CONFIG_DEPTH = 32;

/**
 * Simulation steps, plus the wake-ups and blocks expected between them (each is an event at its
 * own instant, sched/workLimit.ts), times the vCPUs and pCPUs they move, for the scheduling
 * model: each visits every vCPU and pCPU, about 1 s at the bound. The default 2 s at 50 us
 * steps (40,000 steps) leaves room for 500 vCPUs and pCPUs.
 */
export const MAX_SCHED_WORK = 20_000_000;

/**
 * Time steps times VMs for the memory model: each step of an overcommitted host runs the
 * idle-memory-tax reclamation (400 rounds over the VMs), about 3.5 s at the bound. The default
 * 300 steps leave room for the schema's 1,000 VMs.
 */
export const MAX_MEMORY_WORK = 500_000;

/**
 * VMs to place, counting `count` copies: first fit and best fit compare each VM with every open
 * host, up to n^2 / 2 comparisons per algorithm (about 1.5 s for all four at the bound).
 */
export const MAX_PLACEMENT_VMS = 10_000;

/**
 * Random CPU demands drawn by the overload estimate: trials x VMs x algorithms (about 1 s at
 * the bound).
 */
export const MAX_OVERLOAD_DRAWS = 10_000_000;

/** Sizes in a memory or placement configuration: beyond this, sums of them lose all precision. */
export const MAX_SIZE = 1e12;

/** How a limit reads in a message: 100,000 rather than 100000 or 1e5. */
export function formatLimit(n: number): string {
	return n.toLocaleString('en-US');
}
