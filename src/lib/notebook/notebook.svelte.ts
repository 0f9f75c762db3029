/**
 * The live state of one lesson's notebook: cell sources (possibly edited), slider values, committed
 * predictions, and what running the cells gives. Everything a widget shows is derived from `sources`
 * and `vars`, so moving a slider or editing a cell re-runs the lesson once (only the statements the
 * moved slider affects: program.ts) and every cell, plot and check updates together.
 *
 * The engine (engine.ts, mathjs) is not part of the page's first JavaScript: `loadEngine()` fetches
 * it on the student's first interaction or when the browser is idle (LessonBody). Until then the
 * notebook shows the views the build computed for the lesson as written; a cell whose saved edits or
 * slider values differ from those shows as pending, and the engine is fetched at once.
 */
import { allBlocks, type Block, type Lang } from '../content/types.ts';
import type * as EngineModule from './engine.ts';
import {
	applySaved,
	readSaved,
	storageKey,
	writeSaved,
	type KeyValueStorage,
	type NotebookValues
} from './persistence.ts';
import type { CellSource, CompiledCell, Run } from './program.ts';
import {
	clampToSlider,
	sliderDefaults,
	sliderDefinitions,
	type SliderDefinition
} from './sliders.ts';
import type { CellView, PlotView } from './views.ts';

export type Engine = typeof EngineModule;
export type SaveStatus = 'idle' | 'saved' | 'failed';
/** `static`: showing the build's views; `loading`; `live`: mathjs is here; `failed`: it did not load. */
export type EngineStatus = 'static' | 'loading' | 'live' | 'failed';

const pending: CellView = { status: 'pending', rows: [] };

/**
 * How long a slider must rest before it counts as settled: while it moves, plots sweep a coarser set
 * of samples (Plot.svelte) and its value is not yet written to storage; once it settles, the plots
 * sweep every sample and the value is saved.
 */
export const SETTLE_MS = 200;

export class Notebook {
	readonly sliders: SliderDefinition[];
	readonly original: NotebookValues;
	readonly key: string;
	/** Cells in document order (ids only; sources live in `sources`). */
	readonly cellIds: string[];
	/** The ids of the lesson's `:::predict` blocks. */
	readonly predictionIds: string[];

	sources = $state<Record<string, string>>({});
	vars = $state<Record<string, number>>({});
	/** Prediction id -> the answer the student committed; an answered prediction shows its experiment. */
	answers = $state<Record<string, string>>({});
	saveStatus = $state<SaveStatus>('idle');
	engine = $state.raw<Engine | null>(null);
	engineStatus = $state<EngineStatus>('static');
	/** A slider has moved within the last SETTLE_MS. */
	sliding = $state(false);

	// Caches, not state: nothing should re-run because an entry was added to them.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#compiled = new Map<string, CompiledCell>();
	#lastRun: Run | undefined;
	#storage: KeyValueStorage | undefined;
	#loading: Promise<Engine> | undefined;
	#settleTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #load: () => Promise<Engine>;
	readonly #initialCells: Record<string, CellView> = {};
	readonly #initialPlots: Record<string, PlotView> = {};

