/** The trap log's rows: cause names for exceptions and interrupts, hex, modes, and the order. */
import { describe, expect, it } from 'vitest';
import type { TrapRecord } from '../../../../../src/lib/emulator/session/types.ts';
import { trapRows } from '../../../../../src/lib/widgets/machine/views/trap-log.ts';

const traps: TrapRecord[] = [
	{
		position: 10,
		cause: 8,
		interrupt: false,
		tval: 0,
		pc: 0x80000100,
		from: { priv: 0, virt: false, name: 'U' },
		to: 'HS'
	},
	{
		position: 250,
		cause: 7,
		interrupt: true,
		tval: 0,
		pc: 0x80000200,
		from: { priv: 1, virt: false, name: 'HS' },
		to: 'M'
	}
];

describe('trapRows', () => {
	it('names exceptions and interrupts by their own tables', () => {
		const [ecall, timer] = trapRows('en', traps, 'oldest');
		expect(ecall).toMatchObject({ cause: 8, interrupt: false, from: 'U', to: 'HS' });
		expect(ecall.causeName).toBe('environment call from U-mode or VU-mode');
		expect(timer).toMatchObject({ cause: 7, interrupt: true, pcHex: '0x80000200' });
		expect(timer.causeName).toBe('machine timer interrupt');
	});

	it('carries what the firmware did with a trap it answered, and nothing for the others', () => {
		const answered: TrapRecord = { ...traps[1], firmware: 'timer' };
		const [ecall, timer] = trapRows('en', [traps[0], answered], 'oldest');
		expect(timer).toMatchObject({ to: 'M', firmware: 'timer' });
		expect(ecall).not.toHaveProperty('firmware');
	});

	it('names the causes in Chinese on a Chinese page', () => {
		const [ecall, timer] = trapRows('zh', traps, 'oldest');
		expect(ecall.causeName).toBe('来自 U 模式或 VU 模式的环境调用');
		expect(timer.causeName).toBe('M 模式定时器中断');
	});

	it('lists newest first or oldest first, without changing its input', () => {
		expect(trapRows('en', traps, 'newest').map((r) => r.position)).toEqual([250, 10]);
		expect(trapRows('en', traps, 'oldest').map((r) => r.position)).toEqual([10, 250]);
		expect(traps[0].position).toBe(10);
	});
});
