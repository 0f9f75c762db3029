import { describe, expect, it } from 'vitest';
import {
	findLab,
	labEntries,
	labLink,
	labPath,
	labsFor
} from '../../../src/lib/lab-page/queries.ts';
import type { Lab } from '../../../src/lib/labs/types.ts';
import { testLab } from '../labs/fixtures.ts';

function lab(id: string, lang: 'en' | 'zh'): Lab {
	return { ...testLab(lang), id, title: `${id} (${lang})` };
}

const labs = [lab('a', 'en'), lab('a', 'zh'), lab('b', 'en')];

describe('lab queries', () => {
	it('reads the labs in a language, in English where there is no translation', () => {
		expect(labsFor(labs, 'zh').map((one) => one.title)).toEqual(['a (zh)', 'b (en)']);
		expect(labsFor(labs, 'en').map((one) => one.title)).toEqual(['a (en)', 'b (en)']);
		expect(findLab(labs, 'b', 'zh')).toBeUndefined();
	});

	it("lists the labs in the course's order, then by id", () => {
		const ordered = [
			{ ...lab('z', 'en'), order: 1 },
			lab('a', 'en'),
			{ ...lab('m', 'en'), order: 2 },
			{ ...lab('m', 'zh'), order: 2 }
		];
		expect(labsFor(ordered, 'zh').map((one) => one.title)).toEqual(['z (en)', 'm (zh)', 'a (en)']);
	});

	it('prerenders a page per lab file, at its language path', () => {
		expect(labEntries(labs)).toEqual([{ slug: 'a' }, { lang: 'zh', slug: 'a' }, { slug: 'b' }]);
		expect(labPath(labs[1])).toBe('/zh/labs/a/');
		expect(labLink(labs[2])).toMatchObject({ id: 'b', lang: 'en', path: '/labs/b/' });
	});
});
