import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../../src/lib/content/types.ts';
import * as engine from '../../../src/lib/notebook/engine.ts';
import { Notebook, SETTLE_MS } from '../../../src/lib/notebook/notebook.svelte.ts';
import type { KeyValueStorage } from '../../../src/lib/notebook/persistence.ts';

class FakeStorage implements KeyValueStorage {
	items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

const blocks: Block[] = [
	{
		kind: 'widget',
		id: 'widget-1',
		name: 'slider',
		line: 1,
		props: { var: 'u', min: 0.05, max: 0.95, step: 0.05, default: 0.15, label: 'u' }
	},
	{ kind: 'cell', id: 'cell-1', source: 'hosts = ceil(40 * u / 0.6)', line: 3 },
	{ kind: 'cell', id: 'cell-2', source: 'load = hosts * 200', line: 6 },
	{ kind: 'cell', id: 'cell-3', source: 'load / 1000', line: 9 }
];

/** The last value a cell shows (or its whole result, when it has none). */
function valueOf(notebook: Notebook, id: string): unknown {
	const result = notebook.run?.cells.get(id);
	return result?.status === 'value' ? result.values.at(-1)?.value : result;
}

/** A notebook with its engine already loaded, as a page has after the first interaction. */
function live(lang: 'en' | 'zh' = 'en') {
	return new Notebook(blocks, lang, 'lesson', engine);
}

describe('Notebook', () => {
	it('runs the cells with the slider defaults', () => {
		const notebook = live();
		expect(valueOf(notebook, 'cell-1')).toBe(10);
		expect(valueOf(notebook, 'cell-3')).toBe(2);
	});

	it('propagates a slider change to every dependent cell', () => {
		const notebook = live();
		notebook.setVar('u', 0.3);
		expect(valueOf(notebook, 'cell-1')).toBe(20);
		expect(valueOf(notebook, 'cell-2')).toBe(4000);
		expect(valueOf(notebook, 'cell-3')).toBe(4);
	});

	it('keeps slider values inside the slider range', () => {
		const notebook = live();
		notebook.setVar('u', 7);
		expect(notebook.vars.u).toBe(0.95);
		notebook.setVar('nosuch', 1);
		expect(notebook.vars).toEqual({ u: 0.95 });
	});

	it('re-runs after an edit, and an error stays in the edited cell', () => {
		const notebook = live();
		notebook.setSource('cell-2', 'load = hosts * oops');
		expect(notebook.run?.cells.get('cell-2')).toEqual({
			status: 'error',
			values: [],
			message: 'Undefined symbol oops'
		});
		expect(notebook.run?.cells.get('cell-3')).toEqual({
			status: 'error',
			values: [],
			message: 'Undefined symbol load'
		});
		expect(valueOf(notebook, 'cell-1')).toBe(10);
	});

	it('saves edits and slider values, restores them, and resets to the original', () => {
		const storage = new FakeStorage();
		const first = live('zh');
		first.attach(storage);
		first.setSource('cell-3', 'load / 100');
		first.setVar('u', 0.6);
		first.settle();
		expect(first.saveStatus).toBe('saved');
		expect(first.edited).toBe(true);

		// A reload: a new notebook for the same lesson and language finds the work again.
		const second = live('zh');
		second.attach(storage);
		expect(second.sources['cell-3']).toBe('load / 100');
		expect(second.vars.u).toBe(0.6);
		expect(valueOf(second, 'cell-3')).toBe(80);
		expect(second.isEdited('cell-3')).toBe(true);

		// The other language has its own notebook.
		const english = live();
		english.attach(storage);
		expect(english.edited).toBe(false);

		second.reset();
		expect(second.sources['cell-3']).toBe('load / 1000');
		expect(second.vars.u).toBe(0.15);
		expect(second.edited).toBe(false);
		expect(storage.items.size).toBe(0);
	});

	describe('while a slider moves', () => {
		afterEach(() => vi.useRealTimers());

		it('is sliding, and saves its value once it has rested for SETTLE_MS', () => {
			vi.useFakeTimers();
			const storage = new FakeStorage();
			const notebook = live();
			notebook.attach(storage);
			notebook.setVar('u', 0.3);
			notebook.setVar('u', 0.35);
			expect(notebook.sliding).toBe(true);
			// The cells follow every move at once; only the write to storage waits.
			expect(valueOf(notebook, 'cell-1')).toBe(24);
			expect(storage.items.size).toBe(0);
			vi.advanceTimersByTime(SETTLE_MS - 1);
			notebook.setVar('u', 0.4);
			vi.advanceTimersByTime(SETTLE_MS - 1);
			expect(storage.items.size).toBe(0);
			vi.advanceTimersByTime(1);
			expect(notebook.sliding).toBe(false);
			expect(notebook.saveStatus).toBe('saved');
			const reloaded = live();
			reloaded.attach(storage);
			expect(reloaded.vars.u).toBe(0.4);
		});

		it('saves at once when the page is left mid-move (settle)', () => {
			const storage = new FakeStorage();
			const notebook = live();
			notebook.attach(storage);
			notebook.setVar('u', 0.5);
			notebook.settle();
			expect(notebook.sliding).toBe(false);
			const reloaded = live();
			reloaded.attach(storage);
			expect(reloaded.vars.u).toBe(0.5);
		});
	});

	it("shows the build's views until the engine is loaded, and pending ones once edited", async () => {
		const view = { status: 'value' as const, rows: [{ name: 'hosts', text: '10' }] };
		const prerendered = blocks.map((b): Block =>
			b.kind === 'cell' && b.id === 'cell-1' ? { ...b, view } : b
		);
		const notebook = new Notebook(prerendered, 'en', 'lesson');
		expect(notebook.engineStatus).toBe('static');
		expect(notebook.cellView('cell-1')).toEqual(view);
		notebook.setVar('u', 0.3);
		expect(notebook.cellView('cell-1').status).toBe('pending');
		await notebook.loadEngine();
		expect(notebook.engineStatus).toBe('live');
		expect(notebook.cellView('cell-1')).toEqual({
			status: 'value',
			rows: [{ name: 'hosts', text: '20' }]
		});
	});

	it('remembers committed predictions across a reload, and reset keeps them', () => {
		const withPrediction: Block[] = [
			...blocks,
			{ kind: 'predict', id: 'widget-2', line: 12, props: {}, blocks: [] }
		];
		const storage = new FakeStorage();
		const first = new Notebook(withPrediction, 'en', 'lesson', engine);
		first.attach(storage);
		first.commitAnswer('widget-2', '52 %');
		first.commitAnswer('nosuch', '1');
		const second = new Notebook(withPrediction, 'en', 'lesson', engine);
		second.attach(storage);
		expect(second.answers).toEqual({ 'widget-2': '52 %' });
		second.reset();
		expect(second.answers).toEqual({ 'widget-2': '52 %' });
	});
});
