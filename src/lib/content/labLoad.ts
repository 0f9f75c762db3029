/**
 * Reads the lab files from disk (Node only: the build, the dev server, tests), for the lab pages
 * to import through a server module, as lessons are (load.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../labs/types.ts';
import { ContentErrors, type ContentError } from './errors.ts';
import { parseLab } from './lab.ts';

/** The folder of lab files, relative to the project root. */
export const labsFolder = 'content/labs';

/** Every lab in `<root>/<folder>`, English and Chinese, with every mistake of every file. */
export function checkLabs(
	root: string,
	folder = labsFolder
): { labs: Lab[]; errors: ContentError[] } {
	const dir = join(root, folder);
	if (!existsSync(dir)) return { labs: [], errors: [] };
	const labs: Lab[] = [];
	const errors: ContentError[] = [];
	for (const name of readdirSync(dir)
		.filter((n) => n.endsWith('.md'))
		.sort()) {
		const parsed = parseLab({
			path: `${folder}/${name}`,
			text: readFileSync(join(dir, name), 'utf8')
		});
		errors.push(...parsed.errors);
		if (parsed.lab) labs.push(parsed.lab);
	}
	return { labs, errors };
}

/** The course's labs; throws ContentErrors listing every mistake in every file. */
export function loadLabs(root: string, folder = labsFolder): Lab[] {
	const { labs, errors } = checkLabs(root, folder);
	if (errors.length > 0) throw new ContentErrors(errors);
	return labs;
}
