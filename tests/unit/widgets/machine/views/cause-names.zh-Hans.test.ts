/** The trap causes in Chinese: one for every code the English table names, and none it does not. */
import { describe, expect, it } from 'vitest';
import {
	EXCEPTION_NAMES,
	INTERRUPT_NAMES
} from '../../../../../src/lib/emulator/machine/cause-names.ts';
import {
	EXCEPTION_NAMES_ZH,
	INTERRUPT_NAMES_ZH,
	trapCauseNameZh
} from '../../../../../src/lib/widgets/machine/views/cause-names.zh-Hans.ts';

const HAN = /\p{Script=Han}/u;

describe('the Chinese cause tables', () => {
	it('name every exception code the English table names, in Chinese', () => {
		expect(Object.keys(EXCEPTION_NAMES_ZH)).toEqual(Object.keys(EXCEPTION_NAMES));
		for (const name of Object.values(EXCEPTION_NAMES_ZH)) expect(name).toMatch(HAN);
	});

	it('name every interrupt code the English table names, in Chinese', () => {
		expect(Object.keys(INTERRUPT_NAMES_ZH)).toEqual(Object.keys(INTERRUPT_NAMES));
		for (const name of Object.values(INTERRUPT_NAMES_ZH)) expect(name).toMatch(HAN);
	});

	it('use the course’s words for the page faults and the guest-page faults', () => {
		expect([12, 13, 15].map((c) => EXCEPTION_NAMES_ZH[c])).toEqual([
			'取指页错误',
			'加载页错误',
			'存储/AMO 页错误'
		]);
		expect(EXCEPTION_NAMES_ZH[21]).toBe('加载客户机页错误');
	});
});

describe('trapCauseNameZh', () => {
	it('reads the Interrupt bit (bit 31) to choose the table', () => {
		expect(trapCauseNameZh(2)).toBe('非法指令');
		expect(trapCauseNameZh(0x80000007)).toBe('M 模式定时器中断');
		// Code 7 without the Interrupt bit is an exception, not the timer.
		expect(trapCauseNameZh(7)).toBe('存储/AMO 访问错误');
	});

	it('says that a code is not defined, in Chinese', () => {
		expect(trapCauseNameZh(14)).toBe('异常 14（未定义）');
		expect(trapCauseNameZh(0x80000004)).toBe('中断 4（未定义）');
	});
});
