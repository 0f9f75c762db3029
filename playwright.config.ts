import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './scripts/site.js';

// The tests run against the production build served by `vite preview`, as a student would get it
// from a static host. scripts/e2e.js finds Debian's Chromium and passes it in CHROMIUM_PATH.
export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 30_000,
	fullyParallel: true,
	workers: 2,
	reporter: [['list']],
	use: {
		baseURL: 'http://127.0.0.1:4173',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: chromiumArgs
		}
	},
	webServer: {
		command: 'npm run build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
		url: 'http://127.0.0.1:4173/',
		timeout: 240_000,
		reuseExistingServer: !process.env.CI
	}
});
