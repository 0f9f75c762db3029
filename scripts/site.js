// The production build as the scripts and the browser tests use it: where it is, how to make it,
// how to serve it as a plain static host would, and which Chromium to point Playwright at.
// scripts/weight.js, scripts/latency.js, scripts/e2e.js, playwright.config.ts and the browser tests
// share it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The build folder: `build/`, or `VIRTLAB_BUILD_DIR` (svelte.config.js reads the same variable). */
export function buildDir() {
	return resolve(repoRoot, process.env.VIRTLAB_BUILD_DIR ?? 'build');
}

/** Builds the site into `buildDir()` (`vite build`; its own output is not shown, its errors are). */
export function buildSite() {
	execFileSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * The build the browser tests run against. It is hosted under a sub-path, as a course on a
 * department's web server or a GitHub project page is, so that every test also checks that links,
 * workers, lazily loaded engines and the service worker carry `BASE_PATH`. It has folders of its
 * own (under the git-ignored tmp/), so `build/` stays what `npm run build` made: `--no-build` in
 * scripts/weight.js and scripts/latency.js measures that one.
 */
export const e2eSite = {
	base: '/virtlab',
	dir: join(repoRoot, 'tmp', 'e2e', 'build'),
	kitDir: join(repoRoot, 'tmp', 'e2e', 'kit')
};

/** The environment that builds (`vite build`) the browser tests' site. */
export const e2eSiteEnv = {
	BASE_PATH: e2eSite.base,
	VIRTLAB_BUILD_DIR: e2eSite.dir,
	VIRTLAB_KIT_DIR: e2eSite.kitDir
};

/**
 * Builds the browser tests' site (`e2eSite`), printing one line, or the build's output and exit
 * code when it fails (its own output lists every chunk, and SvelteKit warns that tsconfig.json does
 * not extend this build's working folder, which is as meant).
 */
export function buildTestSite() {
	// tsconfig.json extends the one `svelte-kit sync` writes in .svelte-kit/, which a fresh clone
	// does not have yet.
	if (!existsSync(join(repoRoot, '.svelte-kit', 'tsconfig.json'))) {
		const env = { ...process.env };
		for (const name of Object.keys(e2eSiteEnv)) delete env[name];
		spawnSync('npx', ['svelte-kit', 'sync'], { cwd: repoRoot, env });
	}
	const started = Date.now();
	const build = spawnSync('npx', ['vite', 'build'], {
		cwd: repoRoot,
		encoding: 'utf8',
		env: { ...process.env, ...e2eSiteEnv }
	});
	if (build.status !== 0) {
		console.error(build.stdout, build.stderr);
		console.error(`The site for the browser tests did not build (exit ${build.status}).`);
		process.exit(build.status ?? 1);
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	const where = relative(repoRoot, e2eSite.dir);
	console.log(`Built the site under ${e2eSite.base} into ${where}/ in ${seconds} s.`);
}

/**
 * Every page of a build: its `index.html` files as paths under the base (`/`, `/lessons/x/`).
 * @param {string} root
 * @param {string} [dir]
 * @returns {string[]}
 */
export function sitePages(root, dir = '') {
	/** @type {string[]} */
	const out = [];
	for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
		if (entry.name === '_app') continue;
		const path = posix.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...sitePages(root, path));
		else if (entry.name === 'index.html') out.push(`/${dir}${dir ? '/' : ''}`);
	}
	return out;
}

/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf'
};

/**
 * A plain static host over `root`, as GitHub Pages or nginx would serve it: files as they are,
 * `index.html` for a folder, and `404.html` (status 404) for anything missing. The browser tests
 * and the latency benchmark run against it (`vite preview` renders unknown addresses itself, and
 * took three times the CPU per request). It listens on 127.0.0.1, on `port` or a free one; a site
 * built under a `base` path is served under it, and `url` ends with that path.
 * @param {string} root
 * @param {string} [base] the site's BASE_PATH ('' for the root of the host)
 * @param {number} [port]
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export async function serveStatic(root, base = '', port = 0) {
	const server = createServer((request, response) => {
		const address = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
		const inside = address === base || address.startsWith(`${base}/`);
		let file = inside ? join(root, normalize(address.slice(base.length) || '/')) : '';
		if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(root) || !existsSync(file)) {
			response.writeHead(404, { 'content-type': types['.html'] });
			response.end(readFileSync(join(root, '404.html')));
			return;
		}
		response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
		response.end(readFileSync(file));
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const listening = typeof address === 'object' && address ? address.port : 0;
	return { url: `http://127.0.0.1:${listening}${base}`, close: () => server.close() };
}

/**
 * A system Chromium for Playwright (it cannot download browsers here): `CHROMIUM_PATH`, Debian's
 * `/usr/bin/chromium`, or whatever `chromium` the PATH has; '' when there is none.
 *
 * With `headlessShell`, Debian's `chromium-headless-shell` comes first when it is installed: the
 * same engine without the browser's windowing layers, which Playwright also prefers for headless
 * tests. On two cores it ran the accessibility checks in three quarters of the time.
 * @param {{ headlessShell?: boolean }} [options]
 * @returns {string}
 */
export function findChromium({ headlessShell = false } = {}) {
	const candidates = [
		process.env.CHROMIUM_PATH,
		headlessShell ? '/usr/bin/chromium-headless-shell' : undefined,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	];
	for (const c of candidates) if (c && existsSync(c)) return c;
	try {
		return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
			encoding: 'utf8'
		}).trim();
	} catch {
		return '';
	}
}

/**
 * The flags the browser tests and the latency benchmark give Chromium: the browser a student has,
 * without what a headless run on a shared machine has no use for.
 */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * The browser tests' Chromium: `chromiumArgs`, with V8 slower to optimize a function. A test keeps
 * its page for a few seconds, and in that time V8's optimizing compilers (Maglev and TurboFan, on
 * background threads) used as much CPU as the page's main thread: 5.9 and 6.4 CPU-seconds on the
 * Chinese paravirtualization lesson with its experiments open and axe-core run over it. Waiting
 * for 5,000 calls of a function before Maglev compiles it and 30,000 before TurboFan does (far
 * more than V8's defaults) took the accessibility spec from 167 to 125 s on two cores and all 126
 * tests but the `@alone` ones from 380 to 340 s, with the same results; the specs that run guests
 * in a worker got faster too. What the page does is unchanged, only how soon its functions are
 * compiled to optimized code. The tests that time the page (`@alone`) and `scripts/latency.js` use
 * `chromiumArgs`.
 */
export function testLaunchOptions({ optimizeLate = true } = {}) {
	return {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: optimizeLate
			? [
					...chromiumArgs,
					'--js-flags=--invocation-count-for-maglev=5000 --invocation-count-for-turbofan=30000'
				]
			: chromiumArgs
	};
}
