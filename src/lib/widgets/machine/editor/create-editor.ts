/**
 * One Monaco editor on the page, driven by Editor.svelte: it creates the model and the editor,
 * and answers the component's prop changes (value, diagnostics, breakpoints, current line…) with
 * Monaco calls. It is loaded with Monaco, never on its own, so the component stays thin and the
 * language code (the emulator's instruction table) stays out of pages without an editor.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Diagnostic, AsmSymbol } from '../../../emulator/asm/types.ts';
import type { Lang } from '../../../i18n/index.ts';
import {
	indexProgram,
	LANGUAGE_ID,
	MARKER_OWNER,
	toMarkers,
	type ProgramIndex
} from '../language/index.ts';
import { say } from '../say.ts';
import {
	breakpointDecorations,
	linesFromRanges,
	sameLines,
	sortedLines,
	toggleBreakpoint
} from './breakpoints.ts';
import { markerForMonaco } from './language-adapters.ts';
import type { MonacoApi } from './monaco-loader.ts';
import { registerLanguageOnce, registerProviders } from './register-language.ts';
import { PALETTES, THEME_NAME, themeData, type Scheme } from './themes.ts';

export interface EditorSettings {
	lang: Lang;
	value: string;
	label: string;
	readOnly: boolean;
	breakpoints: readonly number[];
}

export interface EditorEvents {
	/** The student changed the text. */
	onchange: (value: string) => void;
	/** The breakpoints changed: toggled, or moved with their lines by an edit. */
	onbreakpoints: (lines: number[]) => void;
	/** The cursor moved to another line. */
	oncursor: (line: number) => void;
}

export interface EditorHandle {
	setValue(value: string): void;
	setLabel(label: string): void;
	setReadOnly(readOnly: boolean): void;
	setDiagnostics(diagnostics: readonly Diagnostic[]): void;
	setSymbols(symbols: readonly Pick<AsmSymbol, 'name' | 'value'>[]): void;
	setCsrValue(csrValue: ((name: string) => number | undefined) | undefined): void;
	setBreakpoints(lines: readonly number[]): void;
	setCodeLines(lines: readonly number[] | undefined): void;
	setCurrentLine(line: number | undefined): void;
	revealLine(line: number, column: number): void;
	dispose(): void;
}

const DARK = '(prefers-color-scheme: dark)';

/**
 * The page's colour scheme (app.css follows prefers-color-scheme), kept up to date. Monaco's
 * theme is one for the page; the decorations' colours are set on this editor's element.
 */
function followScheme(monaco: MonacoApi, element: HTMLElement): Monaco.IDisposable {
	for (const scheme of ['light', 'dark'] as Scheme[]) {
		monaco.editor.defineTheme(THEME_NAME[scheme], themeData(scheme));
	}
	const query = matchMedia(DARK);
	const apply = () => {
		const scheme: Scheme = query.matches ? 'dark' : 'light';
		monaco.editor.setTheme(THEME_NAME[scheme]);
		element.style.setProperty('--virtlab-current-line', PALETTES[scheme].currentLine);
		element.style.setProperty('--virtlab-breakpoint', PALETTES[scheme].breakpoint);
	};
	apply();
	query.addEventListener('change', apply);
	return { dispose: () => query.removeEventListener('change', apply) };
}

