import { describe, expect, it } from 'vitest';
import { say } from '../../../src/lib/lab-page/say.ts';
import { labPageEn } from '../../../src/lib/lab-page/strings.en.ts';
import { labPageZh } from '../../../src/lib/lab-page/strings.zh-Hans.ts';

describe('lab page strings', () => {
	it('has every English key in Chinese', () => {
		expect(Object.keys(labPageZh).sort()).toEqual(Object.keys(labPageEn).sort());
	});

	it('fills plurals and values in each language', () => {
		expect(say('en', 'labs.points', { n: 1 })).toBe('1 point');
		expect(say('en', 'labs.points', { n: 10 })).toBe('10 points');
		expect(say('zh', 'labs.points', { n: 10 })).toBe('10 分');
		expect(say('en', 'lab.pointsSoFar', { points: 4, max: 8 })).toBe('Points so far: 4 of 8');
	});

	it('writes the Chinese strings without English words (file names and field names aside)', () => {
		const allowed =
			/\b(JSON|YAML|CSV|Moodle|Canvas|SIS|User|ID|student_id|total|problems|grades|csv|docs|writing|labs|md)\b/g;
		for (const [key, text] of Object.entries(labPageZh)) {
			expect(text.replace(allowed, '').replace(/\{\w+\}/g, ''), key).not.toMatch(/[A-Za-z]{3,}/);
		}
	});
});
