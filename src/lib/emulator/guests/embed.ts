/**
 * How the guest's assembly sources reach every place that builds a guest. The `.s` files in
 * kernel/ and workloads/ are the originals; sources.generated.ts holds the same text as
 * strings, because the CLI runs TypeScript through tsx, which cannot import a `.s` file (Vite's
 * `?raw` works in the browser build and vitest only). A test (tests/unit/emulator/guests/
 * sources.test.ts) fails when the generated module differs from the files, and regenerates it:
 *
 *     UPDATE_GUEST_SOURCES=1 npx vitest run tests/unit/emulator/guests/sources.test.ts
 */

/** The generated module's file name, beside this one. */
export const GENERATED_MODULE = 'sources.generated.ts';

/** A string as a template literal: backslashes, backquotes and `${` escaped, the rest as is. */
function templateLiteral(text: string): string {
	return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

/** The text of sources.generated.ts for `files` (path relative to guests/ → contents). */
export function renderSourcesModule(files: Record<string, string>): string {
	const entries = Object.keys(files)
		.sort()
		.map((path) => `\t'${path}': ${templateLiteral(files[path])}`);
	return [
		'// Generated from the .s files in kernel/ and workloads/ by embed.ts: do not edit by hand.',
		'// Regenerate: UPDATE_GUEST_SOURCES=1 npx vitest run tests/unit/emulator/guests/sources.test.ts',
		'export const GUEST_SOURCES: Record<string, string> = {',
		entries.join(',\n'),
		'};',
		''
	].join('\n');
}