export function createEditor(
	monaco: MonacoApi,
	element: HTMLElement,
	settings: EditorSettings,
	events: EditorEvents
): EditorHandle {
	registerLanguageOnce(monaco.languages);
	const model = monaco.editor.createModel(settings.value, LANGUAGE_ID);
	model.updateOptions({ tabSize: 8, insertSpaces: false }); // GNU as sources align with tabs
	const editor = monaco.editor.create(element, {
		model,
		ariaLabel: settings.label,
		readOnly: settings.readOnly,
		glyphMargin: true,
		lineNumbersMinChars: 3,
		minimap: { enabled: false },
		automaticLayout: true, // a ResizeObserver on the container
		scrollBeyondLastLine: false,
		fontFamily: getComputedStyle(element).getPropertyValue('--font-mono').trim() || 'monospace',
		fontSize: 14,
		lineHeight: 20,
		wordBasedSuggestions: 'off', // only the language's completions
		fixedOverflowWidgets: true, // hovers may leave the editor's box
		renderLineHighlight: 'line'
	});

	let symbols: readonly Pick<AsmSymbol, 'name' | 'value'>[] = [];
	let csrValue: ((name: string) => number | undefined) | undefined;
	let cached: { version: number; symbols: typeof symbols; index: ProgramIndex } | undefined;
	const index = (): ProgramIndex => {
		const version = model.getVersionId();
		if (cached?.version !== version || cached.symbols !== symbols) {
			const full = symbols.map((s) => ({ ...s, global: false }));
			cached = { version, symbols, index: indexProgram(model.getValue(), full) };
		}
		return cached.index;
	};

	let breakpoints = sortedLines(settings.breakpoints);
	// The lines with code of the text as it was when they were given: after an edit they describe
	// another program, and a breakpoint may go on any line until the next assembly says.
	let codeLines: { lines: readonly number[]; text: string } | undefined;
	const currentCodeLines = () =>
		codeLines?.text === model.getValue() ? codeLines.lines : undefined;
	const bpHover = say(settings.lang, 'editor.breakpoint');
	const dots = editor.createDecorationsCollection(breakpointDecorations(breakpoints, bpHover));
	const current = editor.createDecorationsCollection();

	const showBreakpoints = (lines: readonly number[]) => {
		breakpoints = sortedLines(lines).filter((l) => l <= model.getLineCount());
		dots.set(breakpointDecorations(breakpoints, bpHover));
	};
	const toggle = (line: number) => {
		showBreakpoints(toggleBreakpoint(breakpoints, line, currentCodeLines()));
		events.onbreakpoints([...breakpoints]);
	};

	let external = false; // an edit the component asked for: no echo back
	const disposables: Monaco.IDisposable[] = [
		followScheme(monaco, element),
		...registerProviders(monaco.languages, model, () => ({ index, csrValue })),
		model.onDidChangeContent(() => {
			if (external) return;
			events.onchange(model.getValue());
			// Monaco moved the dots with their lines; read them back.
			const moved = linesFromRanges(dots.getRanges());
			if (!sameLines(moved, breakpoints)) {
				showBreakpoints(moved);
				events.onbreakpoints([...breakpoints]);
			}
		}),
		editor.onDidChangeCursorPosition((e) => events.oncursor(e.position.lineNumber)),
		editor.onMouseDown((e) => {
			// A click in the glyph margin, left of the line numbers, toggles that line's breakpoint.
			if (
				e.target.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN &&
				e.target.position
			) {
				toggle(e.target.position.lineNumber);
			}
		}),
		editor.addAction({
			id: 'virtlab.toggleBreakpoint',
			label: say(settings.lang, 'editor.toggleBreakpoint'),
			keybindings: [monaco.KeyCode.F9],
			contextMenuGroupId: 'navigation',
			contextMenuOrder: 0,
			run: (ed) => toggle(ed.getPosition()?.lineNumber ?? 1)
		})
	];

	return {
		setValue(value) {
			if (value === model.getValue()) return;
			external = true;
			// An edit, not setValue: the student can undo loading an example.
			model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
			external = false;
			showBreakpoints(breakpoints);
		},
		setLabel: (label) => editor.updateOptions({ ariaLabel: label }),
		setReadOnly: (readOnly) => editor.updateOptions({ readOnly }),
		setDiagnostics(diagnostics) {
			const markers = toMarkers(diagnostics).map((m) => markerForMonaco(m, monaco.MarkerSeverity));
			monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
		},
		setSymbols: (next) => void (symbols = next),
		setCsrValue: (next) => void (csrValue = next),
		setBreakpoints(lines) {
			if (!sameLines(lines, breakpoints)) showBreakpoints(lines);
		},
		setCodeLines(lines) {
			codeLines = lines && { lines, text: model.getValue() };
		},
		setCurrentLine(line) {
			if (line === undefined || line > model.getLineCount()) return current.clear();
			current.set([
				{
					range: new monaco.Range(line, 1, line, 1),
					options: {
						isWholeLine: true,
						className: 'virtlab-current-line',
						linesDecorationsClassName: 'virtlab-current-glyph',
						linesDecorationsTooltip: say(settings.lang, 'editor.currentLine')
					}
				}
			]);
			editor.revealLineInCenterIfOutsideViewport(line);
		},
		revealLine(line, column) {
			editor.setPosition({ lineNumber: line, column });
			editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
			editor.focus();
		},
		dispose() {
			for (const d of disposables) d.dispose();
			monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
			editor.dispose();
			model.dispose();
		}
	};
}
