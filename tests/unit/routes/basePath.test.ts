/**
 * Hosting under a sub-path: `BASE_PATH=/virtlab npm run build` must give a site whose every link
 * and asset lives under /virtlab/ and exists. This builds the real site once, into a temporary
 * folder under tmp/ (not build/), and checks every page it wrote.
 */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const base = '/virtlab';
// Inside the project (tmp/ is git-ignored): the prerendering server imports from node_modules.
mkdirSync('tmp', { recursive: true });
const work = mkdtempSync(join(process.cwd(), 'tmp', 'base-path-'));
const site = join(work, 'site');

function filesEndingWith(extension: string, dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesEndingWith(extension, path);
		return name.endsWith(extension) ? [path] : [];
	});
}

const htmlFiles = (dir: string) => filesEndingWith('.html', dir);

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

let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
	build = spawnSync('npx', ['vite', 'build'], {
		encoding: 'utf8',
		env: {
			...process.env,
			BASE_PATH: base,
			VIRTLAB_BUILD_DIR: site,
			VIRTLAB_KIT_DIR: join(work, 'kit')
		}
	});
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`BASE_PATH=${base} npm run build`, () => {
	it('succeeds and writes the outline, the lessons in both languages and 404.html', () => {
		expect(build.status, String(build.stderr)).toBe(0);
		const pages = htmlFiles(site).map((file) => relative(site, file));
		expect(pages).toContain('index.html');
		expect(pages).toContain('zh/index.html');
		expect(pages).toContain('404.html');
		expect(pages.some((page) => /^lessons\/[^/]+\/index\.html$/.test(page))).toBe(true);
	});

	it('links every page and asset under the base path, and each one exists', () => {
		const broken: string[] = [];
		for (const file of htmlFiles(site)) {
			for (const url of references(readFileSync(file, 'utf8'))) {
				if (/^(https?:|mailto:|#|data:)/.test(url)) continue;
				const page = relative(site, file);
				if (!url.startsWith(`${base}/`)) broken.push(`${page}: ${url} is not under ${base}/`);
				else if (!existsSync(fileFor(url))) broken.push(`${page}: ${url} does not exist`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('ships no Markdown pipeline to the browser: lessons are parsed at build time', () => {
		// unified's own error text ("Cannot `parse` without `parser`"): a bundle with unified has it.
		const withUnified = filesEndingWith('.js', join(site, '_app')).filter((file) =>
			/without \\?`parser\\?`/.test(readFileSync(file, 'utf8'))
		);
		expect(withUnified).toEqual([]);
	});

	it('prerenders lesson pages with typeset formulas and the right lang', () => {
		const lessons = htmlFiles(site).filter((file) => /\/lessons\/[^/]+\/index\.html$/.test(file));
		for (const file of lessons) {
			const html = readFileSync(file, 'utf8');
			expect(html, file).toContain('class="katex"');
			const lang = relative(site, file).startsWith('zh/') ? 'zh-Hans' : 'en';
			expect(html, file).toContain(`<html lang="${lang}">`);
		}
	});
});
