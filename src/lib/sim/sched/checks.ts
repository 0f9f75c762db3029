/**
 * Checks that involve more than one field of a valid configuration, each naming the field to
 * change: the schema (config.ts) has checked every field on its own.
 */
import type { ParamError } from '../result.ts';
import type { SchedConfig } from './config.ts';

export function checkSchedConfig(config: SchedConfig): ParamError | null {
	for (let i = 0; i < config.vms.length; i++) {
		const vm = config.vms[i];
		// A gang runs only with all its vCPUs on pCPUs at once.
		if (config.policy.name === 'cosched-strict' && vm.vcpus > config.pcpus) {
			const param = `vms[${i}].vcpus`;
			return {
				param,
				message: `${param}: ${vm.vcpus} vCPUs can never be gang-scheduled on ${config.pcpus} pCPUs`
			};
		}
		// Nice levels belong to Linux threads; the other policies would silently ignore them.
		if (vm.nice !== 0 && config.policy.name !== 'cfs') {
			const param = `vms[${i}].nice`;
			return {
				param,
				message: `${param}: nice levels apply to the cfs policy only (policy is ${config.policy.name})`
			};
		}
	}
	return null;
}
