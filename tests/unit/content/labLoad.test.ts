import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLabs, loadLabs } from '../../../src/lib/content/labLoad.ts';

const good = `---
id: one
title: One
version: 1
points: 1
---

:::task{id=n kind=answer title=N points=1 solution="1"}
:::
`;

describe('loadLabs', () => {
	it('reads every lab of the folder, in both languages', () => {
		const labs = loadLabs(join(__dirname, '../../..'));
		expect(labs.map((lab) => `${lab.id}/${lab.lang}`)).toEqual(
			expect.arrayContaining(['trap-emulate/en', 'trap-emulate/zh'])
		);
	});

	it('collects the mistakes of every file, and throws them all from loadLabs', () => {
		const root = mkdtempSync(join(tmpdir(), 'virtlab-labs-'));
		mkdirSync(join(root, 'labs'));
		writeFileSync(join(root, 'labs/one.md'), good);
		writeFileSync(
			join(root, 'labs/two.md'),
			good.replace('id: one', 'id: two').replace('points: 1', 'points: 2')
		);
		const { labs, errors } = checkLabs(root, 'labs');
		expect(labs.map((lab) => lab.id)).toEqual(['one']);
		expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(['labs/two.md:5']);
		expect(() => loadLabs(root, 'labs')).toThrow(/labs\/two\.md:5:1: front matter: 'points' is 2/);
	});
});
