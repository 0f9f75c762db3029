import type { Command } from '../main.ts';

export const command: Command = {
	summary: 'model (not built yet)',
	async run() {
		process.stderr.write('virtlab model: not built yet\n');
		return 2;
	}
};
