import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { lessonContent } from './src/lib/content/vitePlugin.ts';

export default defineConfig({
	plugins: [lessonContent(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// The files share one module graph per worker instead of re-importing mathjs, the assembler
		// and the guests for each of them: the suite runs in less than half the time. Tests must
		// therefore not depend on a fresh module state (caches are keyed by their inputs).
		isolate: false,
		// Vitest's default is one worker fewer than the cores: one worker on a two-core machine, where
		// the suite is CPU-bound and two workers finish in two thirds of the time.
		maxWorkers: availableParallelism(),
		testTimeout: 60_000,
		// V8 optimizes a function after 8 times as much of its code has run as by default. Most of
		// what the suite runs (mathjs, the content pipeline, the tests themselves) runs a few times,
		// and optimizing it cost more than it saved; the emulator's loops run long enough to be
		// optimized all the same. It took the suite from 126-144 s to 103-126 s on two cores.
		execArgv: ['--interrupt-budget=540672']
	}
});
