/**
 * The files of the build under test, read from disk: the site is hosted under a sub-path
 * (e2eSite.base, as `BASE_PATH=/virtlab npm run build` makes it), so every link and asset a page
 * names must live under that path and exist, or a static host would answer 404 where the dev
 * server did not. No browser is needed for these.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { e2eSite } from '../../scripts/site.js';

const { base, dir: site } = e2eSite;

function filesEndingWith(extension: string, dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesEndingWith(extension, path);
		return name.endsWith(extension) ? [path] : [];
	});
}

const htmlFiles = () => filesEndingWith('.html', site);

/** Every URL a page refers to: href, src, and the modules its boot script imports. */
function references(html: string): string[] {
	const attributes = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
	const imports = [...html.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
	return [...attributes, ...imports];
}

/** The file a static host serves for a root-relative URL under the base path. */
function fileFor(url: string): string {
	const path = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
	return join(site, path.endsWith('/') ? `${path}index.html` : path);
}

test.describe(`the site built under ${base}`, () => {
	test('has the outline, the lessons in both languages and 404.html', () => {
		const pages = htmlFiles().map((file) => relative(site, file));
		expect(pages).toContain('index.html');
		expect(pages).toContain('zh/index.html');
		expect(pages).toContain('404.html');
		expect(pages.some((page) => /^lessons\/[^/]+\/index\.html$/.test(page))).toBe(true);
		expect(pages.some((page) => /^zh\/lessons\/[^/]+\/index\.html$/.test(page))).toBe(true);
	});

	test('links every page and asset under the base path, and each one exists', () => {
		const broken: string[] = [];
		for (const file of htmlFiles()) {
			for (const url of references(readFileSync(file, 'utf8'))) {
				if (/^(https?:|mailto:|#|data:)/.test(url)) continue;
				const page = relative(site, file);
				if (!url.startsWith(`${base}/`)) broken.push(`${page}: ${url} is not under ${base}/`);
				else if (!existsSync(fileFor(url))) broken.push(`${page}: ${url} does not exist`);
			}
		}
		expect(broken).toEqual([]);
	});

	test('ships no Markdown pipeline to the browser: lessons are parsed at build time', () => {
		// unified's own error text ("Cannot `parse` without `parser`"): a bundle with unified has it.
		const withUnified = filesEndingWith('.js', join(site, '_app')).filter((file) =>
			/without \\?`parser\\?`/.test(readFileSync(file, 'utf8'))
		);
		expect(withUnified).toEqual([]);
	});

	test('prerenders lesson pages with typeset formulas and the right lang', () => {
		const lessons = htmlFiles().filter((file) => /\/lessons\/[^/]+\/index\.html$/.test(file));
		expect(lessons.length).toBeGreaterThan(0);
		for (const file of lessons) {
			const html = readFileSync(file, 'utf8');
			expect(html, file).toContain('class="katex"');
			const lang = relative(site, file).startsWith('zh/') ? 'zh-Hans' : 'en';
			expect(html, file).toContain(`<html lang="${lang}">`);
		}
	});
});
