import { describe, expect, it } from 'vitest';
import {
	equLines,
	hashString,
	labParams,
	normalizeStudentId,
	variantSeed
} from '../../../src/lib/labs/params.ts';
import { testLab } from './fixtures.ts';

describe('labParams', () => {
	const lab = testLab();

	it('is stable for one student, whatever the case and spaces of the id', () => {
		expect(labParams(lab, 's1234')).toEqual(labParams(lab, ' S1234 '));
		expect(normalizeStudentId(' S1234 ')).toBe('s1234');
	});

	it('differs between students', () => {
		const variants = new Set(
			Array.from({ length: 50 }, (_, i) => JSON.stringify(labParams(lab, `student-${i}`)))
		);
		// 56 × 5 × 2 possible variants: 50 students share very few of them.
		expect(variants.size).toBeGreaterThan(40);
	});

	it('depends on the lab id as well as the student', () => {
		const other = { ...lab, id: 'another-lab' };
		const same = Array.from({ length: 20 }, (_, i) => `s${i}`).filter(
			(id) => JSON.stringify(labParams(lab, id)) === JSON.stringify(labParams(other, id))
		);
		expect(same.length).toBeLessThan(5);
		expect(variantSeed('ab', 'c')).not.toBe(variantSeed('a', 'bc'));
	});

	it('draws integers within their bounds and choices from their list', () => {
		for (let i = 0; i < 200; i++) {
			const p = labParams(lab, `s${i}`);
			expect(p.N).toBeGreaterThanOrEqual(5);
			expect(p.N).toBeLessThanOrEqual(60);
			expect(Number.isInteger(p.N)).toBe(true);
			expect(['trap', 'hw']).toContain(p.MODE);
		}
	});

	it('hashes with FNV-1a (reference values)', () => {
		expect(hashString('')).toBe(0x811c9dc5);
		expect(hashString('a')).toBe(0xe40c292c);
	});
});

describe('equLines', () => {
	it('gives numeric parameters to assembly as .equ lines, and leaves words out', () => {
		expect(equLines({ N: 7, MODE: 'trap', K: -2 })).toBe('\t.equ N, 7\n\t.equ K, -2\n');
	});
});
