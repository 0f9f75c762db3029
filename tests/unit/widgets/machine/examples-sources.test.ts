/**
 * The examples' .s files are embedded in src/lib/widgets/machine/examples/sources.generated.ts
 * (see embed.ts there for why). This test fails when the two differ; run it with
 * UPDATE_EXAMPLE_SOURCES=1 to regenerate the module from the files.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { GENERATED_MODULE, renderExamplesModule } from '$lib/widgets/machine/examples/embed.ts';

const EXAMPLES = join(process.cwd(), 'src/lib/widgets/machine/examples');

function readSources(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(EXAMPLES).sort())
		if (name.endsWith('.s')) files[name] = readFileSync(join(EXAMPLES, name), 'utf8');
	return files;
}

async function expectedModule(path: string): Promise<string> {
	const config = (await resolveConfig(path)) ?? {};
	return format(renderExamplesModule(readSources()), { ...config, filepath: path });
}

describe('embedded example sources', () => {
	it('sources.generated.ts matches the .s files', async () => {
		const path = join(EXAMPLES, GENERATED_MODULE);
		const expected = await expectedModule(path);
		if (process.env.UPDATE_EXAMPLE_SOURCES) writeFileSync(path, expected);
		const actual = existsSync(path) ? readFileSync(path, 'utf8') : '';
		expect(
			actual === expected,
			`${GENERATED_MODULE} is out of date: UPDATE_EXAMPLE_SOURCES=1 npx vitest run tests/unit/widgets/machine/examples-sources.test.ts`
		).toBe(true);
	});

	it('keeps each source byte for byte, backquotes, backslashes and ${ included', async () => {
		const { EXAMPLE_SOURCES } = await import('$lib/widgets/machine/examples/sources.generated.ts');
		expect(EXAMPLE_SOURCES).toEqual(readSources());
		const tricky = { 'a.s': "li a0, '\\n' # `x` ${y}\n" };
		const module = renderExamplesModule(tricky);
		const body = module.slice(module.indexOf('{'), module.lastIndexOf('}') + 1);
		expect(new Function(`return ${body}`)()).toEqual(tricky);
	});
});
