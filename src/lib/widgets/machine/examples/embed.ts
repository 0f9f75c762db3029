/**
 * How the example programs reach the browser and the CLI. The `.s` files beside this one are the
 * originals, for reading and for GNU as; sources.generated.ts holds the same text as strings,
 * because the CLI runs TypeScript through tsx, which cannot import a `.s` file (the guest kernel
 * is embedded the same way: src/lib/emulator/guests/embed.ts). A test
 * (tests/unit/widgets/machine/examples-sources.test.ts) fails when the generated module differs
 * from the files, and regenerates it:
 *
 *     UPDATE_EXAMPLE_SOURCES=1 npx vitest run tests/unit/widgets/machine/examples-sources.test.ts
 */

/** The generated module's file name, beside this one. */
export const GENERATED_MODULE = 'sources.generated.ts';

/** A string as a template literal: backslashes, backquotes and `${` escaped, the rest as is. */
function templateLiteral(text: string): string {
	return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

/** The text of sources.generated.ts for `files` (file name → contents). */
export function renderExamplesModule(files: Record<string, string>): string {
	const entries = Object.keys(files)
		.sort()
		.map((name) => `\t'${name}': ${templateLiteral(files[name])}`);
	return [
		'// Generated from the .s files beside it by embed.ts: do not edit by hand.',
		'// Regenerate: UPDATE_EXAMPLE_SOURCES=1 npx vitest run tests/unit/widgets/machine/examples-sources.test.ts',
		'export const EXAMPLE_SOURCES: Record<string, string> = {',
		entries.join(',\n'),
		'};',
		''
	].join('\n');
}
