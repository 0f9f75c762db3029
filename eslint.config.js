import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'tests/fixtures/', 'test-results/', 'tmp/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Links go through the `base`-aware helpers in src/lib; the rule cannot see that.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Engines are pure TypeScript: they run in the page, in a worker, in vitest and in the CLI.
		files: [
			'src/lib/emulator/**',
			'src/lib/sim/**',
			'src/lib/labs/**',
			'src/lib/widgets/exit-stepper/*.ts',
			'src/lib/widgets/machine/**/*.ts',
			'src/lib/worker/vm-session.ts',
			'src/lib/worker/machine-session.ts'
		],
		// A `.svelte.ts` module holds a page's reactive state (runes): it belongs to the page side.
		ignores: ['**/*.svelte.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'svelte',
						'svelte/*',
						'$app/*',
						'$lib/*',
						'node:*',
						'fs',
						'path',
						'os',
						'child_process'
					]
				}
			],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'process',
				'localStorage',
				'performance'
			]
		}
	}
);
