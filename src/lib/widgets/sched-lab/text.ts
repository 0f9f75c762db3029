/**
 * The scheduler lab in words and tables: the policies' names, the summary for screen readers, the
 * bars' description, the table of metrics and the notes that explain its columns. Pure functions
 * of the language and the result.
 */
import type { DataTable } from '../../chart/table.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { PolicyName } from '../../sim/sched/policyNames.ts';
import type { SchedResult } from '../../sim/sched/simulate.ts';
import { DURATION_MS, TOTAL_VCPUS } from './scenario.ts';

const POLICY_KEYS: Record<PolicyName, MessageKey> = {
	rr: 'schedLab.rr',
	credit: 'schedLab.credit',
	credit2: 'schedLab.credit2',
	cfs: 'schedLab.cfs',
	'cosched-strict': 'schedLab.coschedStrict',
	'cosched-relaxed': 'schedLab.coschedRelaxed'
};

export function policyName(lang: Lang, policy: PolicyName): string {
	return t(lang, POLICY_KEYS[policy]);
}

/**
 * Why "Entitled" depends on the policy at equal weights: what carries the weight differs
 * (report.ts, entitlementWeights). Round robin counts vCPUs; credit2 gives each vCPU its VM's
 * weight; credit (as in Xen 3.x), CFS with a cgroup per VM and co-scheduling share one weight
 * per VM among its vCPUs.
 */
const ENTITLEMENT_KEYS: Record<PolicyName, MessageKey> = {
	rr: 'schedLab.entitledRr',
	credit: 'schedLab.entitledCredit',
	credit2: 'schedLab.entitledCredit2',
	cfs: 'schedLab.entitledCfs',
	'cosched-strict': 'schedLab.entitledCosched',
	'cosched-relaxed': 'schedLab.entitledCosched'
};

export function entitlementNote(lang: Lang, policy: PolicyName): string {
	return `${t(lang, 'schedLab.entitledNote')} ${t(lang, ENTITLEMENT_KEYS[policy])}`;
}

/** A number with `digits` decimals, or a dash when the model has none. */
export function fixed(x: number | null | undefined, digits = 2): string {
	return x === null || x === undefined ? '—' : x.toFixed(digits);
}

export function summary(lang: Lang, result: SchedResult): string {
	const web = result.vms[0];
	const db = result.vms[2];
	return t(lang, 'schedLab.summary', {
		policy: policyName(lang, result.policy),
		vcpus: TOTAL_VCPUS,
		pcpus: result.pcpus,
		vms: result.vms
			.map((vm) =>
				t(lang, 'schedLab.summaryVm', {
					name: vm.name,
					cpus: fixed(vm.cpus),
					entitlement: fixed(vm.entitlement),
					steal: fixed(vm.stealPercent, 0),
					capped: fixed(vm.cappedPercent, 0)
				})
			)
			.join(t(lang, 'schedLab.summaryJoin')),
		jain: fixed(result.jain, 3),
		p95: fixed(web?.requests?.p95Ms),
		spinLost: fixed(db?.spinLostMs, 0)
	});
}

export function sharesAlt(lang: Lang, result: SchedResult): string {
	return t(lang, 'schedLab.sharesAlt', {
		vms: result.vms
			.map((vm) =>
				t(lang, 'schedLab.sharesVm', {
					name: vm.name,
					cpus: fixed(vm.cpus),
					entitlement: fixed(vm.entitlement)
				})
			)
			.join(t(lang, 'schedLab.listJoin'))
	});
}

/**
 * Per VM: CPU used and entitled (the bars' data), steal and capped time (waiting for a pCPU held by
 * others, and waiting held back by its own cap), request latency and spin time lost.
 */
export function metricsTable(lang: Lang, result: SchedResult): DataTable {
	return {
		caption: t(lang, 'schedLab.caption', { duration: DURATION_MS }),
		columns: [
			t(lang, 'schedLab.vm'),
			t(lang, 'schedLab.cpusUsed'),
			t(lang, 'schedLab.entitledHeader'),
			t(lang, 'schedLab.steal'),
			t(lang, 'schedLab.capped'),
			t(lang, 'schedLab.latency'),
			t(lang, 'schedLab.spinLost')
		],
		rows: result.vms.map((vm) => ({
			key: vm.name,
			cells: [
				vm.name,
				fixed(vm.cpus),
				fixed(vm.entitlement),
				`${fixed(vm.stealPercent, 0)} %`,
				`${fixed(vm.cappedPercent, 0)} %`,
				vm.requests
					? `${fixed(vm.requests.p50Ms, 1)}/${fixed(vm.requests.p95Ms, 1)}/${fixed(vm.requests.p99Ms, 1)}`
					: '—',
				vm.workload === 'spinlock'
					? t(lang, 'schedLab.spinOf', {
							lost: fixed(vm.spinLostMs, 0),
							total: fixed(vm.spinMs, 0)
						})
					: '—'
			]
		}))
	};
}
