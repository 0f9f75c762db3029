/**
 * Where the model-cycle bars go: one horizontal bar per mode on a shared scale of model cycles, its
 * segments (the guest's own instructions, its page walks, then each exit reason; tally.ts
 * `modeBars`) side by side.
 */
import { rowRect, type Rect } from '../../chart/bars.ts';
import { frame, heightForRows, type Frame } from '../../chart/frame.ts';
import { bands, continuous, type Scale } from '../../chart/scales.ts';
import { bandTicks, ticks, type Tick } from '../../chart/ticks.ts';
import type { VmMode } from '../../emulator/vmm/exit-trace.ts';
import type { BarSegment, ModeBar } from './tally.ts';

export const BAR_ROW = 34;

export interface BarsLayout {
	frame: Frame;
	x: Scale;
	xTicks: Tick[];
	rowTicks: Tick[];
	segments: { mode: VmMode; part: BarSegment['part']; rect: Rect }[];
}

export function barsLayout(
	width: number,
	bars: readonly ModeBar[],
	max: number,
	label: (mode: VmMode) => string
): BarsLayout {
	const f = frame(width, heightForRows(Math.max(1, bars.length), BAR_ROW));
	const x = continuous([0, Math.max(1, max)], [f.left, f.right]);
	const rows = bands(bars.length, [f.top, f.bottom], { inner: 0.3, outer: 0.15 });
	const segments = bars.flatMap((bar, i) =>
		bar.segments.map((s) => ({
			mode: bar.mode,
			part: s.part,
			rect: rowRect(x, rows(i) ?? f.top, rows.bandwidth(), s.start, s.start + s.cycles)
		}))
	);
	return {
		frame: f,
		x,
		xTicks: ticks(x, 'x', '~s'),
		rowTicks: bandTicks(rows, (i) => label(bars[i].mode)),
		segments
	};
}
