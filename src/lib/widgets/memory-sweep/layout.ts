/**
 * The sweep as a chart and a table: one line per variant over the points run so far, the
 * crossovers worth a rule on the chart, and the rows of `virtlab vm --sweep --csv`. Pure data; the
 * words are describe.ts's.
 */
import type { Crossover, SweepPoint } from '../../emulator/vmm/sweep.ts';
import type { MemorySweepVariant } from './schema.ts';

/** What the value axis shows: a run's model cycles, or those per guest instruction retired. */
export type Measure = 'cycles' | 'perInstruction';

export function measureOf(point: SweepPoint, measure: Measure): number {
	return measure === 'cycles'
		? point.modelCycles
		: point.guestInstructions === 0
			? 0
			: point.modelCycles / point.guestInstructions;
}

/** One line per variant, a value per point of the sweep: null where that run has not ended yet. */
export function variantLines(
	values: readonly number[],
	variants: readonly MemorySweepVariant[],
	points: readonly SweepPoint[],
	measure: Measure
): (number | null)[][] {
	return variants.map((variant) =>
		values.map((value) => {
			const point = points.find((p) => p.value === value && p.variant === variant);
			return point ? measureOf(point, measure) : null;
		})
	);
}

/** How many points have every variant run (the progress "3 of 8 points"). */
export function pointsDone(
	values: readonly number[],
	variants: readonly MemorySweepVariant[],
	points: readonly SweepPoint[]
): number {
	return values.filter((value) =>
		variants.every((variant) => points.some((p) => p.value === value && p.variant === variant))
	).length;
}

/**
 * The crossovers drawn as rules: those of plain two-stage translation against shadow paging, the
 * comparison the lesson is about, or, without plain hw, those of the first hw variant drawn. The
 * others are listed in words under the chart.
 */
export function markedCrossovers(
	crossovers: readonly Crossover[],
	variants: readonly MemorySweepVariant[]
): Crossover[] {
	const compared = variants.find((v) => v === 'hw') ?? variants.find((v) => v !== 'trap');
	return crossovers.filter((c) => c.variant === compared);
}

/**
 * A log x axis when the sweep spans a wide range (model choice: 8 times or more) and has no 0:
 * working sets and rates double from point to point.
 */
export function logX(values: readonly number[]): boolean {
	const low = Math.min(...values);
	const high = Math.max(...values);
	return low > 0 && high / low >= 8;
}

/** The rows of `virtlab vm --sweep --csv`: parameter, variant, instructions, exits, walks, cycles. */
export function tableRows(points: readonly SweepPoint[]): (string | number)[][] {
	return points.map((p) => [
		p.value,
		p.variant,
		p.guestInstructions,
		p.exits,
		p.walkReferences,
		p.modelCycles
	]);
}
