/**
 * Marker shapes for points and legend keys, so that series differ by shape as well as colour (a
 * chart with more series than the palette has colours, or read without colour).
 */
export const MARKER_SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/**
 * A marker of about `r` radius in relative commands, drawn from its centre: it follows an
 * `M x,y`, so that many marks can share one path (`M x1,y1 <marker> M x2,y2 <marker> …`).
 */
export function markerAt(shape: MarkerShape, r: number): string {
	switch (shape) {
		case 'circle':
			return `m${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0z`;
		case 'square':
			return `m${-r},${-r}h${2 * r}v${2 * r}h${-2 * r}z`;
		case 'triangle':
			return `m0,${-r}l${r},${2 * r}h${-2 * r}z`;
		case 'diamond':
			return `m0,${-r}l${r},${r}l${-r},${r}l${-r},${-r}z`;
	}
}

/** A marker centred on (0, 0), as a whole SVG path. */
export function markerPath(shape: MarkerShape, r: number): string {
	return `M0,0${markerAt(shape, r)}`;
}
