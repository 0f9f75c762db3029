/**
 * The editor's RISC-V assembly language, for Monaco, as plain data and functions (no Monaco
 * import: the editor wires these in onMount; README.md says how). Everything is generated from
 * the emulator's instruction table, assembler and CSR list.
 */
export { classify, type WordClass } from './classify.ts';
export { completionsAt } from './completion.ts';
export { definitionAt, type DefinitionLocation } from './definition.ts';
export { hoverAt, type HoverContext } from './hover.ts';
export {
	MARKER_OWNER,
	problemsList,
	toMarkers,
	type Problem,
	type ProblemsList
} from './markers.ts';
export {
	languageConfiguration,
	LANGUAGE_ID,
	monarchLanguage,
	TOKEN,
	TOKEN_OF_CLASS
} from './monarch.ts';
export type * from './monaco-shapes.ts';
export { indexProgram, type Definition, type ProgramIndex } from './program-index.ts';
