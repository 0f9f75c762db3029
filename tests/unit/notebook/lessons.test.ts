/**
 * Every lesson's notebook runs cleanly as written: with the slider defaults no cell shows an error,
 * every plotted expression gives numbers across its sweep, and every prediction has a numeric answer.
 * The first lesson's prose quotes results of its model; those are checked here against the model.
 */
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../src/lib/content/load.ts';
import { allBlocks, type Lesson, type WidgetBlock } from '../../../src/lib/content/types.ts';
import { formatValue } from '../../../src/lib/notebook/formatValue.ts';
import { math } from '../../../src/lib/notebook/math.ts';
import { compileCells, evaluateIn, runProgram } from '../../../src/lib/notebook/program.ts';
import { sliderDefaults, sliderDefinitions } from '../../../src/lib/notebook/sliders.ts';
import { plotExpression, plotNumber, samples, sweep } from '../../../src/lib/notebook/sweep.ts';
import { cfsScale } from '../../../src/lib/sim/sched/policies/cfs.ts';
import type { PlotProps } from '../../../src/lib/widgets/plot/schema.ts';
import type { PredictProps } from '../../../src/lib/widgets/predict/schema.ts';
import { schedLabSchema } from '../../../src/lib/widgets/sched-lab/schema.ts';

const { lessons, errors } = checkCourse(process.cwd());

function programOf(lesson: Lesson) {
	const cells = allBlocks(lesson.blocks).flatMap((b) => (b.kind === 'cell' ? [b] : []));
	return compileCells(cells);
}

function widgets(lesson: Lesson, name: string): WidgetBlock[] {
	return allBlocks(lesson.blocks).flatMap((b) =>
		b.kind === 'widget' && b.name === name ? [b] : []
	);
}

function predictions(lesson: Lesson) {
	return allBlocks(lesson.blocks).flatMap((b) => (b.kind === 'predict' ? [b] : []));
}

function valueAt(lesson: Lesson, expression: string, given: Record<string, number> = {}): unknown {
	const defaults = sliderDefaults(sliderDefinitions(lesson.blocks));
	const run = runProgram(programOf(lesson), { ...defaults, ...given });
	const result = evaluateIn(math.compile(expression), run.scope);
	if (!result.ok) throw new Error(result.message);
	return result.value;
}

it('finds the course content without errors', () => {
	expect(errors.map((e) => String(e.message ?? e))).toEqual([]);
	expect(lessons.length).toBeGreaterThan(0);
});

describe.each(lessons.map((lesson) => [`${lesson.slug} (${lesson.lang})`, lesson] as const))(
	'%s',
	(_name, lesson) => {
		const defaults = sliderDefaults(sliderDefinitions(lesson.blocks));
		const program = programOf(lesson);

		it('shows, before mathjs loads, every value the build computed for every cell and plot', () => {
			for (const block of allBlocks(lesson.blocks)) {
				if (block.kind === 'cell') expect(block.view?.status).toMatch(/^(value|quiet)$/);
				if (block.kind === 'widget' && block.name === 'plot') {
					expect(block.view?.done).toBe((block.props as PlotProps).points);
				}
			}
		});

		it('runs every cell without an error at the slider defaults', () => {
			const run = runProgram(program, defaults);
			const failures = [...run.cells].filter(([, r]) => r.status === 'error');
			expect(failures).toEqual([]);
		});

		it('plots numbers across every sweep', () => {
			for (const block of widgets(lesson, 'plot')) {
				const p = block.props as PlotProps;
				const codes = [...p.y, ...(p.y2 ?? [])].map(plotExpression);
				const series = sweep(
					program,
					defaults,
					p.x,
					samples(p.from, p.to, p.points, p.logx),
					codes
				);
				for (const s of series) {
					expect(s.error).toBeUndefined();
					expect(s.values.every((v) => v !== null)).toBe(true);
				}
				// Re-running only the statements that depend on x gives what full re-runs give.
				const full = sweep(program, defaults, p.x, samples(p.from, p.to, p.points, p.logx), codes, {
					slice: false
				});
				expect(series).toEqual(full);
			}
		});

		it('has a numeric answer for every prediction', () => {
			expect(predictions(lesson).length).toBeGreaterThan(0);
			for (const block of predictions(lesson)) {
				const p = block.props as PredictProps;
				expect(plotNumber(valueAt(lesson, p.expr, p.given))).not.toBeNull();
			}
		});
	}
);

