import type { Command } from '../main.ts';

export const command: Command = {
	summary: 'run (not built yet)',
	async run() {
		process.stderr.write('virtlab run: not built yet\n');
		return 2;
	}
};
