import { describe, expect, it } from 'vitest';
import { notebookStrings } from '../../../../src/lib/notebook/strings.ts';
import {
	checkPrediction,
	parseAnswer,
	predictionFeedback,
	toleranceText
} from '../../../../src/lib/widgets/predict/check.ts';

describe('parseAnswer', () => {
	it('reads plain, grouped, exponent and percent answers', () => {
		expect(parseAnswer(' 7 ')).toBe(7);
		expect(parseAnswer('1,200')).toBe(1200);
		expect(parseAnswer('1 200')).toBe(1200);
		expect(parseAnswer('2.5e3')).toBe(2500);
		expect(parseAnswer('-.5')).toBe(-0.5);
		expect(parseAnswer('15%')).toBeCloseTo(0.15, 12);
	});

	it('refuses anything that is not one number', () => {
		expect(parseAnswer('')).toBeNull();
		expect(parseAnswer('seven')).toBeNull();
		expect(parseAnswer('7 hosts')).toBeNull();
		expect(parseAnswer('1,2')).toBeNull();
	});
});

describe('checkPrediction', () => {
	it('accepts answers within the relative tolerance, boundary included', () => {
		expect(checkPrediction(105, 100, 0.05).close).toBe(true);
		expect(checkPrediction(106, 100, 0.05).close).toBe(false);
		expect(checkPrediction(7, 7, 0).close).toBe(true);
	});

	it('uses the absolute difference when the model value is zero', () => {
		expect(checkPrediction(0.01, 0, 0.05)).toEqual({ close: true, error: 0.01 });
	});

	it('prints the tolerance as a percentage', () => {
		expect(toleranceText(0.05)).toBe('5 %');
		expect(toleranceText(0.1)).toBe('10 %');
	});
});

describe('predictionFeedback', () => {
	const en = notebookStrings.en;
	const model = { value: 14, shown: '14' };

	it('says exactly right for an exact answer, and names the unit', () => {
		expect(predictionFeedback(en, '14', model, 0, 'hosts')).toEqual({
			close: true,
			text: 'Exactly right: the model gives 14 hosts.'
		});
		expect(predictionFeedback(en, '13', model, 0, 'hosts').text).toBe(
			'Not quite: the model gives 14 hosts. Try the sliders to see why.'
		);
	});

	it('names the tolerance when there is one', () => {
		expect(predictionFeedback(en, '2.5', { value: 2.6, shown: '2.6' }, 0.1, 'kW').text).toBe(
			'Well predicted: the model gives 2.6 kW, and you are within 10 %.'
		);
		expect(
			predictionFeedback(notebookStrings.zh, '2', { value: 2.6, shown: '2.6' }, 0.1).text
		).toBe('误差超过 10 %：模型给出 2.6。拖动滑块看看原因。');
	});

	it('asks for a number, and reports a model that has no value', () => {
		expect(predictionFeedback(en, 'lots', model, 0)).toEqual({ close: false, text: en.notANumber });
		expect(
			predictionFeedback(en, '3', { value: null, message: 'Undefined symbol hostsAfter' }, 0)
		).toEqual({ close: false, text: 'Undefined symbol hostsAfter' });
	});
});
