// Runs the Playwright end-to-end tests against the production build, hosted under a sub-path
// (e2eSite in scripts/site.js), in Debian's Chromium.
// Playwright cannot download browsers here, so we point it at a system Chromium. Without one the
// browser tests cannot run: we say so loudly, and under CI=true that is a failure.
import { spawnSync } from 'node:child_process';
import { buildTestSite, findChromium } from './site.js';

const chromium = findChromium({ headlessShell: true });
if (!chromium) {
	const bar = '!'.repeat(78);
	console.error(`\n${bar}\n!! BROWSER TESTS DID NOT RUN: no Chromium found.`);
	console.error('!! Install it with: apt-get update && apt-get install -y chromium');
	console.error(`!! (or set CHROMIUM_PATH). Unit tests ran; end-to-end tests did not.\n${bar}\n`);
	process.exit(process.env.CI === 'true' ? 1 : 0);
}
// The site is built once here, for both phases (not by each phase's web server).
buildTestSite();

// Tests tagged @alone measure the page's responsiveness (long tasks on the main thread): their
// project (playwright.config.ts) runs after the other, one test at a time, so that no other test's
// browser takes the two cores (two of them side by side made each other's long tasks).
// A run filtered by title (-g, --grep) runs what it names in one go.
const args = process.argv.slice(2);
const filtered = args.some((a) => a === '-g' || a.startsWith('--grep'));
// Each phase keeps its failures' screenshots in a folder of its own (Playwright empties the output
// folder when it starts): the second phase would otherwise delete the first one's.
const phases = filtered
	? [[]]
	: [
			['--project', 'together', '--pass-with-no-tests', '--output', 'test-results/together'],
			[
				'--project',
				'alone',
				'--pass-with-no-tests',
				'--workers',
				'1',
				'--output',
				'test-results/alone'
			]
		];
let status = 0;
for (const phase of phases) {
	const result = spawnSync('npx', ['playwright', 'test', ...phase, ...args], {
		stdio: 'inherit',
		env: { ...process.env, CHROMIUM_PATH: chromium, VIRTLAB_BUILT: '1' }
	});
	status ||= result.status ?? 1;
}
process.exit(status);
