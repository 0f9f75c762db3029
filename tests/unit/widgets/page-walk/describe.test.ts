import { beforeAll, describe, expect, it } from 'vitest';
import {
	pageWalkScenario,
	type PageWalkScenario
} from '../../../../src/lib/emulator/vmm/page-walk-scenario.ts';
import { eventText, indexText, stopText } from '../../../../src/lib/widgets/page-walk/describe.ts';
import { walkStops } from '../../../../src/lib/widgets/page-walk/stops.ts';

let scenario: Extract<PageWalkScenario, { ok: true }>;
beforeAll(() => {
	const result = pageWalkScenario();
	if (!result.ok) throw new Error(result.error);
	scenario = result;
});

const hw = () => scenario.modes.find((m) => m.mode === 'hw')!;

describe('the words of the page-walk visualizer', () => {
	it('say what each reference of the two-stage walk read, and which field chose it', () => {
		const stops = walkStops(hw()).filter((s) => s.kind === 'reference');
		const last = stops.slice(-9);
		expect(stopText('en', last[0])).toMatch(/^1\. G level 1 PTE at 0x[0-9a-f]{8}$/);
		expect(stopText('en', last[2])).toMatch(
			/^3\. VS level 1 PTE at 0x[0-9a-f]{8} \(physical 0x[0-9a-f]{8}\)$/
		);
		expect(stopText('en', last[8])).toMatch(/^9\. The data at physical 0x[0-9a-f]{8}$/);
		const vs = last[2];
		if (vs.kind !== 'reference') throw new Error('not a reference');
		expect(indexText('en', vs.reference)).toBe('indexed by VPN[1] = 0x2 of the virtual address');
		const g = last[0];
		if (g.kind !== 'reference') throw new Error('not a reference');
		expect(indexText('en', g.reference)).toMatch(
			/^indexed by VPN\[1\] = 0x200 of guest physical 0x/
		);
	});

	it('count the table references of a walk in the event list', () => {
		const walk = hw().events.at(-1)!;
		expect(eventText('en', walk)).toMatch(
			/^TLB miss at guest instruction [\d,]+: 8 table references, then the data at physical 0x/
		);
	});

	it('have no English words on a Chinese page, in any mode', () => {
		const english = /[A-Za-z]{3,}/g;
		// Names the Chinese course writes as they are: register and field names, stages, units.
		const kept = new Set([
			'VPN',
			'SBI',
			'TLB',
			'PTE',
			'ECALL',
			'SRET',
			'WFI',
			'MMIO',
			'CSR',
			'SFENCE',
			'VMA'
		]);
		const found = new Set<string>();
		for (const mode of scenario.modes) {
			for (const event of mode.events)
				for (const w of eventText('zh', event).match(english) ?? []) found.add(w);
			for (const stop of walkStops(mode)) {
				const texts = [stopText('zh', stop)];
				if (stop.kind === 'reference') texts.push(indexText('zh', stop.reference));
				for (const text of texts) for (const w of text.match(english) ?? []) found.add(w);
			}
		}
		expect([...found].filter((w) => !kept.has(w) && !/^0x/.test(w))).toEqual([]);
	});
});
