// How much JavaScript a page makes the browser download before the student does anything.
//
// A prerendered page names the scripts it starts with: `<link rel="modulepreload">` tags and the
// inline `import("…")` calls that boot SvelteKit. Each of those modules may statically import more
// (`import … from "./x.js"`), which the browser also fetches before the page runs; dynamic imports
// (`import("./x.js")`, what a lazily loaded engine uses) are left out, since they load later.
// We follow the static imports from the named scripts, gzip each file once, and sum.
//
//   node scripts/weight.js            # builds the site, then prints the figures
//   node scripts/weight.js --no-build # measures the last build in build/
//   node scripts/weight.js --json     # the figures as JSON (the unit test reads this form)
//
// The budget for a lesson page, the playground and a lab page is 150 KB gzip (docs/architecture.md);
// the script exits 1 over it. Monaco (about 825 KB gzip) loads after the playground page is up.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDir, buildSite, sitePages } from './site.js';

export const budgetKB = 150;

/**
 * Script URLs a page's HTML starts with: modulepreload links and inline `import("…")` calls.
 * @param {string} html
 * @returns {string[]}
 */
export function entryScripts(html) {
	const urls = new Set();
	for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
		if (!/rel="?modulepreload"?/.test(tag)) continue;
		const href = /href="([^"]+)"/.exec(tag);
		if (href) urls.add(href[1]);
	}
	for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
		const src = /<script\b[^>]*\bsrc="([^"]+)"/.exec(script);
		if (src) urls.add(src[1]);
		for (const call of script.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) urls.add(call[1]);
	}
	return [...urls];
}

/**
 * The modules a built chunk imports statically. Minified output writes them as
 * `import{a as b}from"./x.js"`, `import"./x.js"` or `export*from"./x.js"`; `import("./x.js")`
 * (with a parenthesis) is a dynamic import and is skipped.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
	const found = new Set();
	const pattern =
		/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
	for (const match of code.matchAll(pattern)) found.add(match[1]);
	return [...found];
}

/**
 * @typedef {{ files: number, gzipBytes: number, kb: number }} Weight
 * @typedef {Weight & { path: string, budgeted: boolean }} PageWeight
 */

/**
 * Sums the gzip size of every script `html` loads before interaction; `root` is the build folder.
 * @param {string} root
 * @param {string} html
 * @param {string} [base] the site's BASE_PATH, if it was built under one
 * @returns {Weight}
 */
export function pageWeight(root, html, base = '') {
	/** @type {Map<string, number>} */
	const seen = new Map();
	/** @param {string} url */
	const toFile = (url) => join(root, url.startsWith(base) ? url.slice(base.length) : url);
	/** @param {string} url */
	const visit = (url) => {
		if (seen.has(url)) return;
		const file = toFile(url);
		if (!existsSync(file)) return;
		const code = readFileSync(file);
		seen.set(url, gzipSync(code, { level: 9 }).length);
		for (const relative of staticImports(code.toString('utf8'))) {
			visit(relative.startsWith('/') ? relative : posix.join(posix.dirname(url), relative));
		}
	};
	for (const url of entryScripts(html)) visit(url);
	const bytes = [...seen.values()].reduce((a, b) => a + b, 0);
	return { files: seen.size, gzipBytes: bytes, kb: Math.round((bytes / 1024) * 10) / 10 };
}

/**
 * @param {string} root the build folder
 * @param {string} [base] the BASE_PATH it was built with
 * @returns {PageWeight[]}
 */
export function measure(root, base = '') {
	return sitePages(root)
		.sort()
		.map((path) => {
			const html = readFileSync(join(root, path, 'index.html'), 'utf8');
			// Lessons, the playground and the labs have the budget; the outline and the 404 page are far
			// below it. A lab page's grader (the emulator, mathjs) loads in its worker, on Check.
			const budgeted = ['/lessons/', '/playground/', '/labs/'].some((part) => path.includes(part));
			return { path, budgeted, ...pageWeight(root, html, base) };
		});
}

function main() {
	const args = process.argv.slice(2);
	if (!args.includes('--no-build')) buildSite();
	const figures = measure(buildDir());
	const over = figures.filter((page) => page.budgeted && page.kb > budgetKB);
	if (args.includes('--json')) {
		console.log(JSON.stringify({ budgetKB, pages: figures }, null, '\t'));
	} else {
		console.log(
			`JavaScript loaded before interaction (gzip, budget ${budgetKB} KB per lesson, playground and lab page)`
		);
		for (const page of figures) {
			const mark = page.budgeted && page.kb > budgetKB ? '  OVER BUDGET' : '';
			console.log(
				`  ${page.path.padEnd(40)} ${String(page.kb).padStart(7)} KB  ${page.files} files${mark}`
			);
		}
	}
	process.exit(over.length > 0 ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
