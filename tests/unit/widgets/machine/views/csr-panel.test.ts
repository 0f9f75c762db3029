/** The CSR panel's groups: empty ones left out, changes marked and counted, fields and access decoded. */
import { describe, expect, it } from 'vitest';
import {
	csrGroupViews,
	openByDefault
} from '../../../../../src/lib/widgets/machine/views/csr-panel.ts';

const groups = [
	{
		group: 'machine' as const,
		csrs: [
			{ name: 'mstatus', number: 0x300, value: 0x1800 },
			{ name: 'mscratch', number: 0x340, value: 0 },
			{ name: 'mhartid', number: 0xf14, value: 0 }
		]
	},
	{ group: 'supervisor' as const, csrs: [{ name: 'scause', number: 0x142, value: 8 }] },
	{ group: 'hypervisor' as const, csrs: [] },
	{ group: 'user' as const, csrs: [{ name: 'cycle', number: 0xc00, value: 12 }] }
];

describe('csrGroupViews', () => {
	it('keeps the non-empty groups in order', () => {
		expect(csrGroupViews('en', groups).map((g) => g.group)).toEqual([
			'machine',
			'supervisor',
			'user'
		]);
	});

	it('marks and counts the CSRs the last command changed', () => {
		const views = csrGroupViews('en', groups, ['mscratch', 'scause']);
		expect(views[0].rows.filter((r) => r.changed).map((r) => r.name)).toEqual(['mscratch']);
		expect(views.map((g) => g.changedCount)).toEqual([1, 1, 0]);
	});

	it('decodes fields where the CSR has them, and none where it is one value', () => {
		const [machine, supervisor] = csrGroupViews('en', groups);
		const mpp = machine.rows[0].fields.find((f) => f.field === 'MPP');
		expect(mpp).toMatchObject({ bits: '12:11', value: 3, meaning: 'M' });
		expect(machine.rows[1].fields).toEqual([]);
		expect(supervisor.rows[0].fields.find((f) => f.field === 'Code')?.meaning).toBe(
			'environment call from U-mode or VU-mode'
		);
	});

	it('describes the fields in Chinese on a Chinese page, the RISC-V names kept', () => {
		const [machine, supervisor] = csrGroupViews('zh', groups);
		const mpp = machine.rows[0].fields.find((f) => f.field === 'MPP');
		expect(mpp).toMatchObject({ bits: '12:11', value: 3, meaning: 'M' });
		expect(mpp?.doc).toBe('上一次陷入 M 之前的特权级；MRET 返回到它');
		expect(supervisor.rows[0].fields.find((f) => f.field === 'Code')?.meaning).toBe(
			'来自 U 模式或 VU 模式的环境调用'
		);
	});

	it('writes number and value in hex and says who may access the CSR', () => {
		const [machine, supervisor, user] = csrGroupViews('en', groups);
		expect(machine.rows[0]).toMatchObject({ numberHex: '0x300', valueHex: '0x00001800' });
		expect(machine.rows[2].access).toMatchObject({ readOnly: true, lowest: 'M' });
		expect(supervisor.rows[0].access).toMatchObject({ readOnly: false, lowest: 'S' });
		expect(user.rows[0].access).toMatchObject({ readOnly: true, lowest: 'U' });
	});
});

describe('openByDefault', () => {
	it('opens the machine group and any group holding a change', () => {
		const views = csrGroupViews('en', groups, ['cycle']);
		expect(views.map(openByDefault)).toEqual([true, false, true]);
	});
});