	/** The compiled cells, once the engine is here. */
	program: CompiledCell[] | null = $derived.by(() => {
		if (!this.engine) return null;
		const cells: CellSource[] = this.cellIds.map((id) => ({ id, source: this.sources[id] ?? '' }));
		return this.engine.compileCells(cells, this.#compiled);
	});

	/** The current run, once the engine is here; after a slider move, only what it affects re-runs. */
	run: Run | null = $derived.by(() => {
		const engine = this.engine;
		if (!engine || !this.program) return null;
		const run = engine.runProgram(
			this.program,
			{ ...this.vars },
			{ previous: this.#lastRun, budgetMs: engine.runBudgetMs }
		);
		this.#lastRun = run;
		return run;
	});

	/** True when the cells or sliders differ from the lesson as written. */
	edited = $derived.by(() => {
		const { cells, vars } = this.original;
		return (
			Object.keys(cells).some((id) => this.sources[id] !== cells[id]) ||
			Object.keys(vars).some((name) => this.vars[name] !== vars[name])
		);
	});

	constructor(blocks: Block[], lang: Lang, slug: string, engine?: Engine) {
		const every = allBlocks(blocks);
		this.sliders = sliderDefinitions(every);
		const cells: Record<string, string> = {};
		for (const block of every) {
			if (block.kind === 'cell') {
				cells[block.id] = block.source;
				if (block.view) this.#initialCells[block.id] = block.view;
			}
			if (block.kind === 'widget' && block.view) this.#initialPlots[block.id] = block.view;
		}
		this.cellIds = Object.keys(cells);
		this.predictionIds = every.flatMap((block) => (block.kind === 'predict' ? [block.id] : []));
		this.original = { cells, vars: sliderDefaults(this.sliders), answers: {} };
		this.key = storageKey(lang, slug);
		this.sources = { ...cells };
		this.vars = { ...this.original.vars };
		// Tests pass the engine in; a page loads it lazily (a separate chunk, fetched on demand).
		this.#load = () => import('./engine.ts');
		if (engine) {
			this.engine = engine;
			this.engineStatus = 'live';
		}
	}

	/** Fetches the engine once; every caller gets the same promise. */
	loadEngine(): Promise<Engine> {
		if (this.engine) return Promise.resolve(this.engine);
		this.#loading ??= this.#load().then(
			(engine) => {
				this.engine = engine;
				this.engineStatus = 'live';
				return engine;
			},
			(error: unknown) => {
				// A failed fetch (offline, a new deployment) may be retried on the next interaction.
				this.#loading = undefined;
				this.engineStatus = 'failed';
				throw error;
			}
		);
		if (this.engineStatus === 'static') this.engineStatus = 'loading';
		return this.#loading;
	}

	/** What a cell shows now: live, or the build's view while it is still right, or pending. */
	cellView(id: string): CellView {
		if (this.engine && this.run) return this.engine.cellView(this.run.cells.get(id));
		return this.edited ? pending : (this.#initialCells[id] ?? pending);
	}

	/** The plot's lines as the build computed them (for the lesson as written). */
	initialPlot(id: string): PlotView | undefined {
		return this.#initialPlots[id];
	}

	/** Loads the student's saved work (call once in the browser) and saves every later change. */
	attach(storage: KeyValueStorage): void {
		this.#storage = storage;
		const saved = readSaved(storage, this.key);
		// Nothing saved: keep the state the page was rendered with (no needless re-run).
		if (saved === null) return;
		const restored = applySaved(saved, this.original, this.sliders, this.predictionIds);
		this.sources = restored.cells;
		this.vars = restored.vars;
		this.answers = restored.answers;
		// The build's views are for the lesson as written: saved edits need the engine now.
		if (this.edited) this.loadEngine().catch(() => {});
	}

	slider(name: string): SliderDefinition | undefined {
		return this.sliders.find((s) => s.var === name);
	}

	setVar(name: string, value: number): void {
		const slider = this.slider(name);
		if (!slider || !Number.isFinite(value)) return;
		this.vars = { ...this.vars, [name]: clampToSlider(slider, value) };
		// A drag sends dozens of values a second: the last one is saved when the slider rests.
		this.sliding = true;
		clearTimeout(this.#settleTimer);
		this.#settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
	}

	/**
	 * The slider has come to rest (or the page is being left: LessonBody calls this on `pagehide`):
	 * plots refine their sweeps and the slider values are saved.
	 */
	settle(): void {
		clearTimeout(this.#settleTimer);
		this.#settleTimer = undefined;
		if (!this.sliding) return;
		this.sliding = false;
		this.#save();
	}

	setSource(id: string, source: string): void {
		if (!(id in this.original.cells)) return;
		this.sources = { ...this.sources, [id]: source };
		this.#save();
	}

	/** Records a committed prediction: its experiment opens, now and after a reload. */
	commitAnswer(id: string, answer: string): void {
		if (!this.predictionIds.includes(id)) return;
		this.answers = { ...this.answers, [id]: answer };
		this.#save();
	}

	isEdited(id: string): boolean {
		return this.sources[id] !== this.original.cells[id];
	}

	/**
	 * Back to the lesson as written: original cells and slider defaults. Committed predictions stay:
	 * they are the student's progress, not an edit of the lesson.
	 */
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
			{ cells: this.sources, vars: this.vars, answers: this.answers },
			this.original
		);
		this.saveStatus = ok ? 'saved' : 'failed';
	}
}
