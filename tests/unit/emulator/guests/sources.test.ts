/**
 * The guest's .s files are embedded in src/lib/emulator/guests/sources.generated.ts (see embed.ts
 * there for why). This test fails when the two differ; run it with UPDATE_GUEST_SOURCES=1 to
 * regenerate the module from the files.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { GENERATED_MODULE, renderSourcesModule } from '$lib/emulator/guests/embed.ts';

const GUESTS = join(process.cwd(), 'src/lib/emulator/guests');

function readSources(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const folder of ['kernel', 'workloads'])
		for (const name of readdirSync(join(GUESTS, folder)).sort())
			if (name.endsWith('.s'))
				files[`${folder}/${name}`] = readFileSync(join(GUESTS, folder, name), 'utf8');
	return files;
}

async function expectedModule(path: string): Promise<string> {
	const config = (await resolveConfig(path)) ?? {};
	return format(renderSourcesModule(readSources()), { ...config, filepath: path });
}

describe('embedded guest sources', () => {
	it('sources.generated.ts matches the .s files', async () => {
		const path = join(GUESTS, GENERATED_MODULE);
		const expected = await expectedModule(path);
		if (process.env.UPDATE_GUEST_SOURCES) writeFileSync(path, expected);
		const actual = existsSync(path) ? readFileSync(path, 'utf8') : '';
		expect(
			actual === expected,
			`${GENERATED_MODULE} is out of date: UPDATE_GUEST_SOURCES=1 npx vitest run tests/unit/emulator/guests/sources.test.ts`
		).toBe(true);
	});

	it('keeps each source byte for byte', async () => {
		const { GUEST_SOURCES } = await import('$lib/emulator/guests/sources.generated.ts');
		expect(GUEST_SOURCES).toEqual(readSources());
	});
});
