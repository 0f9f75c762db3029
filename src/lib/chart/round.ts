/** Two decimals are plenty for pixels, and keep SVG attributes (and their snapshots) short. */
export function round(n: number): number {
	return Math.round(n * 100) / 100;
}
