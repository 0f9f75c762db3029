import { defineConfig } from '@playwright/test';
import { e2eSite, testLaunchOptions } from './scripts/site.js';

// The tests run against the production build, served as a plain static host would serve it
// (scripts/serve-test-site.js), as a student would get it, under a sub-path (e2eSite.base,
// /virtlab): tests visit paths relative to it (`page.goto('lessons/why-virtualize/')`).
// scripts/e2e.js builds it and finds Debian's Chromium, which it passes in CHROMIUM_PATH.
// VIRTLAB_PORT lets two checkouts run their tests at once.
const port = Number(process.env.VIRTLAB_PORT ?? 4173);
const site = `http://127.0.0.1:${port}${e2eSite.base}/`;

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 30_000,
	fullyParallel: true,
	workers: 2,
	reporter: [['list']],
	use: {
		baseURL: site,
		// The service worker stores the whole build (15 MB) on a page's first visit, and every test
		// starts in a fresh browser context: left on, each test would download and store the course
		// again (blocking it took a sixth off the tests' time on two cores). offline.spec.ts allows it
		// and checks it.
		serviceWorkers: 'block',
		// What the page looked like when a test failed (in test-results/).
		screenshot: 'only-on-failure'
	},
	// Debian's Chromium (CHROMIUM_PATH).
	projects: [
		// Every test but those that time the page, two at a time, with V8 slower to optimize
		// (testLaunchOptions in scripts/site.js says why).
		{ name: 'together', grepInvert: /@alone/, use: { launchOptions: testLaunchOptions() } },
		// The tests that time the page's main thread (tagged @alone): once the others have
		// finished, one at a time, so that no other test's browser takes the cores, in Chromium as
		// students have it. (If a test of `together` failed, Playwright does not run them.)
		{
			name: 'alone',
			grep: /@alone/,
			dependencies: ['together'],
			workers: 1,
			use: { launchOptions: testLaunchOptions({ optimizeLate: false }) }
		}
	],
	webServer: {
		// scripts/e2e.js builds the site before the run; `npx playwright test` alone builds it.
		command: `${process.env.VIRTLAB_BUILT ? '' : 'node scripts/build-test-site.js && '}node scripts/serve-test-site.js ${port}`,
		url: site,
		timeout: 240_000,
		reuseExistingServer: !process.env.CI
	}
});
