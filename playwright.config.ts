import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './scripts/site.js';

// The tests run against the production build served by `vite preview`, as a student would get it
// from a static host. scripts/e2e.js finds Debian's Chromium and passes it in CHROMIUM_PATH.
// VIRTLAB_PORT lets two checkouts (or two builds, with VIRTLAB_BUILD_DIR and VIRTLAB_KIT_DIR) run
// their tests at once.
const port = Number(process.env.VIRTLAB_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 30_000,
	fullyParallel: true,
	workers: 2,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// The service worker stores the whole build (15 MB) on a page's first visit, and every test
		// starts in a fresh browser context: left on, each test would download and store the course
		// again (blocking it took a sixth off the tests' time on two cores). offline.spec.ts allows it
		// and checks it.
		serviceWorkers: 'block',
		// What the page looked like when a test failed (in test-results/, kept by scripts/e2e.js).
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: chromiumArgs
		}
	},
	webServer: {
		// scripts/e2e.js builds the site once before its phases; `npx playwright test` alone builds it.
		command: `${process.env.VIRTLAB_BUILT ? '' : 'npm run build && '}npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}/`,
		timeout: 240_000,
		reuseExistingServer: !process.env.CI
	}
});
