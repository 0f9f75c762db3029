import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/content/types.ts';
import { Notebook } from '../../../src/lib/notebook/notebook.svelte.ts';
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

function valueOf(notebook: Notebook, id: string): unknown {
	const result = notebook.run.cells.get(id);
	return result?.status === 'value' ? result.value : result;
}

describe('Notebook', () => {
	it('runs the cells with the slider defaults', () => {
		const notebook = new Notebook(blocks, 'en', 'lesson');
		expect(valueOf(notebook, 'cell-1')).toBe(10);
		expect(valueOf(notebook, 'cell-3')).toBe(2);
	});

	it('propagates a slider change to every dependent cell', () => {
		const notebook = new Notebook(blocks, 'en', 'lesson');
		notebook.setVar('u', 0.3);
		expect(valueOf(notebook, 'cell-1')).toBe(20);
		expect(valueOf(notebook, 'cell-2')).toBe(4000);
		expect(valueOf(notebook, 'cell-3')).toBe(4);
	});

	it('keeps slider values inside the slider range', () => {
		const notebook = new Notebook(blocks, 'en', 'lesson');
		notebook.setVar('u', 7);
		expect(notebook.vars.u).toBe(0.95);
		notebook.setVar('nosuch', 1);
		expect(notebook.vars).toEqual({ u: 0.95 });
	});

	it('re-runs after an edit, and an error stays in the edited cell', () => {
		const notebook = new Notebook(blocks, 'en', 'lesson');
		notebook.setSource('cell-2', 'load = hosts * oops');
		expect(notebook.run.cells.get('cell-2')).toEqual({
			status: 'error',
			message: 'Undefined symbol oops'
		});
		expect(notebook.run.cells.get('cell-3')).toEqual({
			status: 'error',
			message: 'Undefined symbol load'
		});
		expect(valueOf(notebook, 'cell-1')).toBe(10);
	});

	it('saves edits and slider values, restores them, and resets to the original', () => {
		const storage = new FakeStorage();
		const first = new Notebook(blocks, 'zh', 'lesson');
		first.attach(storage);
		first.setSource('cell-3', 'load / 100');
		first.setVar('u', 0.6);
		expect(first.saveStatus).toBe('saved');
		expect(first.edited).toBe(true);

		// A reload: a new notebook for the same lesson and language finds the work again.
		const second = new Notebook(blocks, 'zh', 'lesson');
		second.attach(storage);
		expect(second.sources['cell-3']).toBe('load / 100');
		expect(second.vars.u).toBe(0.6);
		expect(valueOf(second, 'cell-3')).toBe(80);
		expect(second.isEdited('cell-3')).toBe(true);

		// The other language has its own notebook.
		const english = new Notebook(blocks, 'en', 'lesson');
		english.attach(storage);
		expect(english.edited).toBe(false);

		second.reset();
		expect(second.sources['cell-3']).toBe('load / 1000');
		expect(second.vars.u).toBe(0.15);
		expect(second.edited).toBe(false);
		expect(storage.items.size).toBe(0);
	});
});
