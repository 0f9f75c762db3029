// Runs the Playwright end-to-end tests against the production build in Debian's Chromium.
// Playwright cannot download browsers here, so we point it at a system Chromium. Without one the
// browser tests cannot run: we say so loudly, and under CI=true that is a failure.
import { spawnSync } from 'node:child_process';
import { findChromium } from './site.js';

const chromium = findChromium();
if (!chromium) {
	const bar = '!'.repeat(78);
	console.error(`\n${bar}\n!! BROWSER TESTS DID NOT RUN: no Chromium found.`);
	console.error('!! Install it with: apt-get update && apt-get install -y chromium');
	console.error(`!! (or set CHROMIUM_PATH). Unit tests ran; end-to-end tests did not.\n${bar}\n`);
	process.exit(process.env.CI === 'true' ? 1 : 0);
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, CHROMIUM_PATH: chromium }
});
process.exit(result.status ?? 1);
