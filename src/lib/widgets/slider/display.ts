/** How a slider shows its value: the number with its unit, or a fraction as a percentage. */
import { formatNumber } from '../../notebook/format.ts';
import type { SliderProps } from './schema.ts';

export function sliderText(props: Pick<SliderProps, 'display' | 'unit'>, value: number): string {
	if (props.display === 'percent')
		return `${formatNumber(Number((value * 100).toPrecision(12)))} %`;
	return props.unit ? `${formatNumber(value)} ${props.unit}` : formatNumber(value);
}