describe('the numbers "Why virtualize?" quotes', () => {
	for (const lang of ['en', 'zh'] as const) {
		const lesson = lessons.find((l) => l.slug === 'why-virtualize' && l.lang === lang);
		if (!lesson) continue;
		it(`agree with its model (${lang})`, () => {
			expect(valueAt(lesson, 'hostsAfter')).toBe(14);
			expect(formatValue(valueAt(lesson, 'saving'))).toBe('2.6 kW');
			expect(formatValue(valueAt(lesson, 'saving / powerBefore'))).toBe('0.54167');
			expect(valueAt(lesson, 'hostsAfter', { u: 0.5 })).toBe(34);
			expect(formatValue(valueAt(lesson, 'saving', { u: 0.5 }))).toBe('0.6 kW');
			expect(formatValue(valueAt(lesson, 'saving', { idleShare: 0 }))).toBe('0 kW');
			expect(formatValue(valueAt(lesson, 'xenOverheadPercent'))).toBe('3.0418');
			expect(formatValue(valueAt(lesson, 'vmwareOverheadPercent'))).toBe('26.996');
		});
	}
});

describe('"Why virtualize?" shows no impossible numbers', () => {
	for (const lang of ['en', 'zh'] as const) {
		const lesson = lessons.find((l) => l.slug === 'why-virtualize' && l.lang === lang);
		if (!lesson) continue;
		const sliders = sliderDefinitions(lesson.blocks);
		const range = (name: string) => {
			const slider = sliders.find((x) => x.var === name);
			if (!slider) throw new Error(`no slider ${name}`);
			return [slider.min, slider.default, slider.max];
		};

		it(`keeps the old servers and saves nothing when they already run above the target (${lang})`, () => {
			// The student's report: one server at 95 % with a 30 % target gave 4 hosts and a loss.
			const given = { N: 1, u: 0.95, target: 0.3 };
			expect(valueAt(lesson, 'hostsAfter', given)).toBe(1);
			expect(formatValue(valueAt(lesson, 'saving', given))).toBe('0 kW');
			expect(valueAt(lesson, 'hostsAfter', { u: 0.8 })).toBe(40);
			// The verdict names the case: above the target, nothing to save; else servers go.
			const above = valueAt(lesson, 'verdict', { u: 0.8 });
			const below = valueAt(lesson, 'verdict');
			expect(typeof above).toBe('string');
			expect(above).not.toBe(below);
			for (const N of range('N'))
				for (const u of range('u'))
					for (const target of range('target')) {
						const hosts = valueAt(lesson, 'hostsAfter', { N, u, target }) as number;
						expect(hosts).toBeLessThanOrEqual(N);
						expect(valueAt(lesson, 'saving >= 0 kW', { N, u, target })).toBe(true);
					}
		});

		it(`cannot set a server's idle power above its full-load power (${lang})`, () => {
			const names = sliders.map((x) => x.var);
			const corners = (i: number, given: Record<string, number>): Record<string, number>[] =>
				i === names.length
					? [given]
					: [sliders[i].min, sliders[i].max].flatMap((v) =>
							corners(i + 1, { ...given, [names[i]]: v })
						);
			for (const given of corners(0, {})) {
				if (names.includes('P_idle')) expect(given.P_idle).toBeLessThanOrEqual(given.P_max);
				expect(valueAt(lesson, 'P_idle <= P_max W', given)).toBe(true);
			}
		});
	}
});

describe('"Sharing CPUs"', () => {
	const lesson = lessons.find((l) => l.slug === 'sharing-cpus' && l.lang === 'en')!;

	it('scales CFS latency and granularity as Linux does, and shows why 8 tasks fit a period', () => {
		const ms = (expression: string, ncpus: number) =>
			Number(math.number(valueAt(lesson, expression, { ncpus }) as never, 'ms'));
		for (let ncpus = 1; ncpus <= 16; ncpus++) {
			// 1 + ilog2(min(ncpus, 8)), kernel/sched/fair.c: the same factor as the lab's CFS.
			expect(valueAt(lesson, 'scaleFactor', { ncpus })).toBe(cfsScale(ncpus));
			expect(ms('schedLatency', ncpus)).toBeCloseTo(6 * cfsScale(ncpus), 9);
			expect(ms('minGranularity', ncpus)).toBeCloseTo(0.75 * cfsScale(ncpus), 9);
			// Both scale by the same factor, so their ratio (sched_nr_latency) never moves.
			expect(valueAt(lesson, 'tasksBeforeStretch', { ncpus })).toBeCloseTo(8, 9);
		}
		expect(ms('schedLatency', 6)).toBeCloseTo(18, 9);
		expect(ms('schedLatency', 16)).toBeCloseTo(24, 9);
	});

	it('gives its entitlement sliders the ranges of the lab’s own controls', () => {
		const sliders = sliderDefinitions(lesson.blocks);
		const pcpus = sliders.find((x) => x.var === 'pcpuCount')!;
		expect(schedLabSchema.safeParse({ pcpus: String(pcpus.min) }).success).toBe(true);
		expect(schedLabSchema.safeParse({ pcpus: String(pcpus.max) }).success).toBe(true);
		expect(schedLabSchema.safeParse({ pcpus: String(pcpus.max + 1) }).success).toBe(false);
		const weight = sliders.find((x) => x.var === 'w_batch')!;
		// The lab's weight menu runs from 64 to 1024.
		expect([weight.min, weight.max]).toEqual([64, 1024]);
	});
});
