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

	it('accepts the unit the box shows, and reads % literally in a % box', () => {
		expect(parseAnswer('52%', '%')).toBe(52);
		expect(parseAnswer('52 %', '%')).toBe(52);
		expect(parseAnswer('52', '%')).toBe(52);
		expect(parseAnswer('2.6 kW', 'kW')).toBe(2.6);
		expect(parseAnswer('14 hosts', 'hosts')).toBe(14);
		expect(parseAnswer('14台', '台')).toBe(14);
		expect(parseAnswer('2.6 MW', 'kW')).toBeNull();
	});
});

describe('checkPrediction', () => {
	const rel = (relative: number) => ({ relative, absolute: 0 });

	it('accepts answers within the relative tolerance, boundary included', () => {
		expect(checkPrediction(105, 100, rel(0.05)).close).toBe(true);
		expect(checkPrediction(106, 100, rel(0.05)).close).toBe(false);
		expect(checkPrediction(7, 7, rel(0)).close).toBe(true);
	});

	it('uses the absolute tolerance near zero, exact by default', () => {
		expect(checkPrediction(-0.01, 0, rel(0.05)).close).toBe(false);
		expect(checkPrediction(0, 4e-16, rel(0.05)).close).toBe(true);
		expect(checkPrediction(-0.01, 0, { relative: 0.05, absolute: 0.05 })).toEqual({
			close: true,
			allowed: 0.05,
			by: 'absolute'
		});
	});

	it('prints the tolerance as a percentage', () => {
		expect(toleranceText(0.05)).toBe('5 %');
		expect(toleranceText(0.1)).toBe('10 %');
	});
});

describe('predictionFeedback', () => {
	const en = notebookStrings.en;
	const tol = (relative: number, absolute = 0) => ({ relative, absolute });

	it('accepts 52 % in a % box and says what was expected', () => {
		const steal = { value: 52, shown: '52' };
		expect(predictionFeedback(en, '52 %', steal, tol(0.05), '%').close).toBe(true);
		expect(predictionFeedback(en, '52%', steal, tol(0.05), '%').close).toBe(true);
		expect(predictionFeedback(en, '30 %', steal, tol(0.05), '%').text).toBe(
			'Not within 5 %: the model gives 52 %. The experiment below shows why.'
		);
	});

	it('calls an answer near zero right only within the absolute tolerance', () => {
		const zero = { value: 0, shown: '0' };
		expect(predictionFeedback(en, '-0.01', zero, tol(0.05), 'kW').text).toBe(
			'Not quite: the model gives 0 kW. The experiment below shows why.'
		);
		expect(predictionFeedback(en, '0.1', zero, tol(0.05, 0.2), 'kW').text).toBe(
			'Well predicted: the model gives 0 kW, and you are within ±0.2 kW.'
		);
	});

	it('converts another unit when the engine offers to', () => {
		const saving = { value: 2.6, shown: '2.6', unit: 'kW' };
		const convert = (text: string) => (text === '2600 W' ? 2.6 : null);
		expect(predictionFeedback(en, '2600 W', saving, tol(0.1), 'kW', convert).close).toBe(true);
	});
	const model = { value: 14, shown: '14' };

	it('says exactly right for an exact answer, and names the unit', () => {
		expect(predictionFeedback(en, '14', model, tol(0), 'hosts')).toEqual({
			close: true,
			text: 'Exactly right: the model gives 14 hosts.'
		});
		expect(predictionFeedback(en, '13', model, tol(0), 'hosts').text).toBe(
			'Not quite: the model gives 14 hosts. The experiment below shows why.'
		);
	});

	it('names the tolerance when there is one', () => {
		expect(predictionFeedback(en, '2.5', { value: 2.6, shown: '2.6' }, tol(0.1), 'kW').text).toBe(
			'Well predicted: the model gives 2.6 kW, and you are within 10 %.'
		);
		expect(
			predictionFeedback(notebookStrings.zh, '2', { value: 2.6, shown: '2.6' }, tol(0.1)).text
		).toBe('误差超过 10 %：模型给出 2.6。下面的实验会说明原因。');
	});

	it('asks for a number, and reports a model that has no value', () => {
		expect(predictionFeedback(en, 'lots', model, tol(0))).toEqual({
			close: false,
			text: en.notANumber
		});
		expect(
			predictionFeedback(en, '3', { value: null, message: 'Undefined symbol hostsAfter' }, tol(0))
		).toEqual({ close: false, text: 'Undefined symbol hostsAfter' });
		// On a Chinese page the model's error is in Chinese too.
		const broken = { value: null, message: 'Undefined symbol hostsAfter' };
		expect(predictionFeedback(notebookStrings.zh, '3', broken, tol(0)).text).toBe(
			'未定义的符号 hostsAfter'
		);
	});
});
