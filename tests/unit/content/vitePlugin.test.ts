import { describe, expect, it } from 'vitest';
import { ContentErrors } from '../../../src/lib/content/errors.ts';
import { lessonContent } from '../../../src/lib/content/vitePlugin.ts';

/** Runs the plugin's buildStart hook as `vite build` would. */
function buildStart(folder: string): void {
	const plugin = lessonContent(process.cwd(), folder);
	const hook = plugin.buildStart as (this: unknown) => void;
	hook.call({ environment: { mode: 'build' } });
}

describe('the lesson-content build check', () => {
	it('lets a build with valid lessons go on', () => {
		expect(() => buildStart('tests/fixtures/content/lessons')).not.toThrow();
	});

	it('fails the build with one file:line:col line per mistake, in every file', () => {
		let thrown: unknown;
		try {
			buildStart('tests/fixtures/content-broken/lessons');
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ContentErrors);
		const lines = (thrown as Error).message.split('\n');
		const file = 'tests/fixtures/content-broken/lessons/01-broken.md';
		const allowed = '(allowed props: var, min, max, step, default, label, unit, display)';
		expect(lines[0]).toBe('Lesson content has 12 errors:');
		expect(lines.slice(1)).toEqual([
			`${file}:6:10: front matter: 'minutes': Invalid input: expected number, received string`,
			`${file}:8:1: front matter: unknown key 'colour' (allowed: title, summary, objectives, prerequisites, minutes, order)`,
			expect.stringMatching(
				new RegExp(`^${file}:13:1: unknown widget 'slidr' \\(known: slider, plot`)
			),
			`${file}:15:57: widget 'slider': unknown prop 'colour' ${allowed}`,
			`${file}:17:23: widget 'slider': prop 'max': max must be greater than min ${allowed}`,
			`${file}:17:29: widget 'slider': prop 'default': default must lie between min (10) and max (5) ${allowed}`,
			`${file}:19:1: widget 'slider': prop 'max' is missing ${allowed}`,
			`${file}:21:54: widget 'slider': prop 'unit': has 3 forms: write one form ("W") or the singular and the plural separated by | ("pCPU|pCPUs") ${allowed}`,
			`${file}:23:1: unknown block ':::hint' (known: reveal, predict, machine)`,
			`${file}:28:3: widget 'plot' must stand on its own at the top level of the lesson, not inside a list, quote or ':::reveal'`,
			expect.stringMatching(new RegExp(`^${file}:30:13: math: KaTeX parse error: `)),
			"tests/fixtures/content-broken/lessons/02-orphan.zh.md:1:1: a translation of 'orphan', which has no English original (tests/fixtures/content-broken/lessons/02-orphan.md)"
		]);
	});
});
