/**
 * The live state of one lesson's notebook: cell sources (possibly edited), slider values, and what
 * running the cells gives. Everything a widget shows is derived from `sources` and `vars`, so moving
 * a slider or editing a cell re-runs the lesson once and every cell, plot and check updates together.
 */
import type { Block, Lang } from '../content/types.ts';
import {
	applySaved,
	readSaved,
	storageKey,
	writeSaved,
	type KeyValueStorage,
	type NotebookValues
} from './persistence.ts';
import { compileCells, runProgram, type CellSource, type CompiledCell } from './program.ts';
import {
	clampToSlider,
	sliderDefaults,
	sliderDefinitions,
	type SliderDefinition
} from './sliders.ts';

export type SaveStatus = 'idle' | 'saved' | 'failed';

export class Notebook {
	readonly sliders: SliderDefinition[];
	readonly original: NotebookValues;
	readonly key: string;
	/** Cells in document order (ids only; sources live in `sources`). */
	readonly cellIds: string[];

	sources = $state<Record<string, string>>({});
	vars = $state<Record<string, number>>({});
	saveStatus = $state<SaveStatus>('idle');

	// A cache, not state: nothing should re-run because an entry was added to it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#compiled = new Map<string, CompiledCell>();
	#storage: KeyValueStorage | undefined;

	program: CompiledCell[] = $derived.by(() => {
		const cells: CellSource[] = this.cellIds.map((id) => ({ id, source: this.sources[id] ?? '' }));
		return compileCells(cells, this.#compiled);
	});

	run = $derived(runProgram(this.program, this.vars));

	edited = $derived.by(() => {
		const { cells, vars } = this.original;
		return (
			Object.keys(cells).some((id) => this.sources[id] !== cells[id]) ||
			Object.keys(vars).some((name) => this.vars[name] !== vars[name])
		);
	});

	constructor(blocks: Block[], lang: Lang, slug: string) {
		this.sliders = sliderDefinitions(blocks);
		const cells: Record<string, string> = {};
		for (const block of blocks) if (block.kind === 'cell') cells[block.id] = block.source;
		this.cellIds = Object.keys(cells);
		this.original = { cells, vars: sliderDefaults(this.sliders) };
		this.key = storageKey(lang, slug);
		this.sources = { ...cells };
		this.vars = { ...this.original.vars };
	}

	/** Loads the student's saved work (call once in the browser) and saves every later change. */
	attach(storage: KeyValueStorage): void {
		this.#storage = storage;
		const saved = readSaved(storage, this.key);
		// Nothing saved: keep the state the page was rendered with (no needless re-run).
		if (saved === null) return;
		const restored = applySaved(saved, this.original, this.sliders);
		this.sources = restored.cells;
		this.vars = restored.vars;
	}

	slider(name: string): SliderDefinition | undefined {
		return this.sliders.find((s) => s.var === name);
	}

	setVar(name: string, value: number): void {
		const slider = this.slider(name);
		if (!slider || !Number.isFinite(value)) return;
		this.vars = { ...this.vars, [name]: clampToSlider(slider, value) };
		this.#save();
	}

	setSource(id: string, source: string): void {
		if (!(id in this.original.cells)) return;
		this.sources = { ...this.sources, [id]: source };
		this.#save();
	}

	isEdited(id: string): boolean {
		return this.sources[id] !== this.original.cells[id];
	}

	/** Back to the lesson as written: original cells, slider defaults, nothing stored. */
	reset(): void {
		this.sources = { ...this.original.cells };
		this.vars = { ...this.original.vars };
		this.#save();
	}

	#save(): void {
		if (!this.#storage) return;
		const ok = writeSaved(
			this.#storage,
			this.key,
			{ cells: this.sources, vars: this.vars },
			this.original
		);
		this.saveStatus = ok ? 'saved' : 'failed';
	}
}
