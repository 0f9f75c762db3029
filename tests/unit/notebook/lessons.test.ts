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
import type { PlotProps } from '../../../src/lib/widgets/plot/schema.ts';
import type { PredictProps } from '../../../src/lib/widgets/predict/schema.ts';

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
			expect(formatValue(valueAt(lesson, 'saving', { P_idle: 0 }))).toBe('0 kW');
			expect(formatValue(valueAt(lesson, 'xenOverheadPercent'))).toBe('3.0418');
			expect(formatValue(valueAt(lesson, 'vmwareOverheadPercent'))).toBe('26.996');
		});
	}
});
