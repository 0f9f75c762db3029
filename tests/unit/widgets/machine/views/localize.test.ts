/**
 * The machine's words in the page's language: Chinese trap causes and CSR fields on a Chinese page,
 * the engine's English unchanged on an English one.
 */
import { describe, expect, it } from 'vitest';
import {
	EXCEPTION_NAMES,
	INTERRUPT_NAMES,
	trapCauseName
} from '../../../../../src/lib/emulator/machine/cause-names.ts';
import { CSR_FIELDS, decodeCsr } from '../../../../../src/lib/widgets/machine/csr-fields.ts';
import {
	decodeCsrIn,
	localizeField,
	trapCauseNameIn
} from '../../../../../src/lib/widgets/machine/views/localize.ts';

const HAN = /\p{Script=Han}/u;
/** RISC-V names written in lower case, which stay as they are in Chinese text. */
const RISCV_NAMES = new Set(['satp', 'mtval', 'stval', 'hip', 'hie']);
/** English words left in a text: lower-case words of three letters or more, hex and CSRs aside. */
const englishWords = (text: string) =>
	(text.replace(/0x[0-9a-f]+/g, '').match(/\b[a-z]{3,}\b/g) ?? []).filter(
		(w) => !RISCV_NAMES.has(w)
	);

/** Values that give each one-bit field both values and each two-bit field all four, plus causes. */
const SAMPLES = [0, 0xffffffff, 0x55555555, 0xaaaaaaaa, 13, 0x80000007, 0x80001000];

/** Every interrupt and exception code the English tables name, as mcause writes it. */
const CAUSES = [
	...Object.keys(EXCEPTION_NAMES).map(Number),
	...Object.keys(INTERRUPT_NAMES).map((c) => (0x80000000 | Number(c)) >>> 0)
];

describe('trapCauseNameIn', () => {
	it('returns the engine’s English name for English', () => {
		for (const cause of [...CAUSES, 14]) {
			expect(trapCauseNameIn('en', cause)).toBe(trapCauseName(cause));
		}
	});

	it('names every cause in Chinese for Chinese', () => {
		for (const cause of CAUSES) {
			const name = trapCauseNameIn('zh', cause);
			expect(name).toMatch(HAN);
			expect(englishWords(name)).toEqual([]);
		}
		expect(trapCauseNameIn('zh', 0x80000009)).toBe('S 模式外部中断');
	});
});

describe('decodeCsrIn', () => {
	it.each(Object.keys(CSR_FIELDS))(
		'returns decodeCsr’s fields unchanged for English: %s',
		(csr) => {
			for (const value of SAMPLES)
				expect(decodeCsrIn('en', csr, value)).toEqual(decodeCsr(csr, value));
		}
	);

	it.each(Object.keys(CSR_FIELDS))('describes every field of %s in Chinese', (csr) => {
		for (const value of SAMPLES) {
			const english = decodeCsr(csr, value);
			const chinese = decodeCsrIn('zh', csr, value);
			// Same fields, bits and values: only the words change.
			expect(chinese.map(({ field, bits, value }) => ({ field, bits, value }))).toEqual(
				english.map(({ field, bits, value }) => ({ field, bits, value }))
			);
			for (const f of chinese) {
				expect(f.doc, `${csr}.${f.field} doc`).toMatch(HAN);
				expect(englishWords(f.doc), `${csr}.${f.field} doc`).toEqual([]);
				expect(englishWords(f.meaning), `${csr}.${f.field} = ${f.value}`).toEqual([]);
			}
		}
	});

	it('computes the meanings from the value, as the English does', () => {
		const field = (csr: string, value: number, name: string) =>
			decodeCsrIn('zh', csr, value).find((f) => f.field === name)?.meaning;
		expect(field('satp', 0x80080001, 'PPN')).toBe('根页表位于 0x80001000');
		expect(field('mtvec', 0x80000100, 'BASE')).toBe('处理程序位于 0x80000100');
		expect(field('mstatus', 0x1000, 'MPP')).toBe('2（保留）');
		expect(field('mstatus', 0x8, 'MIE')).toBe('使能');
		expect(field('mip', 0x80, 'MTIP')).toBe('待处理');
		expect(field('misa', 0x40141101, 'Extensions')).toBe('AIMSU');
		expect(field('misa', 0, 'Extensions')).toBe('无');
		expect(field('mcause', 0x80000007, 'Code')).toBe('M 模式定时器中断');
		expect(field('scause', 13, 'Code')).toBe('加载页错误');
	});

	it('has no fields for a CSR without a table, in either language', () => {
		expect(decodeCsrIn('zh', 'mscratch', 5)).toEqual([]);
		expect(decodeCsrIn('zh', 'toString', 5)).toEqual([]);
	});
});

describe('localizeField', () => {
	it('returns the very field for English', () => {
		const [sd] = decodeCsr('mstatus', 0);
		expect(localizeField('en', 'mstatus', 0, sd)).toBe(sd);
	});

	it('keeps a field the Chinese tables do not know in English rather than losing it', () => {
		const unknown = { ...decodeCsr('mstatus', 0)[0], field: 'XYZ' };
		expect(localizeField('zh', 'mstatus', 0, unknown)).toBe(unknown);
	});
});
