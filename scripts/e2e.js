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
// The site is built once here (not by the web server of playwright.config.ts).
buildTestSite();

// The tests tagged @alone (the `alone` project of playwright.config.ts) run after the others, in
// the same run, one at a time.
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, CHROMIUM_PATH: chromium, VIRTLAB_BUILT: '1' }
});
process.exit(result.status ?? 1);
