import { describe, expect, it } from 'vitest';
import type { ExitStep } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import {
	DROPPED,
	INJECTED,
	STATE_NAMES,
	TABLES,
	localize,
	phraseText
} from '../../../../src/lib/widgets/exit-stepper/engine-words.ts';
import { stepText } from '../../../../src/lib/widgets/exit-stepper/handler-steps.ts';
import { sayText } from '../../../../src/lib/widgets/exit-stepper/say.ts';
import { realRun } from './fixtures.ts';
import { buildGuest } from '../../../../src/lib/emulator/guests/build.ts';
import { runVm } from '../../../../src/lib/emulator/vmm/vm.ts';

describe('engine words', () => {
	it('knows every English phrase the monitors put in their steps', () => {
		const steps: ExitStep[] = [];
		for (const [workload, mode] of [
			['syscall', 'trap'],
			['pagetouch', 'trap'],
			['ptemod', 'trap'],
			['syscall', 'hw'],
			['ptemod', 'pv'],
			['syscall', 'pv']
		] as const)
			for (const r of realRun(workload, mode).exits.records) steps.push(...r.steps);
		const seen = new Set<string>();
		for (const s of steps) {
			if (s.kind === 'inject') {
				seen.add('inject');
				expect(phraseText(INJECTED, s.what), s.what).toBeDefined();
			}
			if (s.kind === 'dropEntries') {
				seen.add('drop');
				expect(phraseText(DROPPED, s.why), s.why).toBeDefined();
			}
			if (s.kind === 'installEntry' || s.kind === 'dropEntries')
				expect(TABLES[s.table], s.table).toBeDefined();
			// A state name with a space or a word that is no register is English: it needs a line.
			if (
				(s.kind === 'readState' || s.kind === 'writeState') &&
				!/^[a-z][a-z0-9.]*$/.test(s.name)
			) {
				seen.add('state');
				expect(phraseText(STATE_NAMES, s.name), s.name).toBeDefined();
			}
		}
		expect(seen).toEqual(new Set(['inject', 'drop', 'state']));
	});

	it('knows the phrases of every shadow synchronisation strategy', () => {
		const whys = new Set<string>();
		for (const shadowSync of ['write-protect', 'unsync', 'flood'] as const) {
			const r = runVm({
				mode: 'trap',
				kernel: { image: buildGuest('ptemod').image! },
				keepExits: true,
				shadowSync
			});
			if (!r.ok) throw new Error(r.error);
			for (const e of r.run.exits.records)
				for (const s of e.steps) if (s.kind === 'dropEntries') whys.add(s.why);
		}
		for (const why of whys) expect(phraseText(DROPPED, why), why).toBeDefined();
		const keys = [...whys].map((why) => phraseText(DROPPED, why)!.key);
		for (const key of ['unsync', 'resync', 'syncAddress'])
			expect(keys).toContain(`exitStepper.why.${key}`);
		const line = stepText({
			kind: 'dropEntries',
			table: 'shadow',
			count: 1,
			why: 'SFENCE.VMA 0x02000000: entry of out-of-sync guest table 0x80123000 re-read'
		});
		expect(sayText('zh', line)).toBe(
			'丢弃影子表中的 1 个页表项（SFENCE.VMA 0x02000000：重新读取失步客户机页表 0x80123000 中的页表项）'
		);
	});

	it('says them in Chinese on a Chinese page, and keeps the numbers', () => {
		const line = stepText({ kind: 'inject', what: 'exception 8 into the guest kernel' });
		expect(sayText('en', line)).toBe('Inject exception 8 into the guest kernel into the guest');
		expect(sayText('zh', line)).toBe('向客户机注入异常 8（交给客户机内核处理）');
		const drop = stepText({
			kind: 'dropEntries',
			table: 'shadow',
			count: 3,
			why: 'SFENCE.VMA: hardware TLB flushed'
		});
		expect(sayText('zh', drop)).toBe('丢弃影子表中的 3 个页表项（SFENCE.VMA：硬件 TLB 已刷新）');
	});

	it('leaves a phrase it does not know as the engine wrote it', () => {
		const line = localize(
			{ key: 'exitStep.inject', params: { what: 'something new' } },
			() => 'translated'
		);
		expect(line.params.what).toBe('something new');
	});
});
