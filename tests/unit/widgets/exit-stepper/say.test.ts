import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/lib/widgets/exit-stepper/messages.ts';
import { say, sayText } from '../../../../src/lib/widgets/exit-stepper/say.ts';
import { exitStepperEn as en } from '../../../../src/lib/widgets/exit-stepper/strings.en.ts';
import { exitStepperZh as zhHans } from '../../../../src/lib/widgets/exit-stepper/strings.zh-Hans.ts';

describe('say', () => {
	it('writes numbers as the language writes them', () => {
		expect(say('en', 'exitStepper.position', { n: 12, total: 35_275 })).toBe('Exit 12 of 35,275');
		expect(say('zh', 'exitStepper.position', { n: 12, total: 35_275 })).toBe(
			'第 12 次退出，共 35,275 次'
		);
	});

	it('chooses plurals from the count itself', () => {
		const line = text('exitStep.dropEntries', { count: 1024, table: 'shadow', why: 'satp' });
		expect(sayText('en', line)).toBe('Drop 1,024 entries of the shadow table (satp)');
		expect(sayText('en', { ...line, params: { ...line.params, count: 1 } })).toBe(
			'Drop 1 entry of the shadow table (satp)'
		);
	});

	it('announces an exit with both names of its cause', () => {
		expect(
			say('en', 'exitStepper.announce', {
				n: 12,
				total: 35_275,
				riscv: say('en', 'exitStepper.reason.sbi.riscv'),
				x86: say('en', 'exitStepper.reason.sbi.x86'),
				cycles: 1250
			})
		).toBe(
			'Exit 12 of 35,275: ECALL to the SBI firmware (x86: VMCALL (a hypercall to the firmware interface)), 1,250 model cycles'
		);
	});
});

describe('the stepper’s dictionaries', () => {
	const keys = Object.keys(en);

	it('has every stepper string in Chinese, with the same placeholders', () => {
		const names = (s: string) =>
			[...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort((a, b) => a.localeCompare(b));
		for (const key of keys) {
			const zh = zhHans[key as keyof typeof zhHans];
			expect(zh, key).toBeTruthy();
			expect(new Set(names(zh)), key).toEqual(new Set(names(en[key as keyof typeof en])));
		}
	});

	it('has Chinese that is Chinese, not English left in place', () => {
		// Names that are the same in every language (RISC-V, x86, WFI, SRET, …) are allowed.
		const same = keys.filter((k) => zhHans[k as keyof typeof zhHans] === en[k as keyof typeof en]);
		for (const key of same)
			expect(en[key as keyof typeof en]).toMatch(/^[A-Z0-9.\- -]+$|^x86$|^RISC-V$/);
	});

	it('names every exit reason in both ISAs and briefly', async () => {
		const { EXIT_REASONS } = await import('../../../../src/lib/emulator/vmm/exit-reasons.ts');
		for (const [reason, names] of Object.entries(EXIT_REASONS)) {
			expect(en[`exitStepper.reason.${reason}.riscv` as keyof typeof en]).toBe(names.riscv);
			expect(en[`exitStepper.reason.${reason}.x86` as keyof typeof en]).toBe(names.x86);
			expect(en[`exitStepper.reason.${reason}.short` as keyof typeof en]).toBeTruthy();
		}
	});
});
