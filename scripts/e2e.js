// Runs the Playwright end-to-end tests against the production build in Debian's Chromium.
// Playwright cannot download browsers here, so we point it at a system Chromium. Without one the
// browser tests cannot run: we say so loudly, and under CI=true that is a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const c of candidates) if (c && existsSync(c)) return c;
	try {
		return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
			encoding: 'utf8'
		}).trim();
	} catch {
		return '';
	}
}

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
