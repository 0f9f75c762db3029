/**
 * Monaco as the playground uses it, in one module so that the bundler makes few chunks of it:
 * `editor.api` (the bare editor; the full build, `editor.main`, adds every language and every
 * contribution) and the contributions a student needs, by the `features/<name>/register` modules
 * `editor.main` itself imports. Loaded only by monaco-loader.ts, through a dynamic import.
 *
 * The glyph margin (breakpoints) needs no contribution: it is an editor option.
 */
import 'monaco-editor/features/hover/register'; // documentation on hover
import 'monaco-editor/features/suggest/register'; // completion: the model…
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'; // …and its widget
import 'monaco-editor/features/find/register'; // Ctrl+F
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoSymbol/register'; // F12 and Ctrl+click: go to definition
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register'; // Ctrl+/
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register'; // cut, copy, paste in the context menu
import 'monaco-editor/features/toggleTabFocusMode/register'; // Ctrl+M: Tab moves focus
import 'monaco-editor/features/gotoError/register'; // F8: the next problem
import 'monaco-editor/features/wordOperations/register'; // Ctrl+arrows move by word
import 'monaco-editor/features/codicon/register'; // the icon font of the widgets above

export * from 'monaco-editor/editor/editor.api';
export { default as EditorWorker } from 'monaco-editor/editor/editor.worker?worker';
