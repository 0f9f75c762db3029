/**
 * `npm run build` itself (not only the pipeline) refuses lessons with mistakes: it exits non-zero
 * and prints one file:line:col line per mistake. The build stops before bundling, so this is quick.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

mkdirSync('tmp', { recursive: true });
const work = mkdtempSync(join(process.cwd(), 'tmp', 'broken-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build with broken lessons', () => {
	it('exits non-zero and lists every mistake with its position', () => {
		const build = spawnSync('npm', ['run', 'build'], {
			encoding: 'utf8',
			env: {
				...process.env,
				VIRTLAB_LESSONS: 'tests/fixtures/content-broken/lessons',
				VIRTLAB_BUILD_DIR: join(work, 'site'),
				VIRTLAB_KIT_DIR: join(work, 'kit')
			}
		});
		expect(build.status).not.toBe(0);
		const output = build.stdout + build.stderr;
		const file = 'tests/fixtures/content-broken/lessons/01-broken.md';
		expect(output).toContain('Lesson content has 12 errors:');
		expect(output).toContain(`${file}:13:1: unknown widget 'slidr' (known: slider, plot`);
		expect(output).toContain(
			`${file}:17:23: widget 'slider': prop 'max': max must be greater than min (allowed props: var, min, max,`
		);
		expect(output).toContain(
			`${file}:21:54: widget 'slider': prop 'unit': has 3 forms: write one form ("W") or the singular and the plural separated by | ("pCPU|pCPUs")`
		);
		expect(output).toContain('02-orphan.zh.md:1:1: a translation of');
	}, 120_000);
});
